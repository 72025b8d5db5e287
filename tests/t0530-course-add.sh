#!/bin/sh
# course-add: courses by round, one from options or many from CSV.
. "$(dirname "$0")/lib.sh"

test_expect_success 'one course from options prints its id' '
	expect_code 0 course-add --name="창의혁신 사이버 강의" --kind=e-learning \
	    --round=1 --start=2007-02-01 --end=2007-03-31 --hours=20 \
	    --target=전직원 &&
	echo 1 >expect &&
	test_cmp expect out &&
	test_must_be_empty err &&
	test "$(db_value "SELECT name, kind, round, start, end, hours, target FROM course")" = "창의혁신 사이버 강의|e-learning|1|2007-02-01|2007-03-31|20|전직원"
'

test_expect_success 'an operand beside record options is a usage error' '
	expect_code 2 course-add --name=창의혁신 특별교육 --kind=special \
	    --start=2007-03-26 &&
	test_must_be_empty out &&
	test_grep "^usage: course-add" err
'

test_expect_success 'round 1 and the end date by default' '
	expect_code 0 course-add --name="창의혁신 특별교육" --kind=special \
	    --start=2007-03-26 --target=혁신주도그룹 &&
	echo 2 >expect &&
	test_cmp expect out &&
	test "$(db_value "SELECT round, end, CASE WHEN hours IS NULL THEN 1 ELSE 0 END FROM course WHERE id = 2")" = "1|2007-03-26|1"
'

test_expect_success 'a name and round are recorded once' '
	expect_code 1 course-add --name="창의혁신 사이버 강의" --kind=e-learning \
	    --round=1 --start=2007-02-01 &&
	test_grep "^course-add: --round: 창의혁신 사이버 강의 round 1: already recorded (course 1)$" err
'

test_expect_success 'many from CSV' '
	cat >courses.csv <<-\EOT &&
	name,kind,round,start,end,hours,target
	창의혁신 사이버 강의,e-learning,2,2007-04-01,2007-04-30,20,전직원
	창의혁신 사이버 강의,e-learning,3,2007-06-10,2007-07-10,20,전직원
	혁신주도그룹 워크숍,workshop,1,2007-05-11,2007-05-12,12,혁신주도그룹
	EOT
	expect_code 0 course-add courses.csv &&
	test_must_be_empty out &&
	test_grep "3 courses written" err
'

test_expect_success 'bad rows: every one reported, nothing written' '
	cat >bad.csv <<-\EOT &&
	name,kind,round,start,end,hours
	좋은과정,workshop,1,2007-09-01,2007-09-02,8
	나쁜과정,lecture,1,2007-09-01,2007-09-02,8
	거꾸로,workshop,1,2007-09-02,2007-09-01,8
	영차,workshop,0,2007-09-01,,8
	시간,workshop,1,2007-09-01,,8h
	날짜없음,workshop,1,,,
	EOT
	expect_code 1 course-add bad.csv &&
	test_must_be_empty out &&
	test_grep "^course-add: bad.csv:3: kind: lecture: expected one of e-learning, special, workshop$" err &&
	test_grep "^course-add: bad.csv:4: end: 2007-09-01: before the start 2007-09-02$" err &&
	test_grep "^course-add: bad.csv:5: round: 0: out of range (1 to 1000)$" err &&
	test_grep "^course-add: bad.csv:6: hours: 8h: " err &&
	test_grep "^course-add: bad.csv:7: start: " err &&
	test "$(db_value "SELECT count(*) FROM course")" = 5
'

test_expect_success '--dry-run checks and writes nothing' '
	head -2 bad.csv >good.csv &&
	expect_code 0 course-add -n good.csv &&
	test_grep "dry run: 1 row valid, nothing written" err &&
	test "$(db_value "SELECT count(*) FROM course")" = 5
'

test_expect_success 'usage errors exit 2' '
	expect_code 2 course-add --name=x good.csv &&
	test_grep "^usage: course-add" err &&
	expect_code 2 course-add --round &&
	test_grep "^usage: course-add" err
'

test_expect_success 'the CSV of course-list loads back' '
	expect_code 0 course-list --on=2007-06-30 &&
	mv out list.csv &&
	db_fresh &&
	expect_code 0 course-add -q list.csv &&
	expect_code 0 course-list --on=2007-06-30 &&
	cut -d, -f2- list.csv >expect &&
	cut -d, -f2- out >actual &&
	test_cmp expect actual
'

test_done
