#!/bin/sh
# The example data of share/demo for clubs and training loads through the
# programs and gives the 2007 council report's figures.
. "$(dirname "$0")/lib.sh"

INNO_CONFIG=$INNO_SHARE/inno.ini
INNO_NOW=2007-07-02
export INNO_CONFIG INNO_NOW
demo=$INNO_SHARE/demo

test_expect_success 'setup: the employees the enrolments name' '
	awk "BEGIN {
		print \"employee_id,name,grade,dept,joined\"
		for (i = 1; i <= 180; i++)
			printf \"E%03d,직원%03d,%d,총무과,2006-01-01\n\", i, i, 6 + i % 4
	}" >staff.csv &&
	staff-import -q staff.csv
'

test_expect_success 'the demo clubs, grants and activities load' '
	expect_code 0 club-register -q "$demo/clubs.csv" &&
	expect_code 0 club-fund -q "$demo/club-grants.csv" &&
	expect_code 0 club-activity -q "$demo/club-activities.csv" &&
	test_must_be_empty err
'

test_expect_success '49 clubs, 12 strategic and 37 departmental; 24 funded, 3,600,000 won' '
	expect_code 0 club-list --period=2007-H1 --by=kind --format=tsv &&
	cut -f1-4 out >actual &&
	printf "kind\tclubs\tfunded\tgranted\nstrategic\t12\t12\t1800000\ndepartmental\t37\t12\t1800000\n" >expect &&
	test_cmp expect actual
'

test_expect_success 'the demo courses and enrolments load' '
	expect_code 0 course-add -q "$demo/courses.csv" &&
	expect_code 0 course-enroll -q "$demo/enrolments.csv" &&
	test_must_be_empty err
'

test_expect_success 'e-learning: 154 + 132 = 286 in rounds 1-2; 87 in round 3' '
	expect_code 0 course-list --kind=e-learning --period=2007-H1 --format=tsv &&
	cut -f4,9-11 out >actual &&
	printf "%s\n" "round	state	enrolled	completed" "1	finished	154	154" \
	    "2	finished	132	132" "3	in progress	87	0" >expect &&
	test_cmp expect actual &&
	expect_code 0 course-list --kind=e-learning --period=2007-02..2007-04 --by=kind --format=tsv &&
	test "$(sed 1d out | cut -f4)" = 286
'

test_expect_success 'the courses still running or planned after the as-of date' '
	expect_code 0 course-list --period=2007-07-03..2007-12-31 --format=tsv &&
	sed 1d out | cut -f2,4,9 | tr "\t\n" ",;" >got &&
	test "$(cat got)" = "창의혁신 사이버 강의,3,in progress;창의혁신 사이버 강의,4,planned;혁신 전문가 초청 교육,1,planned;" &&
	expect_code 0 inno-check &&
	test_must_be_empty out
'

test_done
