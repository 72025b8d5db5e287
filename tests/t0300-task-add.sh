#!/bin/sh
# task-add: one task from options, 236 unit projects from one CSV counted
# by field, all-or-nothing batches, usage errors.
. "$(dirname "$0")/lib.sh"

setup_staff

FIELDS='고객만족 제고|행정의 투명성 제고|업무프로세스 혁신|성과중심조직 운영|주민참여|지식관리|정책품질관리|자원봉사 인프라 확충|갈등관리|민원행정 개선|정보공개 활성화|행정서비스 전달체계 개선|정책홍보|지역인재 양성|공무원평생학습체계 구축'

test_expect_success 'one task from options prints its id' '
	expect_code 0 task-add --title "민원 원스톱 처리" --field "민원행정 개선" \
		--dept 총무과 --origin assigned --budget 5000000 \
		--start 2007-03-01 --due 2007-12-31 &&
	echo 1 >expect &&
	test_cmp expect out &&
	test_must_be_empty err &&
	test "$(db_value "SELECT title, field, origin, status, budget, start, due FROM task")" = \
		"민원 원스톱 처리|민원행정 개선|assigned|pool|5000000|2007-03-01|2007-12-31" &&
	test "$(db_value "SELECT count(*) FROM audit WHERE tbl = '\''task'\'' AND action = '\''insert'\''")" = 1
'

test_expect_success 'a field not configured is refused, nothing written' '
	expect_code 1 task-add --title x --field "없는 분야" --dept 총무과 &&
	test_must_be_empty out &&
	test_grep "^task-add: --field: 없는 분야: not one of the 15 fields" err &&
	test "$(db_value "SELECT count(*) FROM task")" = 1
'

test_expect_success 'a due date before the start is refused' '
	expect_code 1 task-add --title x --field 주민참여 --dept 총무과 \
		--start 2007-05-01 --due 2007-04-01 &&
	test_must_be_empty out &&
	test_grep "^task-add: --due: 2007-04-01: before the start 2007-05-01" err
'

test_expect_success '236 tasks across the 15 fields load in one call' '
	awk -v F="$FIELDS" "BEGIN {
		n = split(F, f, \"|\");
		print \"title,field,origin,dept,budget,start,due\";
		for (i = 1; i <= 236; i++)
			printf \"단위사업 %d,%s,%s,%s,1000000,2007-01-01,2007-12-31\\n\",
			    i, f[(i - 1) % n + 1],
			    (i % 3 == 0 ? \"common\" : \"own\"),
			    (i % 2 == 0 ? \"창의혁신단\" : \"사회복지과\");
	}" >tasks.csv &&
	test "$(wc -l <tasks.csv)" = 237 &&
	expect_code 0 task-add tasks.csv &&
	test_must_be_empty out &&
	test_grep "236 tasks written" err &&
	test "$(db_value "SELECT count(*) FROM task")" = 237
'

test_expect_success 'task-list --by=field counts them, focus areas marked' '
	cat >expect <<-\EOT &&
	field,focus,tasks,pool,selected,in_progress,completed,dropped,budget
	고객만족 제고,1,16,16,0,0,0,0,16000000
	행정의 투명성 제고,1,16,16,0,0,0,0,16000000
	업무프로세스 혁신,1,16,16,0,0,0,0,16000000
	성과중심조직 운영,1,16,16,0,0,0,0,16000000
	주민참여,0,16,16,0,0,0,0,16000000
	지식관리,0,16,16,0,0,0,0,16000000
	정책품질관리,0,16,16,0,0,0,0,16000000
	자원봉사 인프라 확충,0,16,16,0,0,0,0,16000000
	갈등관리,0,16,16,0,0,0,0,16000000
	민원행정 개선,0,16,16,0,0,0,0,16000000
	정보공개 활성화,0,16,16,0,0,0,0,16000000
	행정서비스 전달체계 개선,0,15,15,0,0,0,0,15000000
	정책홍보,0,15,15,0,0,0,0,15000000
	지역인재 양성,0,15,15,0,0,0,0,15000000
	공무원평생학습체계 구축,0,15,15,0,0,0,0,15000000
	EOT
	expect_code 0 task-list --dept=창의혁신단 --by=field --format=csv &&
	test_must_be_empty err &&
	awk -F, "NR > 1 { s += \$3 } END { print s }" out >sum &&
	echo 118 >expect.sum &&
	test_cmp expect.sum sum &&
	db_fresh && setup_staff &&
	expect_code 0 task-add tasks.csv &&
	expect_code 0 task-list --by=field --format=csv &&
	tr -d "\r" <out >actual &&
	test_cmp expect actual &&
	test_must_be_empty err
'

test_expect_success 'the focus areas alone: 64 tasks in 4 fields' '
	expect_code 0 task-list --focus --format=csv &&
	test "$(($(wc -l <out) - 1))" = 64 &&
	expect_code 0 task-list --no-focus --format=csv &&
	test "$(($(wc -l <out) - 1))" = 172 &&
	test_must_be_empty err
'

test_expect_success 'a bad row rejects the whole batch with file:line: column' '
	cat >bad.csv <<-\EOT &&
	title,field,dept,budget,start
	좋은 과제,주민참여,총무과,1000,2007-01-01
	나쁜 분야,없는분야,총무과,1000,2007-01-01
	나쁜 예산,지식관리,총무과,"1,000",2007-01-01
	나쁜 부서,지식관리,없는과,1000,2007-02-30
	EOT
	expect_code 1 task-add --reject=rej.csv bad.csv &&
	test_must_be_empty out &&
	test_grep "^task-add: bad.csv:3: field: 없는분야: not one of the 15 fields" err &&
	test_grep "^task-add: bad.csv:4: budget: 1,000: " err &&
	test_grep "^task-add: bad.csv:5: dept: 없는과: no such department" err &&
	test_grep "^task-add: bad.csv:5: start: 2007-02-30: " err &&
	test_grep "nothing was written" err &&
	test "$(db_value "SELECT count(*) FROM task")" = 236 &&
	test "$(wc -l <rej.csv)" = 4
'

test_expect_success 'a required column missing from the header' '
	printf "title,dept\nx,총무과\n" >nofield.csv &&
	expect_code 1 task-add nofield.csv &&
	test_must_be_empty out &&
	test_grep "nofield.csv:1: field: required column missing" err
'

test_expect_success 'a dry run checks and writes nothing' '
	expect_code 0 task-add -n --title x --field 주민참여 --dept 총무과 &&
	test_must_be_empty out &&
	echo "task-add: dry run: 1 row valid, nothing written" >expect &&
	test_cmp expect err &&
	test "$(db_value "SELECT count(*) FROM task")" = 236
'

test_expect_success 'options and a file operand together: usage, exit 2' '
	expect_code 2 task-add --title x tasks.csv &&
	test_must_be_empty out &&
	test_grep "^usage: task-add" err
'

test_expect_success 'a bad status word is refused' '
	expect_code 1 task-add --title x --field 주민참여 --dept 총무과 --status done &&
	test_must_be_empty out &&
	test_grep "^task-add: --status: done: expected one of pool, selected, in_progress, completed, dropped" err
'

test_expect_success 'inno-check finds the tasks audited' '
	expect_code 0 inno-check &&
	test_must_be_empty out &&
	test_must_be_empty err
'

test_done
