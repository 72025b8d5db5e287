#!/bin/sh
# A batch checks its rows against the staff it holds in memory (lib/
# mileage.c's emp_map: short ids in the entry, long ones beside it, dates
# as day numbers), and the database's own reference checks are off for
# the batch's transaction: every id, short, long or Korean, must still
# name the right person, an id the staff lacks must still be refused, and
# the dates someone joined and left must still bound their entries.
. "$(dirname "$0")/lib.sh"

cat >map.ini <<\EOT
[mileage.idea.adopted]
points = 1
min = 1
max = 10
EOT
INNO_CONFIG=$TRASH/map.ini
export INNO_CONFIG

test_expect_success 'setup: staff with ids of every length' '
	cat >staff.csv <<-\EOT &&
	employee_id,name,grade,dept,joined,left
	A1,가,5,기획과,,
	B2345678,나,5,기획과,,
	C23456789,다,5,총무과,,
	D234567890123456789012,라,5,총무과,2020-03-01,2020-06-30
	직원01,마,5,기획과,,
	E9,바,5,총무과,1900-01-01,2079-06-06
	F9,사,5,총무과,2079-06-07,
	EOT
	staff-import -q staff.csv
'

test_expect_success 'each row goes to the person its id names' '
	cat >rows.csv <<-\EOT &&
	employee_id,date,category,points
	A1,2020-04-01,idea.adopted,1
	B2345678,2020-04-01,idea.adopted,2
	C23456789,2020-04-01,idea.adopted,3
	D234567890123456789012,2020-04-01,idea.adopted,4
	직원01,2020-04-01,idea.adopted,5
	E9,2020-04-01,idea.adopted,6
	EOT
	expect_code 0 mileage-award -q rows.csv &&
	test_must_be_empty out &&
	test_must_be_empty err &&
	cat >expect <<-\EOT &&
	A1|1|기획과
	B2345678|2|기획과
	C23456789|3|총무과
	D234567890123456789012|4|총무과
	직원01|5|기획과
	E9|6|총무과
	EOT
	db_value "SELECT e.employee_id, m.points, d.name FROM mileage m
	    JOIN employee e ON e.id = m.employee_id JOIN dept d
	    ON d.id = m.dept_id ORDER BY m.id" >actual &&
	test_cmp expect actual
'

test_expect_success 'an id the staff lacks is refused, near ids too' '
	cat >bad.csv <<-\EOT &&
	employee_id,date,category,points
	A1,2020-05-01,idea.adopted,1
	B234567,2020-05-01,idea.adopted,1
	B23456789,2020-05-01,idea.adopted,1
	C2345678,2020-05-01,idea.adopted,1
	D23456789012345678901,2020-05-01,idea.adopted,1
	직원0,2020-05-01,idea.adopted,1
	EOT
	expect_code 1 mileage-award -q bad.csv &&
	test_must_be_empty out &&
	grep "bad.csv:3:.*B234567: no such employee" err &&
	grep "bad.csv:4:.*B23456789: no such employee" err &&
	grep "bad.csv:5:.*C2345678: no such employee" err &&
	grep "bad.csv:6:.*D23456789012345678901: no such employee" err &&
	grep "bad.csv:7:.*직원0: no such employee" err &&
	test "$(grep -c "no such employee" err)" = 5 &&
	test "$(db_value "SELECT count(*) FROM mileage")" = 6
'

test_expect_success 'the days joined and left bound the entries' '
	cat >dates.csv <<-\EOT &&
	employee_id,date,category,points
	D234567890123456789012,2020-02-29,idea.adopted,1
	D234567890123456789012,2020-07-01,idea.adopted,1
	F9,2079-06-06,idea.adopted,1
	EOT
	expect_code 1 mileage-award -q dates.csv &&
	grep "dates.csv:2:.*not yet employed on 2020-02-29 (joined 2020-03-01)" err &&
	grep "dates.csv:3:.*no longer employed on 2020-07-01 (left 2020-06-30)" err &&
	grep "dates.csv:4:.*not yet employed on 2079-06-06 (joined 2079-06-07)" err &&
	cat >edge.csv <<-\EOT &&
	employee_id,date,category,points
	D234567890123456789012,2020-03-01,idea.adopted,1
	D234567890123456789012,2020-06-30,idea.adopted,1
	E9,1900-01-01,idea.adopted,1
	E9,2079-06-06,idea.adopted,1
	F9,2079-06-07,idea.adopted,1
	F9,2999-12-31,idea.adopted,1
	EOT
	expect_code 0 mileage-award -q edge.csv &&
	test_must_be_empty err &&
	test "$(db_value "SELECT count(*) FROM mileage")" = 12
'

test_expect_success 'the references hold, and checks stay on afterwards' '
	expect_code 0 inno-check -q &&
	test_must_be_empty err
'

test_expect_success_sqlite 'a server checks every foreign key, always' \
    'SQLite finds no broken reference either' '
	db_value "PRAGMA foreign_key_check" >fk &&
	test_must_be_empty fk
'

# The entry keeps the row id in two 16-bit halves and the department's in
# 16 bits: a row id past 65,535 must still be the person's, and a
# department past 65,535 is looked up row by row, to the same answer.
test_expect_success 'large row ids of staff and departments' '
	db_value "INSERT INTO dept (id, name) VALUES (70000, '\''자리'\'');
	    INSERT INTO employee (id, employee_id, name, grade, dept_id)
	    VALUES (131071, '\''Z0'\'', '\''자리'\'', 5, 70000)" &&
	cat >big.csv <<-\EOT &&
	employee_id,name,grade,dept,joined,left
	G1,아,5,세무과,,
	G2,자,5,기획과,,
	EOT
	expect_code 0 staff-import -q big.csv &&
	test_must_be_empty err &&
	cat >expect <<-\EOT &&
	131072|G1|70001
	131073|G2|1
	EOT
	db_value "SELECT id, employee_id, dept_id FROM employee
	    WHERE employee_id LIKE '\''G%'\'' ORDER BY id" >actual &&
	test_cmp expect actual &&
	cat >rows.csv <<-\EOT &&
	employee_id,date,category,points
	G1,2021-01-04,idea.adopted,7
	G2,2021-01-04,idea.adopted,8
	A1,2021-01-04,idea.adopted,9
	EOT
	expect_code 0 mileage-award -q rows.csv &&
	test_must_be_empty out &&
	test_must_be_empty err &&
	cat >expect <<-\EOT &&
	131072|70001|7
	131073|1|8
	1|1|9
	EOT
	db_value "SELECT employee_id, dept_id, points FROM mileage
	    WHERE date = '\''2021-01-04'\'' ORDER BY id" >actual &&
	test_cmp expect actual
'

test_done
