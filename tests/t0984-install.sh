#!/bin/sh
# make install and make uninstall into a staging tree (DESTDIR): what goes
# where, the man pages naming the configured directories, an existing or
# edited system inno.ini left alone, and nothing left behind.

. "$(dirname "$0")/lib.sh"

# The make that runs the suite must not hand its jobserver to these.
unset MAKEFLAGS MFLAGS MAKELEVEL
T=$TRASH/dest

# inst ARGS...: make in the source tree on the tested build.
inst() {
	make -C "$SRC_DIRECTORY" --no-print-directory BUILD="$INNO_BUILD" \
	    DESTDIR="$T" "$@"
}

# The files install must put under prefix=/usr, from the source tree.
expected_files() {
	(cd "$SRC_DIRECTORY" &&
	for f in cmd/*.c; do
		p=${f#cmd/}; p=${p%.c}
		[ "$p" = cli ] && continue
		echo "usr/bin/$p"
		echo "usr/share/bash-completion/completions/$p"
		echo "usr/share/fish/vendor_completions.d/$p.fish"
	done
	for f in man/*.[157]; do
		echo "usr/share/man/man${f##*.}/${f#man/}"
	done
	find share -type f ! -name 'completion.*' | sed 's|^share/|usr/share/inno/|'
	for d in po/*/; do
		l=${d#po/}; l=${l%/}
		echo "usr/share/locale/$l/LC_MESSAGES/inno.mo"
	done
	echo usr/share/zsh/vendor-completions/_inno
	echo etc/inno/inno.ini) | LC_ALL=C sort
}

installed_files() {
	(cd "$T" && find . -type f | sed 's|^\./||' | LC_ALL=C sort)
}

test_expect_success 'install puts every file in its place, building nothing' '
	touch "$TRASH/stamp" &&
	sleep 1 &&
	expect_code 0 inst install prefix=/usr &&
	test_must_be_empty err &&
	(cd "$SRC_DIRECTORY" && find "$INNO_BUILD" -type f \
	    -newer "$TRASH/stamp") >built &&
	test_must_be_empty built &&
	expected_files >expect &&
	installed_files >actual &&
	test_cmp expect actual &&
	test -x "$T/usr/bin/task-list" &&
	cmp "$SRC_DIRECTORY/share/inno.ini" "$T/etc/inno/inno.ini" &&
	cmp "$SRC_DIRECTORY/share/completion.zsh" \
	    "$T/usr/share/zsh/vendor-completions/_inno" &&
	cmp "$SRC_DIRECTORY/share/completion.fish" \
	    "$T/usr/share/fish/vendor_completions.d/task-list.fish"
'

test_expect_success 'the installed man pages name the configured paths' '
	! grep -rl /usr/local "$T/usr/share/man" >found &&
	test_must_be_empty found &&
	! grep -rl "@[A-Z]*@" "$T/usr/share/man" >found &&
	test_must_be_empty found &&
	grep -h "^\.It Pa /" "$T/usr/share/man/man5/inno.ini.5" \
	    "$T/usr/share/man/man7/inno.7" >actual &&
	cat >expect <<-\EOF &&
	.It Pa /etc/inno/inno.ini
	.It Pa /usr/share/inno/inno.ini
	.It Pa /etc/inno/inno.ini
	.It Pa /usr/share/inno
	.It Pa /usr/share/locale/ko/LC_MESSAGES/inno.mo
	EOF
	test_cmp expect actual &&
	grep -h "^\.It Pa /" "$T/usr/share/man/man1/report-build.1" >actual &&
	cat >expect <<-\EOF &&
	.It Pa /usr/share/inno/report/report.ini
	.It Pa /usr/share/inno/report/plan-2006.ini
	.It Pa /usr/share/inno/report/council-2007.ini
	EOF
	test_cmp expect actual &&
	mandoc -Tlint -Wwarning "$T"/usr/share/man/man*/* >lint 2>&1 &&
	test_must_be_empty lint
'

test_expect_success 'uninstall removes everything install made' '
	expect_code 0 inst uninstall prefix=/usr &&
	test_must_be_empty err &&
	(cd "$T" && find . -mindepth 1) >left &&
	test_must_be_empty left
'

test_expect_success 'install keeps an existing system inno.ini' '
	mkdir -p "$T/etc/inno" &&
	printf "[csv]\nencoding = cp949\n" >"$T/etc/inno/inno.ini" &&
	cp "$T/etc/inno/inno.ini" mine.ini &&
	expect_code 0 inst install prefix=/usr &&
	test_must_be_empty err &&
	cmp mine.ini "$T/etc/inno/inno.ini"
'

test_expect_success 'uninstall leaves an edited inno.ini and says so' '
	expect_code 0 inst uninstall prefix=/usr &&
	echo "uninstall: kept $T/etc/inno/inno.ini: it differs from the shipped one" >expect &&
	test_cmp expect err &&
	(cd "$T" && find . -mindepth 1 | LC_ALL=C sort) >actual &&
	printf "./etc\n./etc/inno\n./etc/inno/inno.ini\n" >expect &&
	test_cmp expect actual &&
	cmp mine.ini "$T/etc/inno/inno.ini" &&
	rm -r "$T/etc"
'

test_expect_success 'another prefix is named in the pages it installs' '
	expect_code 0 inst install prefix=/opt/inno &&
	test -f "$T/opt/inno/etc/inno/inno.ini" &&
	test -x "$T/opt/inno/bin/staff-list" &&
	grep -h "^\.It Pa /" "$T/opt/inno/share/man/man7/inno.7" >actual &&
	cat >expect <<-\EOF &&
	.It Pa /opt/inno/etc/inno/inno.ini
	.It Pa /opt/inno/share/inno
	.It Pa /opt/inno/share/locale/ko/LC_MESSAGES/inno.mo
	EOF
	test_cmp expect actual &&
	expect_code 0 inst uninstall prefix=/opt/inno &&
	test_must_be_empty err &&
	(cd "$T" && find . -mindepth 1) >left &&
	test_must_be_empty left
'

test_done
