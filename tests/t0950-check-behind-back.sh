#!/bin/sh
# inno-check finds changes made behind the programs' back: each case below
# is made with the sqlite3 shell on a copy of the demo database, and each
# must make inno-check exit 1 and name the problem.  The cases are the
# eight of the integrity review: a changed name, a changed audit row, a
# dropped ledger trigger, a deleted ledger entry, an idea adopted without a
# review, a task status off the workflow, a stored MVP the ledger does not
# support, and a CHECK removed through writable_schema.
. "$(dirname "$0")/lib.sh"

# A copy of the clean demo database for one case, as $INNO_DB.
fresh() {
	INNO_DB=$(db_copy "$(db_name demo.db)" "$1.db") &&
	export INNO_DB
}

test_expect_success 'setup: the demo database, clean' '
	# The name goes through the environment: a URI holds an & that
	# neither sed nor the shell would take as it is.
	demo=$(db_name demo.db) &&
	sed -e "s|^db=.*|db=\$INNO_DB|" \
	    -e "s|^PATH=.*|PATH=$BIN_DIRECTORY:\$PATH|" \
	    "$SRC_DIRECTORY/tests/demo.sh" >demo.sh &&
	(cd "$SRC_DIRECTORY" && INNO_DB=$demo &&
	    sh "$TRASH/demo.sh" "$INNO_BUILD" "$TRASH/reports") \
		>demo.out 2>demo.err &&
	test_must_be_empty demo.err &&
	expect_code 0 inno-check -d "$demo" &&
	test_must_be_empty out &&
	test_must_be_empty err
'

test_expect_success 'a name changed with the sqlite3 shell' '
	fresh name &&
	id=$(db_value "SELECT id FROM employee WHERE employee_id = '\''E001'\''") &&
	db_exec "UPDATE employee SET name = '\''김가짜'\'' WHERE id = $id" &&
	expect_code 1 inno-check &&
	echo "employee: row $id was changed outside the inno programs (no audit entry covers it)" >expect &&
	test_cmp expect out &&
	echo "inno-check: 1 problem found" >expect &&
	test_cmp expect err
'

test_expect_success 'a name changed before a program changes the same employee' '
	fresh name2 &&
	id=$(db_value "SELECT id FROM employee WHERE employee_id = '\''E001'\''") &&
	db_exec "UPDATE employee SET name = '\''김가짜'\'' WHERE id = $id" &&
	db_value "SELECT e.employee_id, '\''새이름'\'', e.grade, d.name FROM employee e
		JOIN dept d ON d.id = e.dept_id WHERE e.id = $id" |
		sed "1i employee_id,name,grade,dept" | tr "|" , >e.csv &&
	staff-import -q e.csv &&
	test "$(db_value "SELECT name FROM employee WHERE id = $id")" = 새이름 &&
	expect_code 1 inno-check &&
	echo "employee: row $id was changed outside the inno programs (no audit entry covers it)" >expect &&
	test_cmp expect out
'

test_expect_success_sqlite 'DROP and CREATE TRIGGER in SQLite'\''s syntax' \
    'a changed audit row' '
	fresh audit &&
	sqlite3 "$INNO_DB" "DROP TRIGGER audit_no_update;
		UPDATE audit SET user = '\''someone'\'' WHERE id = 5;
		CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
		BEGIN
			SELECT RAISE(ABORT, '\''the audit trail is append-only'\'');
		END;" &&
	expect_code 1 inno-check &&
	echo "audit: row 5 does not match its digest (the trail was changed outside the inno programs)" >expect &&
	test_cmp expect out
'

test_expect_success_sqlite 'DROP and CREATE TRIGGER in SQLite'\''s syntax' \
    'a removed audit row' '
	fresh audit2 &&
	sqlite3 "$INNO_DB" "DROP TRIGGER audit_no_delete;
		DELETE FROM audit WHERE id = 7;
		CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
		BEGIN
			SELECT RAISE(ABORT, '\''the audit trail is append-only'\'');
		END;" &&
	expect_code 1 inno-check &&
	test_grep "^audit: row 7 is missing (removed outside the inno programs)$" out &&
	test_grep "^audit: row 8 does not match its digest" out
'

test_expect_success_sqlite 'DROP and CREATE TRIGGER in SQLite'\''s syntax' \
    'a change hidden by removing its log entry' '
	fresh log &&
	id=$(db_value "SELECT id FROM employee WHERE employee_id = '\''E001'\''") &&
	db_exec "UPDATE employee SET name = '\''김가짜'\'' WHERE id = $id" &&
	n=$(db_value "SELECT max(id) FROM audit_change") &&
	sqlite3 "$INNO_DB" "DROP TRIGGER audit_change_no_delete;
		DELETE FROM audit_change WHERE id = $n;
		CREATE TRIGGER audit_change_no_delete BEFORE DELETE ON audit_change
		BEGIN
			SELECT RAISE(ABORT, '\''the change log is append-only'\'');
		END;" &&
	expect_code 1 inno-check &&
	echo "audit: change log entry $n is missing (removed outside the inno programs)" >expect &&
	test_cmp expect out &&
	printf "employee_id,name,grade,dept\nZ01,새직원,7,%s\n" \
		"$(db_value "SELECT name FROM dept ORDER BY id LIMIT 1")" >z.csv &&
	staff-import -q z.csv &&
	expect_code 1 inno-check &&
	test_cmp expect out
'

test_expect_success 'an audit row slipped into the trail' '
	fresh forged &&
	db_exec "INSERT INTO audit (at, uid, \"user\", program, action,
		tbl, first_id, last_id) VALUES ('\''2007-06-01T09:00:00Z'\'', 0,
		'\''root'\'', '\''staff-import'\'', '\''update'\'', '\''employee'\'', 1, 1)" &&
	n=$(db_value "SELECT max(id) FROM audit") &&
	expect_code 1 inno-check &&
	echo "audit: row $n has no digest (written outside the inno programs)" >expect &&
	test_cmp expect out
'

test_expect_success 'a dropped ledger trigger' '
	fresh trigger &&
	db_drop_trigger mileage_no_delete mileage &&
	expect_code 1 inno-check &&
	echo "schema: trigger mileage_no_delete is missing (the migrations create it)" >expect &&
	test_cmp expect out
'

test_expect_success_sqlite 'DROP and CREATE TRIGGER in SQLite'\''s syntax' \
    'a deleted ledger entry' '
	fresh ledger &&
	sqlite3 "$INNO_DB" "DROP TRIGGER mileage_no_delete;
		DELETE FROM mileage WHERE id = 3;
		CREATE TRIGGER mileage_no_delete BEFORE DELETE ON mileage
		BEGIN
			SELECT RAISE(ABORT, '\''the mileage ledger is append-only; write a reversal'\'');
		END;" &&
	expect_code 1 inno-check &&
	test_grep "^mileage: row 3 was deleted outside the inno programs (no audit entry covers it)$" out
'

test_expect_success 'a ledger entry inserted with the sqlite3 shell' '
	fresh ledger-insert &&
	db_exec "INSERT INTO mileage (date, employee_id, dept_id,
		category, kind, points) SELECT '\''2007-05-02'\'', id, dept_id,
		'\''idea.adopted'\'', '\''innovation'\'', 100 FROM employee
		WHERE employee_id = '\''E001'\''" &&
	id=$(db_value "SELECT max(id) FROM mileage") &&
	expect_code 1 inno-check &&
	# The monthly sums no longer match the ledger, which says so too; the
	# MVP of May is decided on those sums, so it still matches them.
	cat >expect <<-EOF &&
	mileage: 2007-05, E001, department 사회복지과, category idea.adopted: the ledger holds 100 points in 1 entries, its monthly sums (mileage_month) 0 points in 0 entries
	mileage: row $id has no audit entry (written outside the inno programs)
	EOF
	test_cmp expect out
'

test_expect_success 'an idea adopted without a review' '
	fresh idea &&
	id=$(db_value "SELECT min(id) FROM idea WHERE status = '\''pending'\''") &&
	db_exec "UPDATE idea SET status = '\''adopted'\'',
		assigned_id = (SELECT min(id) FROM dept) WHERE id = $id" &&
	expect_code 1 inno-check &&
	test_grep "^idea: row $id was changed outside the inno programs" out &&
	test_grep "^idea $id: .*review" out
'

test_expect_success 'a task status off the workflow' '
	fresh task &&
	id=$(db_value "SELECT min(id) FROM task WHERE status = '\''selected'\''") &&
	db_exec "UPDATE task SET status = '\''completed'\'' WHERE id = $id" &&
	expect_code 1 inno-check &&
	test_grep "^task: row $id was changed outside the inno programs" out &&
	grep -E "^task $id: .*(status|workflow|history)" out
'

test_expect_success 'a stored MVP the ledger does not support' '
	fresh mvp &&
	other=$(db_value "SELECT min(id) FROM employee WHERE id NOT IN
		(SELECT employee_id FROM mileage_mvp WHERE month = '\''2007-03'\'')") &&
	db_exec "UPDATE mileage_mvp SET employee_id = $other
		WHERE month = '\''2007-03'\''" &&
	expect_code 1 inno-check &&
	test_grep "^mileage_mvp: row [0-9]* was changed outside the inno programs" out &&
	grep -v "^mileage_mvp: row" out | grep "2007-03"
'

test_expect_success_sqlite 'PRAGMA writable_schema and sqlite_master are SQLite'\''s' \
    'a CHECK removed through writable_schema' '
	fresh check &&
	sqlite3 "$INNO_DB" "PRAGMA writable_schema = ON;
		UPDATE sqlite_master SET sql = replace(sql,
		    '\''CHECK (grade BETWEEN 1 AND 9)'\'', '\'''\'')
		WHERE type = '\''table'\'' AND name = '\''employee'\'';
		PRAGMA writable_schema = OFF;" &&
	sqlite3 "$INNO_DB" "UPDATE employee SET grade = 12 WHERE id = 1" &&
	expect_code 1 inno-check &&
	test_grep "^schema: table employee differs from the migrations: 1 CHECK constraint where they make 2$" out &&
	test_grep "^employee: row 1 was changed outside the inno programs (no audit entry covers it)$" out
'

test_done
