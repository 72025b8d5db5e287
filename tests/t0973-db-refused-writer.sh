#!/bin/sh
# A writer refused for its usage or its input leaves no database behind: a
# new database takes its name only when its first write commits, so a
# mistyped command on a fresh account does not make an empty default
# database that later reads would take for the real one.
. "$(dirname "$0")/lib.sh"

default=$XDG_DATA_HOME/inno/inno.db

# nothing_left DIR: no database, lock or private file in DIR.
nothing_left() {
	ls -A "$1" 2>/dev/null | grep -e "inno\.db" -e "new\.db" >left || :
	test_must_be_empty left
}

test_expect_success 'a batch without a required column creates nothing' '
	printf "employee_id,name\nE01,김민수\n" >nogrades.csv &&
	(unset INNO_DB; expect_code 1 staff-import nogrades.csv) &&
	test_grep "required column missing" err &&
	test ! -e "$default" && nothing_left "$XDG_DATA_HOME/inno"
'

test_expect_success 'a batch with a bad row creates nothing' '
	printf "employee_id,name,grade,dept\nE01,김민수,55,총무과\n" >bad.csv &&
	(unset INNO_DB; expect_code 1 staff-import bad.csv) &&
	test_grep "bad.csv:2: grade" err &&
	test ! -e "$default" && nothing_left "$XDG_DATA_HOME/inno" &&
	expect_code 1 staff-import -d new.db bad.csv &&
	test ! -e new.db && nothing_left .
'

test_expect_success 'a record refused for its options creates nothing' '
	(unset INNO_DB; expect_code 1 task-add --title=과제 --field=없는분야 \
		--dept=총무과) &&
	test_must_be_empty out &&
	test ! -e "$default" && nothing_left "$XDG_DATA_HOME/inno"
'

test_expect_success 'a read on the missing default database is still an error' '
	(unset INNO_DB; expect_code 2 staff-list) &&
	test_grep "no such database" err &&
	test ! -e "$default"
'

test_expect_success 'the first good write creates it, with its rows' '
	printf "employee_id,name,grade,dept\nE01,김민수,5,총무과\n" >good.csv &&
	(unset INNO_DB; expect_code 0 staff-import -q good.csv) &&
	test_must_be_empty err &&
	test -f "$default" &&
	test "$(stat -c %a "$default")" = 660 &&
	(unset INNO_DB; expect_code 0 staff-list --format=csv) &&
	test_grep "^E01," out &&
	nothing_left_but_db=$(ls -A "$XDG_DATA_HOME/inno" | grep -v "^inno\.db\(-wal\|-shm\)\{0,1\}$") ;
	test -z "$nothing_left_but_db"
'

test_expect_success 'a record made on a new database prints its id, and stays' '
	courses=$(db_name courses.db) &&
	expect_code 0 course-add -d "$courses" --name=혁신아카데미 \
		--kind=special --start=2007-03-05 &&
	echo 1 >expect &&
	test_cmp expect out &&
	test_must_be_empty err &&
	test "$(db_value -d "$courses" "SELECT count(*) FROM course")" = 1 &&
	expect_code 0 course-add -d "$courses" --name=둘째 \
		--kind=special --start=2007-04-05 &&
	echo 2 >expect &&
	test_cmp expect out
'

test_expect_success_sqlite 'an empty file and its mode are of the SQLite file' \
    'an empty file is a new database: refused to readers, filled by writers' '
	: >empty.db &&
	expect_code 2 staff-list -d empty.db &&
	echo "staff-list: empty.db: no such database (a program that writes creates it)" >expect &&
	test_cmp expect err &&
	chmod 640 empty.db &&
	expect_code 0 staff-import -q -d empty.db good.csv &&
	test "$(stat -c %a empty.db)" = 640 &&
	test "$(sqlite3 empty.db "SELECT count(*) FROM employee")" = 1
'

test_done
