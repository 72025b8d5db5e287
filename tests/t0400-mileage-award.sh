#!/bin/sh
# mileage-award: one award from options or a batch from CSV, validated
# against the staff and the categories, ranges and caps of inno.ini.
. "$(dirname "$0")/lib.sh"

cat >mileage.ini <<\EOT
[mileage]
person_month_cap = 50
[mileage.idea.adopted]
points = 20
[mileage.contest.prize]
points = 30
min = 10
max = 40
month_cap = 45
[mileage.cs.praise]
points = 10
kind = cs
[mileage.course.completed]
points = 5
enabled = no
EOT
INNO_CONFIG=$TRASH/mileage.ini
INNO_NOW=2007-06-15
export INNO_CONFIG INNO_NOW

test_expect_success 'setup' '
	setup_staff &&
	printf "employee_id,name,grade,dept,joined,left\n" >moved.csv &&
	printf "E09,신입,9,총무과,2007-05-20,\n" >>moved.csv &&
	printf "E10,퇴직,7,총무과,,2007-05-10\n" >>moved.csv &&
	staff-import -q moved.csv
'

test_expect_success 'one award from options prints its id' '
	expect_code 0 mileage-award --employee-id=E01 --category=idea.adopted \
	    --date=2007-05-02 --reason="민원 간소화" --ref=IDEA-7 &&
	echo 1 >expect &&
	test_cmp expect out &&
	test_must_be_empty err &&
	test "$(db_value "SELECT m.date, m.employee_id, d.name, m.category, m.kind, m.points, m.reason, m.ref FROM mileage m JOIN dept d ON d.id = m.dept_id")" = \
	    "2007-05-02|1|창의혁신단|idea.adopted|innovation|20|민원 간소화|IDEA-7"
'

test_expect_success 'a department award, dated today by default' '
	expect_code 0 mileage-award --dept=총무과 --category=cs.praise &&
	echo 2 >expect &&
	test_cmp expect out &&
	test "$(db_value "SELECT date, CASE WHEN employee_id IS NULL THEN 1 ELSE 0 END, kind, points FROM mileage WHERE id = 2")" = \
	    "2007-06-15|1|cs|10"
'

test_expect_success 'every write has its audit row' '
	test "$(db_value "SELECT count(*) FROM audit WHERE tbl = '\''mileage'\'' AND action = '\''insert'\''")" = 2 &&
	expect_code 0 inno-check &&
	test_must_be_empty err
'

test_expect_success 'options are checked like rows, naming the option' '
	expect_code 1 mileage-award --employee-id=E01 --category=contest.prize \
	    --points=45 --date=2007-05-03 &&
	test_must_be_empty out &&
	echo "mileage-award: --points: 45: outside the range of category contest.prize (10 to 40)" >expect &&
	test_cmp expect err &&
	expect_code 1 mileage-award --employee-id=E99 --category=idea.adopted &&
	echo "mileage-award: --employee-id: E99: no such employee" >expect &&
	test_cmp expect err &&
	expect_code 1 mileage-award --employee-id=E01 --category=course.completed &&
	echo "mileage-award: --category: course.completed: unknown or disabled category (see [mileage.course.completed] in inno.ini)" >expect &&
	test_cmp expect err &&
	expect_code 1 mileage-award --employee-id=E01 --category=idea.adopted --date=2007-02-30 &&
	echo "mileage-award: --date: 2007-02-30: no such day in that month" >expect &&
	test_cmp expect err &&
	test "$(db_value "SELECT count(*) FROM mileage")" = 2
'

test_expect_success 'an employee must be employed on the date' '
	expect_code 1 mileage-award --employee-id=E09 --category=idea.adopted --date=2007-05-19 &&
	test_grep "^mileage-award: --employee-id: E09: not yet employed on 2007-05-19 (joined 2007-05-20)" err &&
	expect_code 1 mileage-award --employee-id=E10 --category=idea.adopted --date=2007-05-11 &&
	test_grep "^mileage-award: --employee-id: E10: no longer employed on 2007-05-11 (left 2007-05-10)" err &&
	expect_code 0 mileage-award -q --employee-id=E10 --category=idea.adopted --date=2007-05-10
'

test_expect_success 'usage errors exit 2' '
	expect_code 2 mileage-award --employee-id=E01 --dept=총무과 a.csv &&
	test_grep "^usage: mileage-award" err &&
	expect_code 2 mileage-award --reverse=1 --category=idea.adopted &&
	test_grep "reverse takes only --date and --reason" err &&
	expect_code 2 mileage-award a.csv b.csv &&
	expect_code 2 mileage-award --points=x idea.csv &&
	echo "mileage-award: --points=x: not a number" >expect &&
	test_cmp expect err &&
	expect_code 2 mileage-award --category=nope idea.csv &&
	test_grep "unknown category" err
'

test_expect_success 'a batch from CSV, columns in any order' '
	cat >may.csv <<-\EOT &&
	date,category,employee_id,dept,points,reason,ref,extra
	2007-05-04,contest.prize,E02,,35,금상,C-1,x
	2007-05-05,idea.adopted,E03,,,,,
	2007-05-06,cs.praise,,사회복지과,,칭찬,,
	EOT
	expect_code 0 mileage-award may.csv &&
	test_must_be_empty out &&
	echo "mileage-award: 3 entries written" >expect &&
	test_cmp expect err &&
	test "$(db_value "SELECT group_concat(points, '\'' '\'') FROM (SELECT points FROM mileage WHERE id > 3 ORDER BY id)")" = "35 20 10"
'

test_expect_success 'the same batch twice leaves one copy' '
	expect_code 0 mileage-award may.csv &&
	test_grep "^mileage-award: batch [0-9a-f]\{64\} was applied before; nothing written$" err &&
	test "$(wc -l <err)" = 1 &&
	test "$(db_value "SELECT count(*) FROM mileage WHERE id > 3")" = 3 &&
	head -1 may.csv >other.csv && echo "2007-05-07,idea.adopted,E04,,,,," >>other.csv &&
	expect_code 0 mileage-award -q --batch-id=2007-05 other.csv &&
	expect_code 1 mileage-award --batch-id=2007-05 may.csv &&
	echo "mileage-award: batch 2007-05 was applied before with different content; nothing was written" >expect &&
	test_cmp expect err &&
	test "$(db_value "SELECT count(*) FROM mileage WHERE id > 3")" = 4
'

test_expect_success 'bad rows: file, line, column and reason; nothing written' '
	before=$(db_value "SELECT count(*) FROM mileage") &&
	cat >bad.csv <<-\EOT &&
	employee_id,dept,date,category,points
	E05,,2007-05-08,idea.adopted,
	E99,,2007-05-08,idea.adopted,
	,,2007-05-08,idea.adopted,
	E05,,2007/05/08,idea.adopted,
	E05,,2007-05-08,,
	E05,,2007-05-08,contest.prize,5
	,없는과,2007-05-08,cs.praise,
	E05,,,idea.adopted,
	EOT
	expect_code 1 mileage-award --reject=rej.csv bad.csv &&
	test_must_be_empty out &&
	cat >expect <<-\EOT &&
	mileage-award: bad.csv:3: employee_id: E99: no such employee
	mileage-award: bad.csv:4: employee_id: required: give employee_id for a person or dept for a department
	mileage-award: bad.csv:5: date: 2007/05/08: not a date (YYYY-MM-DD)
	mileage-award: bad.csv:6: category: required, but empty (or give --category for every row)
	mileage-award: bad.csv:7: points: 5: outside the range of category contest.prize (10 to 40)
	mileage-award: bad.csv:8: dept: 없는과: no such department
	mileage-award: bad.csv:9: date: required, but empty (or give --date for every row)
	mileage-award: 7 of 8 rows rejected; nothing was written
	EOT
	test_cmp expect err &&
	test "$(db_value "SELECT count(*) FROM mileage")" = "$before" &&
	printf "%s\r\n" "employee_id,dept,date,category,points,reject_reason" \
	    "E99,,2007-05-08,idea.adopted,,employee_id: E99: no such employee" >expect &&
	head -2 rej.csv >got &&
	test_cmp expect got &&
	test "$(wc -l <rej.csv)" = 8
'

test_expect_success 'options give the values rows leave out' '
	printf "employee_id,name\nE06,강도윤\nE07,윤서아\n" >ideas.csv &&
	expect_code 0 mileage-award --category=idea.adopted --date=2007-05-09 \
	    --reason="5월 채택" <ideas.csv &&
	echo "mileage-award: 2 entries written" >expect &&
	test_cmp expect err &&
	test "$(db_value "SELECT count(*) FROM mileage WHERE reason = '\''5월 채택'\'' AND date = '\''2007-05-09'\''")" = 2
'

test_expect_success 'a cap rejects by default, naming the cap' '
	cat >cap.csv <<-\EOT &&
	employee_id,date,category,points
	E08,2007-05-10,contest.prize,40
	E08,2007-05-11,idea.adopted,20
	EOT
	expect_code 1 mileage-award cap.csv &&
	cat >expect <<-\EOT &&
	mileage-award: cap.csv:3: points: 20 points would exceed the per-person monthly cap of 50 points for 2007-05 (40 used)
	mileage-award: 1 of 2 rows rejected; nothing was written
	EOT
	test_cmp expect err &&
	test "$(db_value "SELECT count(*) FROM mileage WHERE employee_id = 8")" = 0
'

test_expect_success 'with cap_action = trim the row is cut and reported' '
	sed "s/^person_month_cap = 50/&\ncap_action = trim/" mileage.ini >trim.ini &&
	printf "E08,2007-05-12,idea.adopted,\n" >>cap.csv &&
	expect_code 0 mileage-award -c trim.ini cap.csv &&
	cat >expect <<-\EOT &&
	mileage-award: cap.csv:3: note: points: 20 points trimmed to 10 by the per-person monthly cap of 50 points for 2007-05 (40 used)
	mileage-award: cap.csv:4: note: points: 20 points trimmed to 0 by the per-person monthly cap of 50 points for 2007-05 (50 used); no entry written
	mileage-award: 2 entries written (some trimmed, see notes)
	EOT
	test_cmp expect err &&
	test "$(db_value "SELECT group_concat(points, '\'' '\'') FROM mileage WHERE employee_id = 8")" = "40 10"
'

test_expect_success 'a category cap counts per recipient and month' '
	cat >cat.csv <<-\EOT &&
	employee_id,date,category,points
	E04,2007-04-02,contest.prize,40
	E04,2007-04-03,contest.prize,10
	EOT
	expect_code 1 mileage-award cat.csv &&
	test_grep "^mileage-award: cat.csv:3: points: 10 points would exceed the monthly cap of 45 points in category contest.prize for 2007-04 (40 used)" err
'

test_expect_success 'a dry run checks caps and writes nothing' '
	before=$(db_value "SELECT count(*) FROM mileage") &&
	expect_code 0 mileage-award -n --employee-id=E05 --category=idea.adopted --date=2007-05-20 &&
	test_must_be_empty out &&
	echo "mileage-award: dry run: 1 row valid, nothing written" >expect &&
	test_cmp expect err &&
	test "$(db_value "SELECT count(*) FROM mileage")" = "$before"
'

test_expect_success 'the entry keeps the department as of the award' '
	expect_code 0 mileage-award --employee-id=E05 --category=idea.adopted --date=2007-05-21 &&
	id=$(cat out) &&
	printf "employee_id,name,grade,dept\nE05,정하늘,9,창의혁신단\n" >move.csv &&
	staff-import -q move.csv &&
	test "$(db_value "SELECT d.name FROM mileage m JOIN dept d ON d.id = m.dept_id WHERE m.id = $id")" = 총무과
'

# A person's mileage goes to the person's department: a dept that
# disagrees would credit another department's total and its MVP.
test_expect_success 'a person entry cannot be credited to another department' '
	n=$(db_value "SELECT count(*) FROM mileage") &&
	printf "employee_id,dept,date,category\nE05,총무과,2007-05-22,idea.adopted\n" >hist.csv &&
	expect_code 1 mileage-award hist.csv &&
	test_must_be_empty out &&
	cat >expect <<-\EOT &&
	mileage-award: hist.csv:2: dept: 총무과: the employee belongs to 창의혁신단, and the mileage of a person goes to their own department (leave dept empty)
	mileage-award: 1 of 1 row rejected; nothing was written
	EOT
	test_cmp expect err &&
	expect_code 1 mileage-award --employee-id=E05 --dept=총무과 \
		--category=idea.adopted --date=2007-05-22 &&
	test_must_be_empty out &&
	cat >expect <<-\EOT &&
	mileage-award: --dept: 총무과: the employee belongs to 창의혁신단, and the mileage of a person goes to their own department (leave dept empty)
	EOT
	test_cmp expect err &&
	expect_code 0 mileage-award -q --employee-id=E05 --dept=창의혁신단 \
		--category=idea.adopted --date=2007-05-22 &&
	test "$(db_value "SELECT d.name FROM mileage m JOIN dept d ON d.id = m.dept_id ORDER BY m.id DESC LIMIT 1")" = 창의혁신단 &&
	test "$(db_value "SELECT count(*) FROM mileage")" = $((n + 1))
'

test_expect_success 'the ledger cannot be edited behind the programs' '
	! db_exec "UPDATE mileage SET points = 99 WHERE id = 1" 2>err &&
	test_grep "append-only" err &&
	! db_exec "DELETE FROM mileage WHERE id = 1" 2>err &&
	test_grep "append-only" err
'

test_expect_success 'inno-check finds the mileage tables clean' '
	expect_code 0 inno-check &&
	test_must_be_empty err
'

test_done
