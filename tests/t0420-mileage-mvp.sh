#!/bin/sh
# mileage-mvp: a hand-made month whose answer depends on the per-head rule,
# a cap and a tie; the result stored once; closing; the year ranking.
. "$(dirname "$0")/lib.sh"

cat >mileage.ini <<\EOT
[mileage]
person_month_cap = 30
cap_action = trim
[mileage.idea.adopted]
points = 10
max = 20
[mileage.contest.prize]
points = 20
min = 5
max = 30
[mileage.knowledge.approved]
points = 10
[mileage.cs.praise]
points = 5
max = 50
kind = cs
[mvp]
dept_score = per_head
person_tie_break = categories, earliest
person_exclude_months = 1
EOT
INNO_CONFIG=$TRASH/mileage.ini
INNO_NOW=2007-06-05
export INNO_CONFIG INNO_NOW

# May 2007, built so that each rule matters:
# - the cap: E01 earns 40 but is trimmed to 30; untrimmed, E01 would win.
# - the tie: E01 and E03 both have 30; E03 has 3 categories to E01's 2.
# - per head: 창의혁신단 has the most points (60) but 4 staff (15.00 a
#   head); 총무과 has 35 with 2 staff (17.50 a head) and wins.
# - E02's CS points do not count for the MVP (kinds = innovation).
test_expect_success 'setup: the month of May' '
	setup_staff &&
	cat >may.csv <<-\EOT &&
	employee_id,date,category,points
	E01,2007-05-02,idea.adopted,20
	E01,2007-05-10,contest.prize,20
	E03,2007-05-03,idea.adopted,10
	E03,2007-05-04,knowledge.approved,
	E03,2007-05-20,contest.prize,10
	E05,2007-05-07,contest.prize,25
	E06,2007-05-08,knowledge.approved,
	E07,2007-05-09,knowledge.approved,
	E02,2007-05-09,cs.praise,25
	EOT
	expect_code 0 mileage-award may.csv &&
	test_grep "may.csv:3: note: points: 20 points trimmed to 10 by the per-person monthly cap of 30" err
'

test_expect_success 'the MVP person and department' '
	expect_code 0 mileage-mvp --month=2007-05 --format=csv &&
	tr -d "\r" <out >got &&
	cat >expect <<-\EOT &&
	month,award,employee_id,name,dept,points,headcount,score
	2007-05,person,E03,박지훈,창의혁신단,30,,30
	2007-05,dept,,,총무과,35,2,17.50
	EOT
	test_cmp expect got &&
	test_must_be_empty err
'

test_expect_success '--explain shows every candidate and why the winner won' '
	expect_code 0 mileage-mvp --month=2007-05 --explain --format=csv &&
	tr -d "\r" <out >got &&
	cat >expect <<-\EOT &&
	month,award,rank,employee_id,name,dept,points,headcount,score,categories,why
	2007-05,person,1,E03,박지훈,창의혁신단,30,,30,"contest.prize 10, idea.adopted 10, knowledge.approved 10",tied with E01 at 30; won on categories 3 against 2
	2007-05,person,2,E01,김민수,창의혁신단,30,,30,"idea.adopted 20, contest.prize 10",tied with the winner E03 at 30; lost on categories 3 against 2
	2007-05,person,3,E05,정하늘,총무과,25,,25,contest.prize 25,"score 25, below the winner\x27s 30"
	2007-05,person,4,E06,강도윤,총무과,10,,10,knowledge.approved 10,"score 10, below the winner\x27s 30"
	2007-05,person,5,E07,윤서아,사회복지과,10,,10,knowledge.approved 10,"score 10, below the winner\x27s 30"
	2007-05,dept,1,,,총무과,35,2,17.50,"contest.prize 25, knowledge.approved 10",highest score: points per head 17.50 against 15.00 (창의혁신단)
	2007-05,dept,2,,,창의혁신단,60,4,15.00,"idea.adopted 30, contest.prize 20, knowledge.approved 10","score 15.00, below the winner\x27s 17.50"
	2007-05,dept,3,,,사회복지과,10,2,5.00,knowledge.approved 10,"score 5.00, below the winner\x27s 17.50"
	EOT
	sed "s/\\\\x27/'"'"'/g" expect >expect2 &&
	test_cmp expect2 got
'

test_expect_success 'with dept_score = total the biggest department wins' '
	sed "s/^dept_score = per_head/dept_score = total/" mileage.ini >total.ini &&
	expect_code 0 mileage-mvp -n -c total.ini --month=2007-05 --format=csv &&
	test_grep "^2007-05,dept,,,창의혁신단,60,4,60" out
'

test_expect_success 'the result is stored once, however often it is run' '
	expect_code 0 mileage-mvp --month=2007-05 --format=json &&
	test "$(db_value "SELECT month, e.employee_id, person_points, d.name, dept_points, dept_headcount, dept_score FROM mileage_mvp m JOIN employee e ON e.id = m.employee_id JOIN dept d ON d.id = m.dept_id")" = \
	    "2007-05|E03|30|총무과|35|2|per_head" &&
	test "$(db_value "SELECT count(*) FROM audit WHERE tbl = '\''mileage_mvp'\''")" = 1
'

test_expect_success 'two runs at once store one result' '
	mileage-mvp --month=2007-04 >a.out 2>a.err &
	mileage-mvp --month=2007-04 >b.out 2>b.err &
	wait &&
	test_must_be_empty a.err &&
	test_must_be_empty b.err &&
	test_cmp a.out b.out &&
	test "$(db_value "SELECT count(*) FROM mileage_mvp WHERE month = '\''2007-04'\''")" = 1
'

test_expect_success 'a month with no mileage has no winner' '
	expect_code 0 mileage-mvp --month=2007-04 --format=csv &&
	tr -d "\r" <out >got &&
	printf "%s\n" "month,award,employee_id,name,dept,points,headcount,score" \
	    "2007-04,person,,,,,," "2007-04,dept,,,,,," >expect &&
	test_cmp expect got
'

test_expect_success 'last month'"'"'s MVP is not eligible this month' '
	cat >june.csv <<-\EOT &&
	employee_id,date,category,points
	E03,2007-06-01,contest.prize,30
	E01,2007-06-01,idea.adopted,10
	EOT
	mileage-award -q june.csv &&
	INNO_NOW=2007-07-02 expect_code 0 mileage-mvp --month=2007-06 --explain --format=csv &&
	test_grep "^2007-06,person,1,E01,.*,the only eligible candidate" out &&
	test_grep "^2007-06,person,,E03,.*,not eligible: MVP in 2007-05 (person_exclude_months = 1)" out
'

test_expect_success 'a changed ledger updates the stored result of an open month' '
	mileage-award -q --reverse=4 --date=2007-05-31 &&
	expect_code 0 mileage-mvp --month=2007-05 &&
	test "$(db_value "SELECT e.employee_id FROM mileage_mvp m JOIN employee e ON e.id = m.employee_id WHERE month = '\''2007-05'\''")" = E01 &&
	test "$(db_value "SELECT count(*) FROM audit WHERE tbl = '\''mileage_mvp'\'' AND action = '\''update'\''")" = 1
'

test_expect_success 'a month is closed only once it is over' '
	expect_code 1 mileage-mvp --month=2007-06 --close &&
	echo "mileage-mvp: month 2007-06 has not ended (today is 2007-06-05); close it once it is over" >expect &&
	test_cmp expect err &&
	test "$(db_value "SELECT count(*) FROM mileage_close")" = 0
'

test_expect_success 'a dry run closes nothing' '
	expect_code 0 mileage-mvp -n --month=2007-05 --close &&
	echo "mileage-mvp: dry run: month 2007-05 not closed, nothing stored" >expect &&
	test_cmp expect err &&
	test "$(db_value "SELECT count(*) FROM mileage_close")" = 0
'

test_expect_success '--close stores and closes; the result then stands' '
	expect_code 0 mileage-mvp --month=2007-05 --close --format=csv &&
	test_grep "^2007-05,person,E01," out &&
	test "$(db_value "SELECT month FROM mileage_close")" = 2007-05 &&
	sed "s/^dept_score = per_head/dept_score = total/" mileage.ini >total.ini &&
	expect_code 0 mileage-mvp -c total.ini --month=2007-05 --format=csv &&
	test_grep "^2007-05,dept,,,총무과,35,2,17.50" out &&
	echo "mileage-mvp: month 2007-05 is closed: its stored result stands" >expect &&
	test_cmp expect err &&
	expect_code 0 mileage-mvp --month=2007-05 --close &&
	echo "mileage-mvp: month 2007-05 was already closed" >expect &&
	test_cmp expect err &&
	test "$(db_value "SELECT count(*) FROM mileage_close")" = 1
'

test_expect_success 'the year ranking combines innovation and CS' '
	expect_code 0 mileage-mvp --year=2007 --top=3 --format=csv &&
	tr -d "\r" <out >got &&
	cat >expect <<-\EOT &&
	rank,employee_id,name,dept,innovation,cs,points
	1,E03,박지훈,창의혁신단,50,0,50
	2,E01,김민수,창의혁신단,40,0,40
	3,E05,정하늘,총무과,25,0,25
	3,E02,이서연,창의혁신단,0,25,25
	EOT
	test_cmp expect got
'

test_expect_success 'formats' '
	expect_code 0 mileage-mvp --year=2007 --top=1 --format=json &&
	echo "[" >expect &&
	echo "{\"rank\":1,\"employee_id\":\"E03\",\"name\":\"박지훈\",\"dept\":\"창의혁신단\",\"innovation\":50,\"cs\":0,\"points\":50}" >>expect &&
	echo "]" >>expect &&
	test_cmp expect out &&
	expect_code 0 mileage-mvp --month=2007-05 --format=tsv &&
	test_grep "^2007-05	dept		" out &&
	expect_code 0 mileage-mvp --month=2007-05 --format=table &&
	test_grep "^month    award   employee_id" out
'

test_expect_success 'usage errors exit 2' '
	expect_code 2 mileage-mvp &&
	test_grep "^usage: mileage-mvp" err &&
	expect_code 2 mileage-mvp --month=2007-05 --year=2007 &&
	expect_code 2 mileage-mvp --year=2007 --explain &&
	expect_code 2 mileage-mvp --month=2007-13 &&
	echo "mileage-mvp: --month=2007-13: no such month" >expect &&
	test_cmp expect err &&
	expect_code 2 mileage-mvp --year=07 &&
	expect_code 2 mileage-mvp --year=2007 --top=0 &&
	printf "[mvp]\nperson_tie_break = categories, luck\n" >bad.ini &&
	expect_code 2 mileage-mvp -c bad.ini --month=2007-05 &&
	test_grep "mvp:person_tie_break = \"categories, luck\": expected a comma-separated list" err
'

test_done
