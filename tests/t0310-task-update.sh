#!/bin/sh
# task-update: attributes, the configured workflow, pool scores, task-force
# members and milestones; every change audited, a refused change writes
# nothing.
. "$(dirname "$0")/lib.sh"

setup_staff

test_expect_success 'setup: a task in the pool' '
	expect_code 0 task-add --title "민원 원스톱 처리" --field "민원행정 개선" \
		--dept 총무과 &&
	echo 1 >expect && test_cmp expect out
'

test_expect_success 'pool -> completed in one step is refused, nothing changes' '
	db_dump >before &&
	expect_code 1 task-update --status completed 1 &&
	test_must_be_empty out &&
	echo "task-update: --status: pool -> completed is not an allowed move; from pool the task may move to: selected, dropped" >expect &&
	test_cmp expect err &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success 'a refused move among other changes changes nothing' '
	expect_code 1 task-update --title "새 제목" --add-member E01:leader \
		--status in_progress 1 &&
	test_must_be_empty out &&
	test_grep "from pool the task may move to: selected, dropped" err &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success 'pool -> selected -> in_progress, each audited' '
	expect_code 0 task-update --status selected 1 &&
	test_must_be_empty out && test_must_be_empty err &&
	expect_code 0 task-update --status in_progress 1 &&
	test_must_be_empty out && test_must_be_empty err &&
	db_value "SELECT program, action, tbl, first_id, detail FROM audit WHERE action = '\''update'\'' ORDER BY id" >actual &&
	cat >expect <<-\EOT &&
	task-update|update|task|1|status pool -> selected
	task-update|update|task|1|status selected -> in_progress
	EOT
	test_cmp expect actual &&
	test "$(db_value "SELECT user FROM audit ORDER BY id DESC LIMIT 1")" = "$(id -un)"
'

test_expect_success 'completed is final in the default workflow' '
	expect_code 0 task-update --status completed 1 &&
	expect_code 1 task-update --status in_progress 1 &&
	test_must_be_empty out &&
	test_grep "from completed the task may move to: none" err
'

test_expect_success 'the workflow comes from inno.ini' '
	cat >flow.ini <<-\EOT &&
	[task_workflow]
	pool = selected, completed, dropped
	completed = in_progress
	EOT
	expect_code 0 task-add --title 두번째 --field 주민참여 --dept 총무과 &&
	echo 2 >expect && test_cmp expect out &&
	expect_code 0 task-update -c flow.ini --status completed 2 &&
	test_must_be_empty err &&
	expect_code 0 task-update -c flow.ini --status in_progress 1 &&
	test_must_be_empty err &&
	test "$(db_value "SELECT status FROM task ORDER BY id")" = "in_progress
completed"
'

test_expect_success 'a bad workflow in inno.ini is a configuration error' '
	printf "[task_workflow]\npool = finished\n" >bad.ini &&
	expect_code 2 task-update -c bad.ini --status selected 2 &&
	test_must_be_empty out &&
	test_grep "bad.ini: task_workflow:pool = \"finished\"" err
'

test_expect_success 'attributes change, with old and new in the audit' '
	expect_code 0 task-update --title "민원 원스톱 서비스" --budget 3000000 \
		--start 2007-03-01 --due 2007-12-31 --dept 창의혁신단 1 &&
	test_must_be_empty out && test_must_be_empty err &&
	test "$(db_value "SELECT detail FROM audit ORDER BY id DESC LIMIT 1")" = \
		"title 민원 원스톱 처리 -> 민원 원스톱 서비스; dept 총무과 -> 창의혁신단; start (none) -> 2007-03-01; due (none) -> 2007-12-31; budget (none) -> 3000000" &&
	expect_code 0 task-update --budget 3000000 1 &&
	test_grep "task 1: nothing to change" err
'

test_expect_success 'pool scores give the priority with the weights of inno.ini' '
	expect_code 0 task-add --title 세번째 --field 지식관리 --dept 총무과 &&
	expect_code 0 task-update --score impact=90 --score feasibility=70 \
		--score urgency=50 --score citizen=30 3 &&
	test_must_be_empty err &&
	test "$(db_value "SELECT priority FROM task WHERE id = 3")" = 70 &&
	printf "[task_priority]\nimpact = 1\nfeasibility = 3\n" >w.ini &&
	expect_code 0 task-update -c w.ini --score impact=90 3 &&
	test "$(db_value "SELECT priority FROM task WHERE id = 3")" = 75 &&
	expect_code 0 task-list --scores --format=csv &&
	tr -d "\r" <out >actual &&
	cat >expect <<-\EOT &&
	task,title,status,criterion,score,priority
	3,세번째,pool,citizen,30,75
	3,세번째,pool,feasibility,70,75
	3,세번째,pool,impact,90,75
	3,세번째,pool,urgency,50,75
	EOT
	test_cmp expect actual &&
	expect_code 1 task-update --score beauty=10 3 &&
	test_grep "beauty is not a criterion of \[task_priority\]" err &&
	expect_code 1 task-update --score impact=101 3 &&
	test_grep "score=impact=101: number out of range (0 to 100)" err
'

test_expect_success 'members join and leave; a member cannot join twice' '
	expect_code 0 task-update --on 2007-06-01 --add-member E01:leader \
		--add-member E02 --add-member E03 3 &&
	test_must_be_empty err &&
	expect_code 1 task-update --add-member E02 3 &&
	test_grep "add-member=E02: already on the task force" err &&
	expect_code 1 task-update --add-member E99 3 &&
	test_grep "add-member=E99: no such employee" err &&
	expect_code 0 task-update --on 2007-09-30 --remove-member E03 3 &&
	expect_code 1 task-update --remove-member E03 3 &&
	test_grep "remove-member=E03: not on the task force of task 3" err &&
	db_value "SELECT e.employee_id, m.role, m.joined, m.left FROM task_member m JOIN employee e ON e.id = m.employee_id ORDER BY m.id" >actual &&
	cat >expect <<-\EOT &&
	E01|leader|2007-06-01|
	E02|member|2007-06-01|
	E03|member|2007-06-01|2007-09-30
	EOT
	test_cmp expect actual
'

test_expect_success 'milestones are added, moved and reached' '
	expect_code 0 task-update --milestone 2007-07-31:중간보고 \
		--milestone 2007-12-15:완료보고 3 &&
	expect_code 0 task-update --move 2007-08-10:중간보고 3 &&
	expect_code 0 task-update --on 2007-08-09 --done 중간보고 3 &&
	expect_code 1 task-update --done 중간보고 3 &&
	test_grep "done=중간보고: already reached on 2007-08-09" err &&
	expect_code 1 task-update --milestone 2007-13-01:x 3 &&
	test_grep "milestone=2007-13-01:x: " err &&
	expect_code 1 task-update --move 2007-09-01:없는단계 3 &&
	test_grep "move=2007-09-01:없는단계: no such milestone" err &&
	db_value "SELECT title, due, done FROM task_milestone ORDER BY id" >actual &&
	cat >expect <<-\EOT &&
	중간보고|2007-08-10|2007-08-09
	완료보고|2007-12-15|
	EOT
	test_cmp expect actual &&
	test "$(db_value "SELECT detail FROM audit WHERE tbl = '\''task_milestone'\'' AND action = '\''update'\'' ORDER BY id LIMIT 1")" = \
		"task 3: milestone 중간보고 due 2007-07-31 -> 2007-08-10"
'

test_expect_success 'several bad changes: each reported, nothing written' '
	db_dump >before &&
	expect_code 1 task-update --field 없는분야 --budget -5 --add-member E99 3 &&
	test_must_be_empty out &&
	test_grep "^task-update: --field: 없는분야: not one of the 15 fields" err &&
	test_grep "^task-update: --budget: -5: " err &&
	test_grep "nothing was written" err &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success 'an unknown task exits 1' '
	expect_code 1 task-update --title x 99 &&
	test_must_be_empty out &&
	test_grep "^task-update: task 99: no such task$" err
'

test_expect_success 'a dry run writes nothing' '
	expect_code 0 task-update -n --title "바뀐 제목" 3 &&
	test_must_be_empty out &&
	test_grep "dry run: 1 change valid, nothing written" err &&
	test "$(db_value "SELECT title FROM task WHERE id = 3")" = 세번째
'

test_expect_success 'usage errors exit 2' '
	expect_code 2 task-update --title x &&
	test_must_be_empty out &&
	test_grep "^usage: task-update" err &&
	expect_code 2 task-update --title x 3x &&
	test_grep "^usage: task-update" err &&
	expect_code 2 task-update --title x 0 &&
	test_grep "^task-update: 0: .* (a task id)" err &&
	expect_code 2 task-update no-such.csv &&
	test_grep "^task-update: no-such.csv: " err &&
	expect_code 2 task-update --on 2007-02-30 --title x 3 &&
	test_grep "^task-update: --on=2007-02-30: " err
'

test_expect_success 'many tasks from CSV: an edited task-list loads back' '
	expect_code 0 task-add --title 넷째 --field 정책홍보 --dept 총무과 &&
	expect_code 0 task-list --status=pool --format=csv &&
	tr -d "\r" <out >pool.csv &&
	expect_code 0 task-update pool.csv &&
	test_must_be_empty out &&
	test_grep "^task-update: pool.csv: nothing to change" err &&
	awk -F, -v OFS=, "NR > 1 { \$7 = \"selected\"; \$8 = 60 } 1" pool.csv >sel.csv &&
	expect_code 0 task-update sel.csv &&
	test_grep "^task-update: 2 changes to 2 tasks" err &&
	test "$(db_value "SELECT id, status, priority FROM task WHERE id > 2 ORDER BY id")" = "3|selected|60
4|selected|60" &&
	test "$(db_value "SELECT detail FROM audit ORDER BY id DESC LIMIT 1")" = \
		"status pool -> selected; priority (none) -> 60"
'

test_expect_success 'a refused move in a CSV row: file:line: column, nothing written' '
	db_dump >before &&
	printf "id,status,budget\n3,in_progress,100\n4,completed,100\n9,dropped,\n" >moves.csv &&
	expect_code 1 task-update moves.csv &&
	test_must_be_empty out &&
	test_grep "^task-update: moves.csv:3: status: selected -> completed is not an allowed move; from selected the task may move to: in_progress, dropped" err &&
	test_grep "^task-update: moves.csv:4: task 9: no such task" err &&
	test_grep "nothing was written" err &&
	db_dump >after &&
	test_cmp before after &&
	printf "id,status\n3,in_progress\n" | expect_code 0 task-update -q - &&
	test_must_be_empty err &&
	test "$(db_value "SELECT status FROM task WHERE id = 3")" = in_progress
'

test_expect_success 'a CSV file with change options is a usage error' '
	expect_code 2 task-update --add-member E01 moves.csv &&
	test_must_be_empty out &&
	test_grep "^usage: task-update" err
'

test_expect_success 'inno-check is clean after all the changes' '
	expect_code 0 inno-check &&
	test_must_be_empty out &&
	test_must_be_empty err
'

test_done
