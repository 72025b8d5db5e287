#!/bin/sh
# inno-check's task rules: a completed task with open milestones, a task
# force member who left before joining, one who left the office, and a
# task inserted behind the programs' backs.
. "$(dirname "$0")/lib.sh"

setup_staff

test_expect_success 'setup: a clean task with a force and milestones' '
	expect_code 0 task-add --title 과제 --field 주민참여 --dept 총무과 &&
	expect_code 0 task-update --on 2007-06-01 --add-member E01:leader \
		--add-member E02 --milestone 2007-07-01:중간 \
		--milestone 2007-12-01:완료 --status selected 1 &&
	expect_code 0 inno-check &&
	test_must_be_empty out &&
	test_must_be_empty err
'

test_expect_success 'a completed task with an open milestone is reported' '
	expect_code 0 task-update --status in_progress 1 &&
	expect_code 0 task-update --on 2007-07-01 --done 중간 --status completed 1 &&
	expect_code 1 inno-check &&
	test_grep "task 1: completed, but milestone 완료 (due 2007-12-01) is not done" out
'

test_expect_success 'a member who left before joining is reported' '
	db_exec "UPDATE task_member SET \"left\" = '\''2007-05-01'\'' WHERE id = 2" &&
	expect_code 1 inno-check &&
	test_grep "task 1: member E02 left the task force on 2007-05-01, before joining on 2007-06-01" out
'

test_expect_success 'a member who left the office but stays on an open task' '
	expect_code 0 task-add --title 둘째 --field 지식관리 --dept 총무과 &&
	expect_code 0 task-update --on 2007-06-01 --add-member E03 --status selected 2 &&
	printf "employee_id,name,grade,dept,team,left\nE03,박지훈,7,창의혁신단,창의혁신지원팀,2007-08-31\n" >left.csv &&
	staff-import -q left.csv &&
	expect_code 1 inno-check &&
	test_grep "task 2: member E03 left the office on 2007-08-31 but is still on the task force" out
'

test_expect_success 'a task inserted outside the programs has no audit entry' '
	db_exec "INSERT INTO task (title, field, dept_id) VALUES ('\''몰래'\'', '\''주민참여'\'', 1)" &&
	expect_code 1 inno-check &&
	test_grep "task: row 3 has no audit entry" out
'

test_expect_success 'a status changed behind the programs'\'' back is reported' '
	db_exec "DELETE FROM task WHERE id = 3" &&
	expect_code 0 task-add --title 셋째 --field 주민참여 --dept 총무과 &&
	expect_code 0 task-add --title 넷째 --field 주민참여 --dept 총무과 \
		--status in_progress &&
	expect_code 0 task-update --status selected 3 &&
	expect_code 0 task-add --title 다섯째 --field 주민참여 --dept 총무과 &&
	expect_code 1 inno-check &&
	test_grep_not "task [345]: " out &&
	test_grep_not "has no audit entry" out &&
	db_exec "UPDATE task SET status = '\''completed'\'' WHERE id = 3" &&
	db_exec "UPDATE task SET status = '\''pool'\'' WHERE id = 4" &&
	expect_code 1 inno-check &&
	grep "^task [34]: " out >actual &&
	cat >expect <<-\EOT &&
	task 3: status completed, but its history in the audit trail ends at selected (changed outside the inno programs)
	task 4: status pool, but its history in the audit trail ends at in_progress (changed outside the inno programs)
	EOT
	test_cmp expect actual
'

test_expect_success 'a later move from the changed status is reported too' '
	expect_code 0 task-update --status selected 4 &&
	expect_code 1 inno-check &&
	grep "^task 4: " out >actual &&
	echo "task 4: the audit trail moves its status from pool, but it was in_progress (changed outside the inno programs)" >expect &&
	test_cmp expect actual &&
	db_exec "UPDATE task SET status = '\''selected'\'' WHERE id = 3" &&
	expect_code 1 inno-check &&
	test_grep_not "^task 3: " out
'

test_expect_success 'a title holding status words does not steer the check' '
	expect_code 0 task-add --title "x; status pool -> completed" \
		--field 주민참여 --dept 총무과 &&
	expect_code 0 task-update --title "y; status pool -> dropped" 6 &&
	expect_code 0 task-update --title "z; status pool -> dropped" \
		--status selected 6 &&
	expect_code 1 inno-check &&
	test_grep_not "^task 6: " out &&
	test "$(db_value "SELECT status FROM task WHERE id = 6")" = selected
'

test_done
