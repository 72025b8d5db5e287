#!/bin/sh
# task-log: progress entries from options and CSV, and the history of a
# task with who changed its status and when.
. "$(dirname "$0")/lib.sh"

setup_staff

test_expect_success 'setup: two tasks' '
	expect_code 0 task-add --title 과제가 --field 주민참여 --dept 총무과 &&
	expect_code 0 task-add --title 과제나 --field 지식관리 --dept 총무과 &&
	echo 2 >expect && test_cmp expect out
'

test_expect_success 'an entry from options prints its id' '
	INNO_NOW=2007-06-05 expect_code 0 task-log --task 1 --note 착수보고 \
		--percent 10 --meeting "6월 구청장 주간보고회" &&
	echo 1 >expect && test_cmp expect out &&
	test_must_be_empty err &&
	test "$(db_value "SELECT task_id, date, note, percent, meeting FROM task_log")" = \
		"1|2007-06-05|착수보고|10|6월 구청장 주간보고회"
'

test_expect_success 'entries from CSV, all or nothing' '
	cat >log.csv <<-\EOT &&
	task,date,note,percent,meeting
	1,2007-07-02,중간점검,40,7월 부구청장 월례보고회
	2,2007-07-03,자료수집,20,
	1,2007-08-01,시범운영,60,
	EOT
	expect_code 0 task-log log.csv &&
	test_must_be_empty out &&
	test_grep "3 entries written" err &&
	test "$(db_value "SELECT count(*) FROM task_log")" = 4
'

test_expect_success 'a bad row rejects the batch: file:line: column: reason' '
	cat >bad.csv <<-\EOT &&
	task,date,note,percent
	1,2007-09-01,좋음,70
	9,2007-09-01,없는과제,70
	2,2007-09-31,날짜,10
	2,2007-09-02,퍼센트,120
	EOT
	expect_code 1 task-log bad.csv &&
	test_must_be_empty out &&
	test_grep "^task-log: bad.csv:3: task: 9: no such task" err &&
	test_grep "^task-log: bad.csv:4: date: 2007-09-31: " err &&
	test_grep "^task-log: bad.csv:5: percent: 120: out of range (0 to 100)" err &&
	test "$(db_value "SELECT count(*) FROM task_log")" = 4
'

test_expect_success 'a note is required' '
	expect_code 1 task-log --task 1 --percent 5 &&
	test_must_be_empty out &&
	test_grep "^task-log: --note: required, but missing" err
'

test_expect_success 'the history shows progress and who changed the status' '
	expect_code 0 task-update --status selected 1 &&
	expect_code 0 task-update --status in_progress 1 &&
	expect_code 0 task-log --history --format=csv 1 &&
	test_must_be_empty err &&
	tr -d "\r" <out | cut -d, -f2- >actual &&
	me=$(id -un) &&
	cat >expect <<-EOT &&
	user,program,action,what,date,detail,percent,meeting
	$me,task-add,insert,task,,1 row from options,,
	$me,task-log,insert,task_log,2007-06-05,착수보고,10,6월 구청장 주간보고회
	$me,task-log,insert,task_log,2007-07-02,중간점검,40,7월 부구청장 월례보고회
	$me,task-log,insert,task_log,2007-08-01,시범운영,60,
	$me,task-update,update,task,,status pool -> selected,,
	$me,task-update,update,task,,status selected -> in_progress,,
	EOT
	test_cmp expect actual &&
	tr -d "\r" <out | sed -n 2p | cut -d, -f1 | grep -E "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z$"
'

test_expect_success 'the history in every format' '
	expect_code 0 task-log --history --format=json 2 &&
	test_grep "\"detail\": *\"자료수집\"" out &&
	expect_code 0 task-log --history --format=tsv 2 &&
	test_grep "	자료수집	20	" out &&
	expect_code 0 task-log --history --format=table 2 &&
	test_grep "^at  *user" out &&
	test_must_be_empty err
'

test_expect_success 'task-list shows the latest percent complete' '
	expect_code 0 task-list --format=csv &&
	tr -d "\r" <out | cut -d, -f1,15 >actual &&
	printf "id,percent\n1,60\n2,20\n" >expect &&
	test_cmp expect actual &&
	task-log -q --task 2 --date 2007-07-01 --note 늦게입력한과거 --percent 5 >/dev/null &&
	expect_code 0 task-list --format=csv -o list.csv &&
	test_must_be_empty out &&
	tr -d "\r" <list.csv | cut -d, -f1,15 >actual &&
	test_cmp expect actual
'

test_expect_success 'the history of an unknown task exits 1' '
	expect_code 1 task-log --history 7 &&
	test_must_be_empty out &&
	test_grep "^task-log: 7: no such task" err
'

test_expect_success 'usage errors exit 2' '
	expect_code 2 task-log --history &&
	test_grep "^usage: task-log" err &&
	expect_code 2 task-log --history --note x 1 &&
	test_grep "^usage: task-log" err &&
	expect_code 2 task-log --task 1 --note x log.csv &&
	test_must_be_empty out &&
	test_grep "^usage: task-log" err
'

test_expect_success 'task-log on a missing database: exit 2, no file' '
	expect_code 2 task-log -d missing.db --history 1 &&
	test_grep "missing.db: no such database" err &&
	! test -e missing.db
'

test_done
