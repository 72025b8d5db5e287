#!/bin/sh
# The 2007 e-learning figures: rounds 1 and 2 with 154 and 132 completers
# give 286 over the period; round 3 is in progress with 87 enrolled.
. "$(dirname "$0")/lib.sh"

INNO_NOW=2007-06-30
export INNO_NOW

course='창의혁신 사이버 강의'

test_expect_success 'setup: 400 employees and three rounds' '
	awk "BEGIN {
		split(\"김 이 박 최 정 강 조 윤 장 임 한 오 서 신 권\", fam, \" \")
		split(\"민수 서연 지훈 유진 하늘 도윤 서아 재현 수빈 예준 지우\", giv, \" \")
		split(\"총무과 기획예산과 환경과 사회복지과 건설과 창의혁신단 문래동\", dep, \" \")
		print \"employee_id,name,grade,dept\"
		for (i = 1; i <= 400; i++)
			printf \"P%03d,%s%s,%d,%s\n\", i, fam[i % 15 + 1],
			    giv[i % 11 + 1], 5 + i % 5, dep[i % 7 + 1]
	}" >staff.csv &&
	staff-import -q staff.csv &&
	cat >courses.csv <<-EOT &&
	name,kind,round,start,end,hours,target
	$course,e-learning,1,2007-02-01,2007-03-31,20,전직원
	$course,e-learning,2,2007-04-01,2007-04-30,20,전직원
	$course,e-learning,3,2007-06-10,2007-07-10,20,전직원
	창의혁신 특별교육,special,1,2007-03-26,2007-03-26,3,혁신주도그룹
	EOT
	expect_code 0 course-add -q courses.csv
'

test_expect_success 'enrol rounds 1 and 2, then load their completers' '
	awk -v c="$course" "BEGIN {
		print \"course,round,employee_id\"
		for (i = 1; i <= 160; i++) printf \"%s,1,P%03d\n\", c, i
		for (i = 161; i <= 300; i++) printf \"%s,2,P%03d\n\", c, i
	}" >enrol.csv &&
	expect_code 0 course-enroll enrol.csv &&
	test_grep "300 enrolments written" err &&
	awk -v c="$course" "BEGIN {
		print \"course,round,employee_id,status,completed\"
		for (i = 1; i <= 154; i++) printf \"%s,1,P%03d,completed,2007-03-31\n\", c, i
		for (i = 155; i <= 156; i++) printf \"%s,1,P%03d,dropped,\n\", c, i
		for (i = 161; i <= 292; i++) printf \"%s,2,P%03d,,2007-04-30\n\", c, i
	}" >done.csv &&
	expect_code 0 course-enroll done.csv &&
	test_must_be_empty out &&
	test "$(db_value "SELECT count(*) FROM enrolment")" = 300 &&
	test "$(db_value "SELECT count(*) FROM audit WHERE tbl = '\''enrolment'\'' AND action = '\''update'\''")" = 288
'

test_expect_success 'round 3: 87 enrolled, in progress' '
	awk -v c="$course" "BEGIN {
		print \"course,round,employee_id\"
		for (i = 301; i <= 387; i++) printf \"%s,3,P%03d\n\", c, i
	}" >round3.csv &&
	expect_code 0 course-enroll -q round3.csv &&
	test_must_be_empty err
'

test_expect_success 'per course and round' '
	expect_code 0 course-list --kind=e-learning &&
	cat >expect <<-EOT &&
	id,name,kind,round,start,end,hours,target,state,enrolled,completed,dropped,programme,attended,catalogue,catalogue_name
	1,$course,e-learning,1,2007-02-01,2007-03-31,20,전직원,finished,158,154,2,,,,
	2,$course,e-learning,2,2007-04-01,2007-04-30,20,전직원,finished,140,132,0,,,,
	3,$course,e-learning,3,2007-06-10,2007-07-10,20,전직원,in progress,87,0,0,,,,
	EOT
	tr -d "\r" <out >actual &&
	test_cmp expect actual &&
	test_must_be_empty err
'

test_expect_success 'rounds 1 and 2: 286 completers over the period' '
	expect_code 0 course-list --kind=e-learning --period=2007-02..2007-04 \
	    --by=kind --format=tsv &&
	printf "kind\tcourses\tenrolled\tcompleted\tdropped\ne-learning\t2\t298\t286\t2\n" >expect &&
	test_cmp expect out &&
	expect_code 0 course-list --period=2007-H1 --by=course --format=tsv &&
	printf "%s\n" "name	kind	rounds	start	end	hours	enrolled	completed	dropped	attended" \
	    "$course	e-learning	3	2007-02-01	2007-07-10	60	385	286	2	" \
	    "창의혁신 특별교육	special	1	2007-03-26	2007-03-26	3	0	0	0	" >expect &&
	test_cmp expect out
'

test_expect_success 'the state depends on the day' '
	expect_code 0 course-list --round=3 --on=2007-06-01 --format=tsv &&
	test "$(sed 1d out | cut -f9)" = planned &&
	expect_code 0 course-list --round=3 --on=2007-07-11 --format=tsv &&
	test "$(sed 1d out | cut -f9)" = finished
'

test_expect_success 'a round is in progress on its first and its last day' '
	expect_code 0 course-list --round=3 --on=2007-06-10 --format=tsv &&
	test "$(sed 1d out | cut -f9)" = "in progress" &&
	expect_code 0 course-list --round=3 --on=2007-07-10 --format=tsv &&
	test "$(sed 1d out | cut -f9)" = "in progress"
'

test_expect_success 'enrolments, by status, load back into course-enroll' '
	expect_code 0 course-list --enrolments --status=dropped --format=tsv &&
	test "$(sed 1d out | cut -f3 | tr "\n" " ")" = "P155 P156 " &&
	expect_code 0 course-list --enrolments --round=1 --format=csv &&
	test "$(sed 1d out | wc -l)" -eq 160 &&
	mv out round1.csv &&
	db_copy "$INNO_DB" before-reload.db >/dev/null &&
	db_value "DELETE FROM enrolment WHERE course_id = 1" &&
	expect_code 0 course-enroll -q --batch-id=reload round1.csv &&
	expect_code 0 course-list --enrolments --round=1 --format=csv &&
	test_cmp round1.csv out &&
	db_copy "$(db_name before-reload.db)" "$INNO_DB" >/dev/null
'

test_expect_success 'json and table output' '
	expect_code 0 course-list --kind=special --format=json &&
	test_grep "\"state\": *\"finished\"" out &&
	test_grep "\"hours\": *3" out &&
	expect_code 0 course-list --by=kind --format=table &&
	cat >expect <<-\EOT &&
	kind        courses  enrolled  completed  dropped
	e-learning        3       385        286        2
	special           1         0          0        0
	EOT
	test_cmp expect out
'

test_expect_success 'a period counts the completions dated in it' '
	expect_code 0 course-enroll -q --course="$course" --round=1 \
	    --employee-id=P157 --completed=2007-07-02 &&
	expect_code 0 course-list --kind=e-learning --period=2007-H1 --by=kind --format=tsv &&
	printf "kind\tcourses\tenrolled\tcompleted\tdropped\ne-learning\t3\t385\t286\t2\n" >expect &&
	test_cmp expect out &&
	expect_code 0 course-list --kind=e-learning --period=2007-07 --format=tsv &&
	test "$(sed 1d out | cut -f4,11 | tr "\t\n" ": ")" = "3:0 " &&
	expect_code 0 course-list --name="$course" --round=1 --format=tsv &&
	test "$(sed 1d out | cut -f11)" = 155 &&
	expect_code 0 course-list --name="$course" --round=1 --period=2007-03-31..2007-07-02 --format=tsv &&
	test "$(sed 1d out | cut -f11)" = 155 &&
	expect_code 0 course-list --name="$course" --round=1 --period=2007-04-01..2007-07-01 --format=tsv &&
	test "$(sed 1d out)" = "" &&
	test_must_be_empty err
'

test_expect_success 'usage errors exit 2' '
	expect_code 2 course-list --by=month &&
	test_grep "^course-list: --by=month: expected course or kind$" err &&
	expect_code 2 course-list --status=completed &&
	test_grep "^usage: course-list" err &&
	expect_code 2 course-list --period=2007-13 &&
	test_grep "^course-list: --period=2007-13: " err &&
	expect_code 2 course-list --kind=lecture &&
	test_grep "^course-list: --kind=lecture: expected e-learning, special or workshop$" err &&
	expect_code 2 course-list --round=0 &&
	test_grep "^course-list: --round=0: " err
'

test_expect_success 'inno-check is clean' '
	expect_code 0 inno-check &&
	test_must_be_empty out
'

test_done
