#!/bin/sh
# staff-import into an empty employee table inserts its new employees 64
# to a statement: the ids, the audit rows and the change log are those of
# one insert a row, an employee named twice in the file is inserted then
# updated, a rejected batch writes nothing, and a later batch into the
# table that now holds employees goes row by row as before, and is
# taken back by inno-undo.
. "$(dirname "$0")/lib.sh"

# staff N: employees E1..EN in 7 departments; row 100 names E5 again, a
# grade up.
staff() {
	awk -v n="$1" 'BEGIN {
		print "employee_id,name,grade,dept,team,joined,left"
		for (i = 1; i <= n; i++)
			if (i == 100)
				print "E5,직원5,9,부서5,팀2,2001-01-01,"
			else
				printf "E%d,직원%d,%d,부서%d,팀%d,2001-01-01,%s\n",
				    i, i, i % 9 + 1, i % 7, i % 3,
				    i == 7 ? "2020-02-02" : ""
	}'
}

test_expect_success 'a rejected batch into an empty table writes nothing' '
	{ staff 150 && echo "E999,틀림,10,부서1,팀1,,"; } >bad.csv &&
	expect_code 1 staff-import bad.csv &&
	cat >expect <<-\EOT &&
	staff-import: bad.csv:152: grade: 10: out of range (1 to 9)
	staff-import: 1 of 151 rows rejected; nothing was written
	EOT
	test_cmp expect err &&
	test ! -s "$INNO_DB"
'

test_expect_success '150 rows, one an employee named twice' '
	staff 150 >dup.csv &&
	expect_code 0 staff-import dup.csv &&
	test_must_be_empty out &&
	echo "staff-import: 150 employees written" >expect &&
	test_cmp expect err &&
	awk -F, "NR > 1 && NR != 101 { print NR - 1 - (NR > 101) \"|\" \$1 }" \
	    dup.csv >expect &&
	db_value "SELECT id, employee_id FROM employee ORDER BY id" >got &&
	test_cmp expect got &&
	test "$(db_value "SELECT grade || left FROM employee WHERE
	    employee_id = '\''E7'\''")" = "82020-02-02" &&
	test "$(db_value "SELECT grade, CASE WHEN left IS NULL THEN 1 ELSE 0 END FROM employee WHERE
	    employee_id = '\''E5'\''")" = "9|1" &&
	db_value "SELECT action, tbl, first_id, last_id FROM audit WHERE
	    tbl IS NOT NULL ORDER BY id" >got &&
	cat >expect <<-\EOT &&
	update|employee|5|5
	insert|dept|1|7
	insert|team|1|21
	insert|employee|1|149
	EOT
	test_cmp expect got &&
	expect_code 0 inno-check &&
	test_must_be_empty out
'

test_expect_success 'a second batch into the table goes row by row' '
	cat >more.csv <<-\EOT &&
	employee_id,name,grade,dept,team
	E200,새직원,3,부서1,팀1
	E5,직원5,8,부서5,팀2
	EOT
	expect_code 0 staff-import -q more.csv &&
	test "$(db_value "SELECT id FROM employee WHERE
	    employee_id = '\''E200'\''")" = 150 &&
	test "$(db_value "SELECT grade FROM employee WHERE
	    employee_id = '\''E5'\''")" = 8 &&
	expect_code 0 inno-check &&
	test_must_be_empty out
'

test_expect_success 'inno-undo takes the second batch back' '
	expect_code 0 inno-undo -q "$(db_value "SELECT max(id) FROM command")" &&
	test "$(db_value "SELECT count(*) FROM employee")" = 149 &&
	test "$(db_value "SELECT grade FROM employee WHERE
	    employee_id = '\''E5'\''")" = 9 &&
	expect_code 0 inno-check &&
	test_must_be_empty out
'

test_done
