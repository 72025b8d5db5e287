#!/bin/sh
# task-member: the task forces in bulk, one membership a CSV row; a role
# changed in place, a refused row refusing the batch, and the memberships
# counted by task-list and the council report like task-update's.
. "$(dirname "$0")/lib.sh"

setup_staff

test_expect_success 'setup: two tasks' '
	printf "%s\n" title,field,dept "민원 원스톱,민원행정 개선,총무과" \
	    "자원봉사캠프,주민참여,총무과" >tasks.csv &&
	expect_code 0 task-add -q tasks.csv &&
	test_must_be_empty out && test_must_be_empty err
'

test_expect_success 'one membership from options prints its id' '
	expect_code 0 task-member --task=1 --employee-id=E01 --role=leader \
	    --joined=2007-02-01 &&
	echo 1 >expect && test_cmp expect out &&
	test_must_be_empty err
'

test_expect_success 'many from CSV, the role defaulting to member' '
	cat >members.csv <<-\EOT &&
	task,employee_id,role,joined
	1,E02,,2007-02-01
	1,E03,member,2007-02-01
	2,E04,leader,2007-02-01
	2,E05,,2007-02-01
	EOT
	expect_code 0 task-member -q members.csv &&
	test_must_be_empty out && test_must_be_empty err &&
	db_value "SELECT task_id, role, joined FROM task_member ORDER BY id" >actual &&
	cat >expect <<-\EOT &&
	1|leader|2007-02-01
	1|member|2007-02-01
	1|member|2007-02-01
	2|leader|2007-02-01
	2|member|2007-02-01
	EOT
	test_cmp expect actual &&
	test "$(db_value "SELECT count(*) FROM audit WHERE tbl = '\''task_member'\'' AND action = '\''insert'\''")" = 2
'

test_expect_success 'a bad row refuses the batch, naming each bad row' '
	db_dump >before &&
	cat >bad.csv <<-\EOT &&
	task,employee_id,role,joined
	1,E06,,2007-03-01
	9,E06,,2007-03-01
	1,E99,,2007-03-01
	1,E02,member,2007-03-01
	EOT
	expect_code 1 task-member bad.csv &&
	test_must_be_empty out &&
	cat >expect <<-\EOT &&
	task-member: bad.csv:3: task: 9: no such task
	task-member: bad.csv:4: employee_id: E99: no such employee
	task-member: bad.csv:5: employee_id: E02: already on the task force of task 1
	task-member: 3 of 4 rows rejected; nothing was written
	EOT
	test_cmp expect err &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success 'a member given another role keeps the membership' '
	expect_code 0 task-member --task=1 --employee-id=E02 --role=leader \
	    --joined=2007-04-01 &&
	test_must_be_empty err &&
	db_value "SELECT role, joined FROM task_member WHERE employee_id = (SELECT id FROM employee WHERE employee_id = '\''E02'\'')" >actual &&
	echo "leader|2007-02-01" >expect &&
	test_cmp expect actual
'

test_expect_success 'a membership without its employee is refused' '
	expect_code 1 task-member --task=1 &&
	test_must_be_empty out &&
	echo "task-member: --employee-id: required, but missing" >expect &&
	test_cmp expect err
'

test_expect_success 'task-list counts the members like task-update'"'"'s' '
	expect_code 0 task-list --members --format=csv &&
	test_must_be_empty err &&
	test "$(grep -c "^1," out)" = 3 &&
	test "$(grep -c "^2," out)" = 2
'

test_expect_success 'the report names the tasks marked named that have a task force' '
	expect_code 0 task-update --named=1 2 &&
	test_must_be_empty out && test_must_be_empty err &&
	expect_code 0 report-build --period=2007-H1 --as-of=2007-06-30 tasks &&
	test_grep "^   - 자원봉사캠프$" out &&
	test_grep_not "^   - 민원 원스톱$" out &&
	expect_code 0 task-update --named=0 2 &&
	expect_code 0 report-build --period=2007-H1 --as-of=2007-06-30 tasks &&
	test_grep_not "^   - 자원봉사캠프$" out &&
	expect_code 1 task-update --named=yes 2 &&
	echo "task-update: --named=yes: expected 0 or 1" >expect &&
	test_cmp expect err
'

test_done
