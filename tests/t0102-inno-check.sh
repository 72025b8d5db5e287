#!/bin/sh
# inno-check: integrity, foreign keys, rules and the audit trail.
. "$(dirname "$0")/lib.sh"

test_expect_success 'a clean database passes' '
	setup_staff &&
	expect_code 0 inno-check &&
	test_must_be_empty out &&
	test_must_be_empty err
'

test_expect_success 'a row written behind the programs is reported' '
	db_exec "INSERT INTO employee (employee_id, name, grade, dept_id) VALUES ('\''X1'\'', '\''몰래'\'', 7, 1)" &&
	expect_code 1 inno-check &&
	id=$(db_value "SELECT id FROM employee WHERE employee_id = '\''X1'\''") &&
	echo "employee: row $id has no audit entry (written outside the inno programs)" >expect &&
	test_cmp expect out &&
	echo "inno-check: 1 problem found" >expect &&
	test_cmp expect err
'

test_expect_success_sqlite 'PRAGMA foreign_keys = OFF is how SQLite lets a broken reference in' \
    'a broken reference and a team of another department' '
	sqlite3 "$INNO_DB" "PRAGMA foreign_keys = OFF; DELETE FROM employee WHERE employee_id = \"X1\"; UPDATE employee SET team_id = (SELECT id FROM team WHERE name = \"인사팀\") WHERE employee_id = \"E01\"; INSERT INTO team (dept_id, name) VALUES (99, \"유령팀\");" &&
	expect_code 1 inno-check -q &&
	test_grep "^team: row [0-9]* refers to a missing dept row" out &&
	test_grep "^employee E01: team 인사팀 belongs to another department" out &&
	test_must_be_empty err
'

test_expect_success 'a table, an index and a column added behind the programs' '
	db_fresh &&
	setup_staff &&
	expect_code 0 inno-check &&
	db_exec "CREATE TABLE notes (x TEXT);
		CREATE INDEX employee_name ON employee (name);
		ALTER TABLE team ADD COLUMN phone TEXT" &&
	expect_code 1 inno-check &&
	cat >expect <<-\EOT &&
	schema: index employee_name is not made by the migrations (added outside the inno programs)
	schema: table notes is not made by the migrations (added outside the inno programs)
	schema: table team differs from the migrations (changed outside the inno programs)
	EOT
	test_cmp expect out &&
	echo "inno-check: 3 problems found" >expect &&
	test_cmp expect err
'

test_expect_success_sqlite 'the schema text is what SQLite keeps in sqlite_master' \
    'a schema whose white space differs is the same schema' '
	db_fresh &&
	setup_staff &&
	sqlite3 "$INNO_DB" "DROP TRIGGER mileage_no_update;
		CREATE TRIGGER mileage_no_update   BEFORE UPDATE ON mileage BEGIN SELECT RAISE(ABORT, '\''the mileage ledger is append-only; write a reversal'\''); END" &&
	expect_code 0 inno-check &&
	test_must_be_empty out
'

test_expect_success_sqlite 'it makes an old database from the SQLite migrations and PRAGMA user_version' \
    'a database made before the change log is held to the insert rule' '
	for f in "$SRC_DIRECTORY"/share/schema/000[1-6]-*.sql; do
		cat "$f" || exit 1
	done | sqlite3 old.db &&
	sqlite3 old.db "PRAGMA user_version = 6;
		INSERT INTO audit (at, uid, user, program, action, tbl,
		first_id, last_id) VALUES (\"2007-01-02T09:00:00Z\", 0, \"root\",
		\"staff-import\", \"insert\", \"dept\", 1, 1);
		INSERT INTO dept (name) VALUES (\"총무과\"), (\"몰래과\")" &&
	printf "employee_id,name,grade,dept\n" >none.csv &&
	staff-import -q -d old.db none.csv &&
	test "$(sqlite3 old.db "PRAGMA user_version")" -ge 8 &&
	expect_code 1 inno-check -d old.db &&
	echo "dept: row 2 has no audit entry (written outside the inno programs)" >expect &&
	test_cmp expect out
'

test_expect_success_sqlite 'a damaged file is an SQLite database file' \
    'a damaged file is a system error' '
	printf "this is not a database, just text that is long enough to matter" >bad.db &&
	expect_code 4 inno-check -d bad.db &&
	test_grep "^inno-check: bad.db: database is damaged or not an inno database" err
'

test_expect_success 'operands are a usage error' '
	expect_code 2 inno-check extra &&
	test_grep "^usage: inno-check" err
'

test_done
