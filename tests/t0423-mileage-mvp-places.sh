#!/bin/sh
# mileage-mvp ranks in full only for --explain; otherwise it reads every
# person's month in brief and names only those who can place.  The two
# must agree: a tie that only the grade and the employee_id break, among
# more people than the places, and a closed month whose stored winner the
# rules of today rank last.
. "$(dirname "$0")/lib.sh"

cat >mvp.ini <<\EOT
[mileage.idea.adopted]
points = 10
min = 1
max = 10
[mvp]
person_tie_break = junior
EOT
sed 's/= junior/= fewer_entries, senior/' mvp.ini >senior.ini
INNO_CONFIG=$TRASH/mvp.ini
INNO_NOW=2007-06-05
export INNO_CONFIG INNO_NOW

# Thirty people with 10 points each, in one entry but P30's two; all of
# grade 5 but P17 (8) and P30 (9).  The most junior win, then the
# employee_id decides; with fewer entries first, P30 is last.
test_expect_success 'setup: thirty people tied on points and entries' '
	{
		echo employee_id,name,grade,dept,team &&
		for i in $(seq -w 1 30); do
			case $i in 17) g=8 ;; 30) g=9 ;; *) g=5 ;; esac
			echo "P$i,직원$i,$g,총무과,인사팀"
		done
	} >staff.csv &&
	staff-import -q staff.csv &&
	{
		echo employee_id,date,category,points &&
		for i in $(seq -w 29 -1 1); do
			echo "P$i,2007-05-1$((1${i#?} % 10)),idea.adopted,"
		done &&
		echo P30,2007-05-02,idea.adopted,5 &&
		echo P30,2007-05-03,idea.adopted,5
	} >may.csv &&
	expect_code 0 mileage-award -q may.csv
'

test_expect_success 'the winner is the first of the full ranking' '
	expect_code 0 mileage-mvp -n --month=2007-05 --format=csv &&
	tr -d "\r" <out >got &&
	cat >expect <<-\EOT &&
	month,award,employee_id,name,dept,points,headcount,score
	2007-05,person,P30,직원30,총무과,10,,10
	2007-05,dept,,,총무과,300,30,300
	EOT
	test_cmp expect got &&
	test_must_be_empty err &&
	expect_code 0 mileage-mvp -n --month=2007-05 --explain --format=csv &&
	tr -d "\r" <out | sed -n "2,5p" | cut -d, -f1-7 >got &&
	cat >expect <<-\EOT &&
	2007-05,person,1,P30,직원30,총무과,10
	2007-05,person,2,P17,직원17,총무과,10
	2007-05,person,3,P01,직원01,총무과,10
	2007-05,person,4,P02,직원02,총무과,10
	EOT
	test_cmp expect got &&
	test "$(tr -d "\r" <out | grep -c ",person,")" = 30
'

test_expect_success 'fewer entries then senior: P30 last, the first by employee_id' '
	expect_code 0 mileage-mvp -n -c senior.ini --month=2007-05 --format=csv &&
	tr -d "\r" <out | sed -n 2p >got &&
	echo "2007-05,person,P01,직원01,총무과,10,,10" >expect &&
	test_cmp expect got
'

test_expect_success 'a closed month names its stored winner, last by the rules of today' '
	expect_code 0 mileage-mvp -q --month=2007-05 --close &&
	expect_code 0 mileage-mvp -c senior.ini --month=2007-05 --format=csv &&
	tr -d "\r" <out | sed -n 2p >got &&
	echo "2007-05,person,P30,직원30,총무과,10,,10" >expect &&
	test_cmp expect got &&
	echo "mileage-mvp: month 2007-05 is closed: its stored result stands" >expect &&
	test_cmp expect err
'

# The year ranking sums the year's cells itself and names the ranks up to
# --top: a rank shared by everyone tied at the last one counted.
test_expect_success 'the year ranking keeps every tie of its last rank' '
	cat >june.csv <<-\EOT &&
	employee_id,date,category,points
	P05,2007-06-01,idea.adopted,10
	P09,2007-06-01,idea.adopted,3
	EOT
	expect_code 0 mileage-award -q june.csv &&
	expect_code 0 mileage-mvp --year=2007 --top=1 --format=csv &&
	tr -d "\r" <out >got &&
	cat >expect <<-\EOT &&
	rank,employee_id,name,dept,innovation,cs,points
	1,P05,직원05,총무과,20,0,20
	EOT
	test_cmp expect got &&
	expect_code 0 mileage-mvp --year=2007 --top=3 --format=csv &&
	tr -d "\r" <out >got &&
	test "$(sed -n 2,4p got | cut -d, -f1,2 | tr "\n" " ")" = "1,P05 2,P09 3,P01 " &&
	test "$(grep -c "^3," got)" = 28 &&
	test "$(tail -1 got)" = "3,P30,직원30,총무과,10,0,10" &&
	expect_code 0 mileage-mvp --year=2008 --top=3 --format=csv &&
	tr -d "\r" <out >got &&
	echo rank,employee_id,name,dept,innovation,cs,points >expect &&
	test_cmp expect got
'

# A department's headcount for the per-head score: everyone employed on
# some day of the month, counted from the dates (those who joined after
# it and left before it are not; who joined on its last day or left on
# its first is).
test_expect_success 'the per-head score counts the staff of the month' '
	cat >dates.csv <<-\EOT &&
	employee_id,name,grade,dept,team,joined,left
	Q1,가,5,기획과,기획팀,2000-01-01,
	Q2,나,5,기획과,기획팀,2007-07-01,
	Q3,다,5,기획과,기획팀,2000-01-01,2007-04-30
	Q4,라,5,기획과,기획팀,2000-01-01,2007-07-01
	Q5,마,5,기획과,기획팀,2007-07-31,
	Q6,바,5,기획과,기획팀,2007-06-01,2007-06-30
	Q7,사,5,기획과,기획팀,,2007-07-31
	EOT
	staff-import -q dates.csv &&
	printf "employee_id,date,category\nQ1,2007-07-02,idea.adopted\n" >july.csv &&
	expect_code 0 mileage-award -q july.csv &&
	{ cat mvp.ini && echo "dept_score = per_head"; } >perhead.ini &&
	INNO_NOW=2007-08-05 expect_code 0 mileage-mvp -n -c perhead.ini --month=2007-07 --format=csv &&
	tr -d "\r" <out | sed -n 3p >got &&
	echo "2007-07,dept,,,기획과,10,5,2.00" >expect &&
	test_cmp expect got
'

test_done
