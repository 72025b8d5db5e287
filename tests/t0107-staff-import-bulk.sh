#!/bin/sh
# staff-import of a batch large enough to take the employee insert trigger
# and the index employee_dept out for its transaction: both are back, as
# the migrations made them, whether the batch commits or is rejected; the
# change log holds the batch's run, so inno-check finds the database clean
# and still reports an employee added behind the programs' back; and
# inno-undo takes the whole batch back.
. "$(dirname "$0")/lib.sh"

# staff N FIRST: N employees from E<FIRST> on, in 7 departments.
staff() {
	awk -v n="$1" -v f="$2" 'BEGIN {
		print "employee_id,name,grade,dept,team"
		for (i = f; i < f + n; i++)
			printf "E%06d,직원%d,%d,부서%d,팀%d\n", i, i, i % 9 + 1,
			    i % 7, i % 3
	}'
}

# schema FILE: what the migrations made of the employee table.
schema() {
	db_schema employee >"$1"
}

test_expect_success 'setup: the schema of a database with one employee' '
	staff 1 1 >one.csv &&
	expect_code 0 staff-import -q one.csv &&
	schema want &&
	test_grep "^trigger|employee_log_insert|" want &&
	test_grep "^index|employee_dept|CREATE INDEX employee_dept" want
'

test_expect_success 'a batch of 6000 commits with the trigger and index back' '
	staff 6000 2 >big.csv &&
	expect_code 0 staff-import big.csv &&
	test_must_be_empty out &&
	echo "staff-import: 6000 employees written" >expect &&
	test_cmp expect err &&
	schema got &&
	test_cmp want got &&
	test "$(db_value "SELECT count(*) FROM employee")" = 6001 &&
	test "$(db_value "SELECT count(*) FROM employee e JOIN dept d
	    ON d.id = e.dept_id WHERE d.name = '\''부서3'\''")" = 857
'

test_expect_success 'the change log holds the batch as one run of inserts' '
	db_value "SELECT tbl, action, first_id FROM audit_change WHERE
	    tbl = '\''employee'\'' ORDER BY id" >got &&
	cat >expect <<-\EOT &&
	employee|insert|1
	employee|insert|2
	EOT
	test_cmp expect got &&
	db_value "SELECT tbl, first_id, last_id FROM audit_lines WHERE
	    action = '\''insert'\'' AND tbl = '\''employee'\'' ORDER BY id" >got &&
	cat >expect <<-\EOT &&
	employee|1|1
	employee|2|6001
	EOT
	test_cmp expect got
'

test_expect_success 'inno-check finds the database clean' '
	expect_code 0 inno-check &&
	test_must_be_empty out &&
	test_must_be_empty err
'

test_expect_success 'an employee added behind the back is still reported' '
	clean=$(db_copy "$INNO_DB" clean.db) &&
	db_exec "INSERT INTO employee (employee_id, name, grade,
	    dept_id) VALUES ('\''Z1'\'', '\''몰래'\'', 5, 1)" &&
	emp=$(db_value "SELECT id FROM employee WHERE employee_id = '\''Z1'\''") &&
	expect_code 1 inno-check &&
	test_grep "^employee: row $emp has no audit entry (written outside the inno programs)$" out &&
	db_copy "$clean" "$INNO_DB" >/dev/null
'

test_expect_success 'a rejected batch of 6000 leaves the schema and rows as they were' '
	{ staff 6000 10000 && echo "E999999,틀림,10,부서1,팀1"; } >bad.csv &&
	expect_code 1 staff-import bad.csv &&
	test_must_be_empty out &&
	cat >expect <<-\EOT &&
	staff-import: bad.csv:6002: grade: 10: out of range (1 to 9)
	staff-import: 1 of 6001 rows rejected; nothing was written
	EOT
	test_cmp expect err &&
	schema got &&
	test_cmp want got &&
	test "$(db_value "SELECT count(*) FROM employee")" = 6001
'

test_expect_success 'a dry run of 6000 changes nothing either' '
	staff 6000 20000 >dry.csv &&
	expect_code 0 staff-import -n -q dry.csv &&
	schema got &&
	test_cmp want got &&
	test "$(db_value "SELECT count(*) FROM employee")" = 6001
'

test_expect_success 'inno-undo takes the batch of 6000 back' '
	cmd=$(db_value "SELECT command FROM audit WHERE tbl = '\''employee'\''
	    AND last_id = 6001") &&
	expect_code 0 inno-undo -q "$cmd" &&
	test "$(db_value "SELECT count(*) FROM employee")" = 1 &&
	schema got &&
	test_cmp want got &&
	expect_code 0 inno-check &&
	test_must_be_empty out
'

test_done
