#!/bin/sh
# Readers on a read-only copy: a database file that may not be written, in
# a directory that may not be written (a snapshot, an analyst's copy).
# SQLite cannot make the -shm index of a WAL database there, so inno reads
# such a file as immutable; every listing, report-build, inno-check and
# inno-export works, and nothing is created beside the file.
. "$(dirname "$0")/lib.sh"

# As another user when the tests run as root (root may write anything).
as_reader() {
	if [ "$(id -u)" -eq 0 ]; then
		setpriv --reuid=nobody --regid=nogroup --clear-groups -- "$@"
	else
		"$@"
	fi
}

if [ "$(id -u)" -eq 0 ] && ! setpriv --reuid=nobody --regid=nogroup \
    --clear-groups -- true 2>/dev/null; then
	echo "ok 1 # SKIP cannot drop root privileges here"
	echo "1..1"
	exit 0
fi

test_expect_success 'setup: the demo database, copied into a read-only directory' '
	(cd "$SRC_DIRECTORY" && sh tests/demo.sh "$INNO_BUILD" "$TRASH/demo") \
		>/dev/null 2>demo.err &&
	mkdir snap &&
	cp demo/inno.db snap/inno.db &&
	test ! -e demo/inno.db-wal &&
	chmod 444 snap/inno.db && chmod 555 snap && chmod 711 "$TRASH" &&
	cp "$SRC_DIRECTORY/share/inno.ini" ro.ini && chmod 644 ro.ini &&
	ls snap >before
'

# reads NAME CMD...: CMD exits 0 on the copy with no message (its output
# in out.NAME).
reads() {
	name=$1
	shift
	as_reader env INNO_DB="$TRASH/snap/inno.db" INNO_CONFIG="$TRASH/ro.ini" \
		HOME=/nonexistent "$@" >"$TRASH/out.$name" 2>"$TRASH/err.$name"
	rc=$?
	if [ "$rc" -ne 0 ]; then
		echo "$name: exit $rc" >&2
		cat "$TRASH/err.$name" >&2
		return 1
	fi
	test_must_be_empty "$TRASH/err.$name"
}

test_expect_success 'every listing reads the copy' '
	for p in award-list benchmark-list budget-list club-list course-list \
	    group-list idea-list knowledge-list mileage-list staff-list \
	    task-list; do
		reads "$p" "$p" --format=csv && test -s "out.$p" || return 1
	done
'

test_expect_success 'report-build, inno-check and inno-export read the copy' '
	cd / &&
	reads report report-build --period=2007-H1 council &&
	reads check inno-check &&
	reads list inno-export --list &&
	reads export inno-export employee &&
	cd "$TRASH" &&
	test_grep "창의혁신단" out.report &&
	test_grep "^employee,table" out.list &&
	test "$(wc -l <out.export)" -gt 10
'

test_expect_success 'nothing was created beside the copy, and it is unchanged' '
	ls snap >after &&
	test_cmp before after &&
	cmp demo/inno.db snap/inno.db
'

test_expect_success 'a writer on the copy is refused with exit 4, writing nothing' '
	printf "employee_id,name,grade,dept\nR01,읽기,5,총무과\n" >ro.csv &&
	chmod 644 ro.csv &&
	expect_code 4 as_reader env INNO_CONFIG="$TRASH/ro.ini" \
		staff-import -d "$TRASH/snap/inno.db" "$TRASH/ro.csv" &&
	test_must_be_empty out &&
	test_grep "snap/inno.db: .*read-only" err &&
	cmp demo/inno.db snap/inno.db
'

test_done
