#!/bin/sh
# The database engine behind lib/db.c's interface: only lib/db-sqlite.c
# calls SQLite and only lib/db-pg.c libpq, and a database named by a
# postgresql:// or postgres:// URI is a PostgreSQL database: one that
# cannot be reached is a system error (exit 4) on a program that reads
# and on one that writes, naming the URI without its password, and
# nothing looks for a file of that name: no file or directory named
# "postgresql:" appears.  (The programs on a server that answers are the
# whole suite's, run by make test-pg.)
. "$(dirname "$0")/lib.sh"

# Port 1 of the loopback address: refused at once, nothing listens there.
uri=postgresql://clerk:secret@127.0.0.1:1/x
shown=postgresql://clerk@127.0.0.1:1/x

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

test_expect_success 'only lib/db-pg.c reaches libpq' '
	(cd "$SRC_DIRECTORY" && grep -l -e "libpq-fe" -e "\<PQ[a-zA-Z]*(" \
	    lib/*.c cmd/*.c) >actual &&
	echo lib/db-pg.c >expect &&
	test_cmp expect actual
'

test_expect_success 'setup' '
	printf "employee_id,name,grade,dept\nE01,김민수,5,총무과\n" >staff.csv
'

# refused FILE PROGRAM: FILE says PROGRAM could not connect to the server
# named, without its password.
refused() {
	test_grep "^$2: $shown: cannot connect to the database server: " "$1" &&
	test_grep_not secret "$1" &&
	test "$(wc -l <"$1")" -eq 1
}

while read -r prog args; do
	test_expect_success "$prog on a server that does not answer: exit 4" '
		expect_code 4 $prog -d "$uri" $args &&
		refused err $prog &&
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

test_expect_success 'a writer on postgres:// from INNO_DB: exit 4, no file' '
	INNO_DB=postgres://clerk:secret@127.0.0.1:1/inno &&
	export INNO_DB &&
	expect_code 4 staff-import staff.csv &&
	test_grep "^staff-import: postgres://clerk@127.0.0.1:1/inno: cannot connect" err &&
	test_grep_not secret err &&
	test_must_be_empty out &&
	nothing_made
'

test_expect_success 'one from the configuration, password as a parameter' '
	printf "[database]\npath = postgresql://127.0.0.1:1/inno?password=secret&user=clerk\n" >pg.ini &&
	(unset INNO_DB && expect_code 4 staff-import -c pg.ini -n staff.csv) &&
	test_grep "^staff-import: postgresql://127.0.0.1:1/inno?user=clerk: cannot connect" err &&
	test_grep_not secret err &&
	test_must_be_empty out &&
	nothing_made
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
