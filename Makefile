# inno: the Makefile.  ./configure writes config.mk; `make check` and
# `make demo` run configure themselves, installing missing Debian packages
# when run as root, so each works as the first command in a fresh clone.

-include config.mk
ifdef PREFIX
prefix = $(PREFIX)
endif

VERSION = 0.1.0
BUILD ?= build
SAN ?=
WARN = -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
	-Wmissing-prototypes -Wno-unused-parameter -Wformat=2 -Wvla
ifeq ($(SAN),fuzz)
SANFLAGS = -fsanitize=fuzzer-no-link,address,undefined \
	-fno-sanitize-recover=all -fno-omit-frame-pointer -Wno-format-nonliteral \
	-Wno-string-concatenation
else ifneq ($(SAN),)
SANFLAGS = -fsanitize=address,undefined -fno-sanitize-recover=all \
	-fno-omit-frame-pointer
endif
ALL_CFLAGS = $(WARN) -D_POSIX_C_SOURCE=200809L -D_XOPEN_SOURCE=700 \
	-DINNO_SYSCONFDIR='"$(sysconfdir)"' -DINNO_DATADIR='"$(datadir)/inno"' \
	-DINNO_LOCALEDIR='"$(localedir)"' \
	-Ilib -Icmd $(SQLITE_CFLAGS) $(PQ_CFLAGS) $(INI_CFLAGS) $(CFLAGS) \
	$(SANFLAGS)
CSV_LIBS ?= -lcsv
INI_LIBS ?= -liniparser
# libpq is not linked: lib/db-pg.c loads it when a program opens a
# PostgreSQL database, since it brings libssl, libcrypto, Kerberos and
# LDAP with it, and a program that never opens one should not load them
# at every start.  Its header is libpq-dev's (PQ_CFLAGS).
LIBS = $(SQLITE_LIBS) $(CSV_LIBS) $(INI_LIBS) $(XLSX_LIBS) -lm

LIBSRC = $(sort $(wildcard lib/*.c))
LIBOBJ = $(LIBSRC:lib/%.c=$(BUILD)/lib/%.o) $(BUILD)/lib/schema.o \
	$(BUILD)/lib/pgschema.o
PROGS = $(sort $(filter-out cli,$(basename $(notdir $(wildcard cmd/*.c)))))
BINS = $(PROGS:%=$(BUILD)/bin/%)
SCHEMA = $(sort $(wildcard share/schema/*.sql))
# The same migrations for PostgreSQL, numbered alike (share/schema/pg).
PGSCHEMA = $(sort $(wildcard share/schema/pg/*.sql))
UNITSRC = $(wildcard tests/unit/*.c)
UNITS = $(UNITSRC:tests/unit/%.c=$(BUILD)/tests/%)
FUZZSRC = $(sort $(wildcard tests/fuzz/*.c))
FUZZERS = $(FUZZSRC:tests/fuzz/%.c=$(BUILD)/fuzz/%)
# The fuzzers are built with clang and libFuzzer in a directory of their own.
FUZZ_BUILD = build/fuzz
# The message catalogues: po/LANG/*.po (one file per part of the code,
# each with the same header), joined and compiled for the tests into
# $(BUILD)/locale and installed into $(localedir).
POLANGS = $(notdir $(patsubst %/,%,$(sort $(dir $(wildcard po/*/*.po)))))
MOFILES = $(POLANGS:%=$(BUILD)/locale/%/LC_MESSAGES/inno.mo)
MAN1 = $(wildcard man/*.1)
MANALL = $(MAN1) $(wildcard man/*.5) $(wildcard man/*.7)

# The catalogue rule lists its sources with a second expansion.
.SECONDEXPANSION:

.PHONY: all programs check test test-asan test-pg demo bench bench-tools fuzz fuzzers pot \
	fuzz-build fuzz-corpus lint install uninstall clean deps configured

all:
	@test -f config.mk || sh ./configure
	@$(MAKE) --no-print-directory programs

programs: configured $(BINS) $(UNITS) $(MOFILES)

configured:
	@test -n "$(CONFIGURED)" || { echo "run ./configure first" >&2; exit 2; }

$(BUILD)/schema.c: lib/mkschema.sh $(SCHEMA)
	@mkdir -p $(@D)
	sh lib/mkschema.sh $(SCHEMA) > $@.tmp && mv $@.tmp $@

$(BUILD)/lib/schema.o: $(BUILD)/schema.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/pgschema.c: lib/mkschema.sh $(PGSCHEMA)
	@mkdir -p $(@D)
	sh lib/mkschema.sh -p inno_pg $(PGSCHEMA) > $@.tmp && mv $@.tmp $@

$(BUILD)/lib/pgschema.o: $(BUILD)/pgschema.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/lib/%.o: lib/%.c lib/*.h
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/locale/%/LC_MESSAGES/inno.mo: $$(sort $$(wildcard po/%/*.po))
	@mkdir -p $(@D)
	msgcat --use-first --force-po -o $@.po $^ && msgfmt --check -o $@.tmp $@.po && \
		mv $@.tmp $@ && rm -f $@.po

# po/inno.pot: the messages marked in the code, for translators.
pot:
	xgettext --from-code=UTF-8 --language=C --keyword=_ --keyword=N_ \
		--add-comments=TRANSLATORS --package-name=inno \
		--package-version=$(VERSION) -o po/inno.pot \
		$(LIBSRC) cmd/*.c

$(BUILD)/libinno.a: $(LIBOBJ)
	rm -f $@
	ar rcs $@ $(LIBOBJ)

$(BUILD)/cmd/cli.o: cmd/cli.c cmd/cli.h lib/*.h
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/bin/%: cmd/%.c $(BUILD)/cmd/cli.o $(BUILD)/libinno.a cmd/*.h lib/*.h
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(BUILD)/cmd/cli.o $(BUILD)/libinno.a \
		$(LDFLAGS) $(LIBS)

$(BUILD)/fuzz/%: tests/fuzz/%.c $(BUILD)/libinno.a lib/*.h
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -fsanitize=fuzzer -o $@ $< $(BUILD)/libinno.a \
		$(LDFLAGS) $(LIBS)

$(BUILD)/tests/%: tests/unit/%.c tests/unit/tap.h $(BUILD)/libinno.a lib/*.h
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Itests/unit -o $@ $< $(BUILD)/libinno.a \
		$(LDFLAGS) $(LIBS)

# The tests: set up (install what is missing), build, run the suite, run
# it again on PostgreSQL (test-pg), then build again with AddressSanitizer
# and UndefinedBehaviorSanitizer and run the suite on that build too.  A test that needs a PostgreSQL server
# starts a throwaway one of its own (tests/pg/cluster.sh) and stops it as
# it ends, as each test has a database of its own: no service has to run
# for `make test`, tests in parallel share no server, and a test run alone
# with prove needs nothing else either.
check:
	sh ./configure --install-deps --with-tests
	@$(MAKE) --no-print-directory programs
	@$(MAKE) --no-print-directory lint
	@$(MAKE) --no-print-directory test
	@$(MAKE) --no-print-directory test-pg
	@$(MAKE) --no-print-directory test-asan
	@$(MAKE) --no-print-directory fuzz-corpus

test: programs
	LC_ALL=C.UTF-8 TZ=UTC INNO_BUILD=$(BUILD) INNO_LOCALEDIR=$(CURDIR)/$(BUILD)/locale prove -j2 tests/t*.sh $(UNITS)

test-asan:
	@$(MAKE) --no-print-directory BUILD=build/asan SAN=1 test

# The command tests again, on PostgreSQL: tests/pg/suite.sh starts one
# throwaway cluster for the run and tests/lib.sh gives each script a
# database of its own on it, so the same assertions hold the PostgreSQL
# engine to what the SQLite one does; what only SQLite has is skipped,
# each skip with its reason.  The unit tests, which never open a
# database by name, are not run again.
test-pg: programs
	LC_ALL=C.UTF-8 TZ=UTC INNO_BUILD=$(BUILD) INNO_LOCALEDIR=$(CURDIR)/$(BUILD)/locale sh tests/pg/suite.sh prove -j2 tests/t*.sh

demo:
	sh ./configure --install-deps
	@$(MAKE) --no-print-directory programs
	sh tests/demo.sh $(BUILD)

# The benchmarks (tests/bench/run.sh says what each prints); their tools
# are built into $(BUILD)/bench.  SIZE, LEDGER, BIG and CALLS set their
# sizes (README.md, "Benchmarks").
BENCHTOOLS = $(BUILD)/bench/timeit $(BUILD)/bench/mileage-insert1 \
	$(BUILD)/bench/ledger-gen

bench:
	@test -f config.mk || sh ./configure --install-deps --with-tests
	@$(MAKE) --no-print-directory programs bench-tools
	sh tests/bench/run.sh $(BUILD)

bench-tools: configured $(BENCHTOOLS)

$(BUILD)/bench/timeit: tests/bench/timeit.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ tests/bench/timeit.c $(LDFLAGS)

$(BUILD)/bench/mileage-insert1: tests/bench/mileage-insert1.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ tests/bench/mileage-insert1.c $(LDFLAGS) \
		$(SQLITE_LIBS)

$(BUILD)/bench/ledger-gen: tests/bench/ledger-gen.c $(BUILD)/libinno.a lib/*.h
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ tests/bench/ledger-gen.c $(BUILD)/libinno.a \
		$(LDFLAGS) $(LIBS)

# The fuzzers: fuzz-corpus runs each over its seed corpus only (part of
# check); fuzz runs each for $$FUZZ_SECONDS (default 600) on a copy of it.
fuzzers: configured $(FUZZERS)

fuzz-build:
	@$(MAKE) --no-print-directory BUILD=$(FUZZ_BUILD) SAN=fuzz CC=clang \
		fuzzers

fuzz-corpus: fuzz-build
	sh tests/fuzz/run.sh $(FUZZ_BUILD) 0

fuzz:
	@test -f config.mk || sh ./configure --install-deps --with-tests
	@$(MAKE) --no-print-directory fuzz-build
	sh tests/fuzz/run.sh $(FUZZ_BUILD) $${FUZZ_SECONDS:-600}

lint:
	@out=$$(mandoc -Tlint -Wwarning $(MANALL) 2>&1); \
	if [ -n "$$out" ]; then echo "$$out"; exit 1; fi

# What install puts where.  The man pages get the configured directories in
# place of their @SYSCONFDIR@, @DATADIR@ and @LOCALEDIR@ as they are copied,
# so a page names the paths of this installation (prefix=/usr gives /etc
# and /usr/share) and nothing is built for it: `make install` after `make`
# compiles nothing.  The completions are share/completion.* under the names
# each shell looks for: bash and fish load one file per program, zsh reads
# the #compdef line of one file.  share/ goes to $(datadir)/inno without
# them.
SHAREFILES = $(filter-out share/completion.%,$(shell find share -type f))
COMPLETIONS = $(datadir)/bash-completion/completions
ZSHCOMP = $(datadir)/zsh/vendor-completions
FISHCOMP = $(datadir)/fish/vendor_completions.d
MANSUBST = sed -e 's|@SYSCONFDIR@|$(sysconfdir)|g' \
	-e 's|@DATADIR@|$(datadir)|g' -e 's|@LOCALEDIR@|$(localedir)|g'

install: all
	mkdir -p $(DESTDIR)$(bindir) $(DESTDIR)$(mandir)/man1 \
		$(DESTDIR)$(mandir)/man5 $(DESTDIR)$(mandir)/man7 \
		$(DESTDIR)$(datadir)/inno $(DESTDIR)$(sysconfdir)/inno \
		$(DESTDIR)$(COMPLETIONS) $(DESTDIR)$(ZSHCOMP) \
		$(DESTDIR)$(FISHCOMP)
	cp $(BINS) $(DESTDIR)$(bindir)/
	for f in $(MANALL); do s=$${f##*.}; \
		$(MANSUBST) $$f > $(DESTDIR)$(mandir)/man$$s/$${f#man/} || \
		exit 1; done
	for f in $(SHAREFILES); do d=$(DESTDIR)$(datadir)/inno/$${f#share/}; \
		mkdir -p $${d%/*} && cp $$f $$d || exit 1; done
	test -f $(DESTDIR)$(sysconfdir)/inno/inno.ini || \
		cp share/inno.ini $(DESTDIR)$(sysconfdir)/inno/inno.ini
	for p in $(PROGS); do \
		cp share/completion.bash $(DESTDIR)$(COMPLETIONS)/$$p && \
		cp share/completion.fish $(DESTDIR)$(FISHCOMP)/$$p.fish || \
		exit 1; done
	cp share/completion.zsh $(DESTDIR)$(ZSHCOMP)/_inno
	for f in $(MOFILES); do l=$${f#$(BUILD)/locale/}; l=$${l%%/*}; \
		mkdir -p $(DESTDIR)$(localedir)/$$l/LC_MESSAGES && \
		cp $$f $(DESTDIR)$(localedir)/$$l/LC_MESSAGES/inno.mo || \
		exit 1; done

# Removes what install put there.  The system inno.ini is removed only when
# it is still the shipped one: a file the office edited is its
# configuration, so it stays and uninstall says so.  The directories inno
# owns ($(datadir)/inno and below, $(sysconfdir)/inno) go when empty.
# Under a DESTDIR, a staging tree that install made, every directory left
# empty goes too, up to DESTDIR; on the live system the shared ones (man1,
# bin, the completion directories) belong to the system and stay.
uninstall:
	for p in $(PROGS); do rm -f $(DESTDIR)$(bindir)/$$p \
		$(DESTDIR)$(COMPLETIONS)/$$p $(DESTDIR)$(FISHCOMP)/$$p.fish; \
		done
	for f in $(MANALL); do \
		rm -f $(DESTDIR)$(mandir)/man$${f##*.}/$${f#man/}; done
	rm -f $(DESTDIR)$(ZSHCOMP)/_inno
	for f in $(SHAREFILES); do \
		rm -f $(DESTDIR)$(datadir)/inno/$${f#share/}; done
	for l in $(POLANGS); do \
		rm -f $(DESTDIR)$(localedir)/$$l/LC_MESSAGES/inno.mo; done
	@ini=$(DESTDIR)$(sysconfdir)/inno/inno.ini; \
	if [ -f $$ini ] && ! cmp -s share/inno.ini $$ini; then \
		echo "uninstall: kept $$ini: it differs from the shipped one" >&2; \
	else echo "rm -f $$ini"; rm -f $$ini; fi
	@for d in $$(find $(DESTDIR)$(datadir)/inno -depth -type d \
		2>/dev/null) $(DESTDIR)$(sysconfdir)/inno; do \
		rmdir $$d 2>/dev/null || :; done
	@if [ -n "$(DESTDIR)" ]; then \
		for d in $(bindir) $(mandir)/man1 $(mandir)/man5 \
		$(mandir)/man7 $(COMPLETIONS) $(ZSHCOMP) $(FISHCOMP) \
		$(sysconfdir) $(datadir) \
		$(POLANGS:%=$(localedir)/%/LC_MESSAGES); do \
			d=$(DESTDIR)$$d; \
			while [ "$$d" != "$(DESTDIR)" ] && [ "$$d" != / ] && \
			rmdir $$d 2>/dev/null; do d=$${d%/*}; done; \
		done; \
	fi

clean:
	rm -rf build config.log
