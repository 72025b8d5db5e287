#!/bin/sh
# course-enroll: enrolment one by one or from CSV, then completion.
. "$(dirname "$0")/lib.sh"

test_expect_success 'setup' '
	setup_staff &&
	cat >courses.csv <<-\EOT &&
	name,kind,round,start,end,hours
	사이버 강의,e-learning,1,2007-02-01,2007-03-31,20
	사이버 강의,e-learning,2,2007-04-01,2007-04-30,20
	특별교육,special,1,2007-03-26,2007-03-26,3
	EOT
	course-add -q courses.csv
'

test_expect_success 'one enrolment prints its id' '
	expect_code 0 course-enroll --course=특별교육 --employee-id=E01 &&
	echo 1 >expect &&
	test_cmp expect out &&
	test_must_be_empty err &&
	test "$(db_value "SELECT status, CASE WHEN completed IS NULL THEN 1 ELSE 0 END FROM enrolment")" = "enrolled|1"
'

test_expect_success 'completion updates the enrolment, dated the course end' '
	expect_code 0 course-enroll --course=특별교육 --employee-id=E01 \
	    --status=completed &&
	echo 1 >expect &&
	test_cmp expect out &&
	test "$(db_value "SELECT status, completed FROM enrolment")" = "completed|2007-03-26" &&
	test "$(db_value "SELECT detail FROM audit WHERE tbl = '\''enrolment'\'' AND action = '\''update'\''")" = "status completed on 2007-03-26"
'

test_expect_success 'enrolling again without a status changes nothing' '
	expect_code 0 course-enroll --course=특별교육 --employee-id=E01 &&
	test "$(db_value "SELECT status FROM enrolment")" = completed &&
	test "$(db_value "SELECT count(*) FROM audit WHERE tbl = '\''enrolment'\''")" = 2
'

test_expect_success 'a course with several rounds needs the round' '
	expect_code 1 course-enroll --course="사이버 강의" --employee-id=E02 &&
	test_grep "^course-enroll: --round: 사이버 강의 has 2 rounds: give the round$" err &&
	expect_code 0 course-enroll --course="사이버 강의" --round=2 \
	    --employee-id=E02 --completed=2007-04-20 &&
	echo 2 >expect &&
	test_cmp expect out &&
	test "$(db_value "SELECT status, completed FROM enrolment WHERE id = 2")" = "completed|2007-04-20"
'

test_expect_success 'bad rows: every one reported, nothing written' '
	cat >staff2.csv <<-\EOT &&
	employee_id,name,grade,dept,joined
	E30,신규직원,9,총무과,2007-05-01
	EOT
	staff-import -q staff2.csv &&
	cat >bad.csv <<-\EOT &&
	course,round,employee_id,status,completed
	사이버 강의,1,E03,,
	사이버 강의,3,E03,,
	없는과정,,E03,,
	사이버 강의,1,E99,,
	사이버 강의,1,E04,passed,
	사이버 강의,1,E05,dropped,2007-03-01
	사이버 강의,1,E06,,2007-01-15
	사이버 강의,2,E30,,
	EOT
	expect_code 1 course-enroll bad.csv &&
	test_must_be_empty out &&
	test_grep "^course-enroll: bad.csv:3: round: 사이버 강의 round 3: no such course$" err &&
	test_grep "^course-enroll: bad.csv:4: course: 없는과정: no such course$" err &&
	test_grep "^course-enroll: bad.csv:5: employee_id: E99: no such employee$" err &&
	test_grep "^course-enroll: bad.csv:6: status: passed: expected one of enrolled, completed, dropped$" err &&
	test_grep "^course-enroll: bad.csv:7: completed: a completion date with status dropped$" err &&
	test_grep "^course-enroll: bad.csv:8: completed: 2007-01-15: before the course started on 2007-02-01$" err &&
	test_grep "^course-enroll: bad.csv:9: employee_id: E30: not yet employed on 2007-04-01 (joined 2007-05-01)$" err &&
	test_grep "7 of 8 rows rejected" err &&
	test "$(db_value "SELECT count(*) FROM enrolment")" = 2
'

test_expect_success 'an unknown course is the course'"'"'s fault, whatever the round' '
	expect_code 1 course-enroll --course=NOPE --round=1 --employee-id=E03 &&
	test_must_be_empty out &&
	echo "course-enroll: --course: NOPE: no such course" >expect &&
	test_cmp expect err &&
	cat >nope.csv <<-\EOT &&
	course,round,employee_id
	NOPE,2,E03
	사이버 강의,5,E03
	EOT
	expect_code 1 course-enroll nope.csv &&
	test_must_be_empty out &&
	test_grep "^course-enroll: nope.csv:2: course: NOPE: no such course$" err &&
	test_grep "^course-enroll: nope.csv:3: round: 사이버 강의 round 5: no such course$" err &&
	test "$(db_value "SELECT count(*) FROM enrolment")" = 2
'

test_expect_success '--reject and --dry-run' '
	expect_code 1 course-enroll --reject=rej.csv bad.csv &&
	test "$(wc -l <rej.csv)" -eq 8 &&
	head -2 bad.csv >good.csv &&
	expect_code 0 course-enroll -n good.csv &&
	test "$(db_value "SELECT count(*) FROM enrolment")" = 2
'

test_expect_success 'usage errors exit 2' '
	expect_code 2 course-enroll --course=특별교육 good.csv &&
	test_grep "^usage: course-enroll" err &&
	expect_code 2 course-enroll --no-status &&
	test_grep "^usage: course-enroll" err
'

test_expect_success 'inno-check finds a completion before the start' '
	expect_code 0 inno-check &&
	db_value "UPDATE enrolment SET completed = '\''2007-01-01'\'' WHERE id = 2" &&
	expect_code 1 inno-check &&
	test_grep "^course 사이버 강의 round 2: E02 completed on 2007-01-01, before the start on 2007-04-01$" out
'

test_done
