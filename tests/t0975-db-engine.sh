#!/bin/sh
# The database engine behind lib/db.c's interface: only lib/db-sqlite.c
# calls SQLite, and a database named by a postgresql:// or postgres://
# URI, which this build has no engine for, is a usage error (exit 2) on
# a program that reads and on one that writes, before anything looks for
# a file of that name: no file or directory named "postgresql:" appears.
. "$(dirname "$0")/lib.sh"

msg="PostgreSQL databases are not supported by this build"

# nothing_made: the trash directory holds no postgresql: or postgres:.
nothing_made() {
	ls -A "$TRASH" | grep -e "^postgres" >made || :
	test_must_be_empty made
}

test_expect_success 'only lib/db-sqlite.c calls SQLite' '
	(cd "$SRC_DIRECTORY" && grep -l "sqlite3_" lib/*.c cmd/*.c) >actual &&
	echo lib/db-sqlite.c >expect &&
	test_cmp expect actual &&
	(cd "$SRC_DIRECTORY" &&
	    grep -l -e "<sqlite3\.h>" -e "<libpq-fe\.h>" lib/*.h cmd/*.h) \
		>headers || :
	test_must_be_empty headers
'

test_expect_success 'only an engine, lib/db-*.c, calls libpq' '
	(cd "$SRC_DIRECTORY" && grep -l -E "\<PQ[a-zA-Z]+\(" lib/*.c cmd/*.c |
	    grep -v "^lib/db-") >actual || :
	test_must_be_empty actual
'

test_expect_success 'setup' '
	printf "employee_id,name,grade,dept\nE01,김민수,5,총무과\n" >staff.csv
'

while read -r prog args; do
	test_expect_success "$prog -d postgresql://: exit 2, nothing made" '
		expect_code 2 $prog -d postgresql://localhost/x $args &&
		echo "$prog: $msg" >expect &&
		test_cmp expect err &&
		test_must_be_empty out &&
		nothing_made
	'
done <<EOT
staff-list
inno-check
inno-export employee
task-add --title=과제 --field=혁신 --dept=총무과
staff-import staff.csv
EOT

test_expect_success 'a writer on postgres:// from INNO_DB: exit 2, no file' '
	INNO_DB=postgres://clerk@db.example/inno &&
	export INNO_DB &&
	expect_code 2 staff-import staff.csv &&
	echo "staff-import: $msg" >expect &&
	test_cmp expect err &&
	test_must_be_empty out &&
	nothing_made
'

test_expect_success 'a dry run on one from the configuration: exit 2' '
	printf "[database]\npath = postgresql:///inno\n" >pg.ini &&
	(unset INNO_DB && expect_code 2 staff-import -c pg.ini -n staff.csv) &&
	echo "staff-import: $msg" >expect &&
	test_cmp expect err &&
	test_must_be_empty out &&
	nothing_made
'

test_expect_success 'the message does not quote the URI and its password' '
	expect_code 2 staff-list -d postgresql://clerk:secret@localhost/x &&
	test_grep_not secret err
'

test_expect_success 'a path that only begins with the word is a file' '
	expect_code 0 staff-import -q -d postgresql.db staff.csv &&
	test_must_be_empty out &&
	test_must_be_empty err &&
	expect_code 0 staff-list -d postgresql.db --format=csv &&
	test_grep "^E01," out &&
	test -f postgresql.db
'

test_done
