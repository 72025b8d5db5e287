#!/bin/sh
# The documentation runs: every command of the README's "sh" blocks and of
# every man page's EXAMPLES is run, as written, against a copy of the demo
# database, in a directory holding the files the examples name
# (tests/docs/), and must exit 0.  Paths under /srv, which the README's cron
# job uses, are mapped into the test directory.
. "$(dirname "$0")/lib.sh"

test_expect_success 'the demo database' '
	(cd "$SRC_DIRECTORY" && sh tests/demo.sh "$INNO_BUILD" "$TRASH/demo") \
		>/dev/null 2>&1 &&
	test -s demo/inno.db
'

# Runs the commands of one document in a fresh directory with a fresh copy
# of the demo database; prints "FILE:LINE: exit N" for each that fails.
run_doc() {
	doc=$1
	work=$TRASH/run/$(basename "$doc")
	rm -rf "$work" && mkdir -p "$work/srv/exports" "$work/srv/notices" &&
	cp "$TRASH/demo/inno.db" "$work/inno.db" &&
	cp -R "$SRC_DIRECTORY/tests/docs/." "$work/" &&
	sh "$SRC_DIRECTORY/tests/tools/examples.sh" "$doc" |
	awk -v srv="$work/srv/" '
	/^#@ / { if (n++) print "rc=$?; [ $rc -eq 0 ] || echo \"" at ": exit $rc\" >&3"; at = $2; next }
	{ gsub(/\/srv\//, srv); print }
	END { if (n) print "rc=$?; [ $rc -eq 0 ] || echo \"" at ": exit $rc\" >&3" }
	' >"$work/.script" &&
	(cd "$work" && INNO_DB=$work/inno.db INNO_CONFIG=$SRC_DIRECTORY/share/inno.ini \
		INNO_NOW=2007-07-01T09:00:00Z bash -o pipefail .script 3>&1 </dev/null >/dev/null 2>"$work/.err")
}

for doc in "$SRC_DIRECTORY"/README.md "$SRC_DIRECTORY"/man/*.[157]; do
	name=${doc#"$SRC_DIRECTORY"/}
	test_expect_success "the examples of $name run" '
		run_doc "$doc" >failed &&
		{ test_must_be_empty failed || { cat "$TRASH/run/$(basename "$doc")/.err"; false; }; }
	'
done

test_done
