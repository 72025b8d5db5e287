#!/bin/sh
# A writer that finds the database locked by another one past the busy
# timeout gives up with exit status 3 and writes nothing.  The lock is
# held by the sqlite3 shell inside BEGIN IMMEDIATE, fed through a fifo so
# the test decides when it lets go.
. "$(dirname "$0")/lib.sh"
test_sqlite_only "the lock is SQLite's file lock, held with the sqlite3 shell"

printf '[database]\nbusy_timeout = 200\n' >short.ini

# hold_lock: starts sqlite3 holding the write lock, and returns once
# another writer can no longer get it; release_lock lets go.  The holder
# quits by itself after a minute should the test die first.
hold_lock() {
	rm -f lockfifo && mkfifo lockfifo || return 1
	# The holder itself waits for a lock another process holds for a
	# moment (the checkpoint when the last connection closes).
	sqlite3 -cmd ".timeout 10000" "$INNO_DB" <lockfifo >holder.out 2>&1 &
	exec 9>lockfifo
	echo "BEGIN IMMEDIATE; INSERT INTO audit (at, uid, user, program, action, detail) VALUES ('x', 0, 'x', 'holder', 'hold', '');" >&9
	i=0
	while sqlite3 "$INNO_DB" ".timeout 0" "BEGIN IMMEDIATE; ROLLBACK;" \
	    >/dev/null 2>&1; do
		i=$((i + 1))
		[ $i -lt 500 ] || return 1
		sleep 0.02
	done
}
release_lock() {
	echo "ROLLBACK;" >&9
	exec 9>&-
	wait
}

test_expect_success 'setup' '
	setup_staff &&
	db_value "SELECT count(*) FROM employee" >count.before &&
	db_value "SELECT count(*) FROM audit" >audit.before
'

cat >new.csv <<\EOT
employee_id,name,grade,dept,team
E90,한가람,7,총무과,인사팀
EOT

test_expect_success 'staff-import while another writer holds the lock: exit 3' '
	hold_lock &&
	expect_code 3 staff-import -c short.ini new.csv; rc=$?
	release_lock
	test $rc -eq 0 &&
	test_must_be_empty out &&
	test_grep "^staff-import: .*database is busy (another program is writing); nothing was written, try again" err
'

test_expect_success 'nothing was written' '
	db_value "SELECT count(*) FROM employee" >count.after &&
	test_cmp count.before count.after &&
	db_value "SELECT count(*) FROM audit" >audit.after &&
	test_cmp audit.before audit.after &&
	expect_code 0 inno-check &&
	test_must_be_empty out
'

test_expect_success 'a dry run waits for the lock too, and gives up the same way' '
	hold_lock &&
	expect_code 3 staff-import -n -c short.ini new.csv; rc=$?
	release_lock
	test $rc -eq 0 &&
	test_grep "database is busy" err
'

test_expect_success 'once the lock is released the same import succeeds' '
	expect_code 0 staff-import -c short.ini new.csv &&
	test_must_be_empty err &&
	echo 1 >expect &&
	db_value "SELECT count(*) FROM employee WHERE employee_id = '\''E90'\''" >actual &&
	test_cmp expect actual
'

test_expect_success 'a reader is not blocked by a writer holding the lock' '
	hold_lock &&
	expect_code 0 staff-list -c short.ini --format=csv; rc=$?
	release_lock
	test $rc -eq 0 &&
	test_grep "^E90," out &&
	test_must_be_empty err
'

test_done
