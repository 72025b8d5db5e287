#!/bin/sh
# A task force of 12 with a leader and milestones in July and December:
# shown by task-list and in the roadmap; --overdue after a missed
# milestone lists exactly that task.
. "$(dirname "$0")/lib.sh"

test_expect_success 'setup: 14 employees, three tasks' '
	{
		echo employee_id,name,grade,dept,team &&
		i=1 && while [ $i -le 14 ]; do
			echo "T$i,직원$i,$((5 + i % 5)),창의혁신단,창의혁신기획팀"
			i=$((i + 1))
		done
	} >staff.csv &&
	staff-import -q staff.csv &&
	expect_code 0 task-add --title "민원 원스톱 처리" --field "민원행정 개선" \
		--dept 창의혁신단 --start 2007-03-01 --due 2007-12-31 &&
	expect_code 0 task-add --title "지식마일리지 도입" --field 지식관리 \
		--dept 창의혁신단 --start 2007-05-01 --due 2007-10-31 &&
	expect_code 0 task-add --title "주민참여 예산" --field 주민참여 \
		--dept 창의혁신단 --start 2007-02-01 --due 2007-09-30 &&
	echo 3 >expect && test_cmp expect out
'

test_expect_success 'a task force of 12 with a leader, milestones in July and December' '
	set -- --on 2007-06-01 --add-member T1:leader &&
	i=2 && while [ $i -le 12 ]; do
		set -- "$@" --add-member T$i
		i=$((i + 1))
	done &&
	expect_code 0 task-update --status selected "$@" \
		--milestone 2007-07-20:중간보고회 --milestone 2007-12-14:완료보고회 1 &&
	test_must_be_empty out &&
	test_must_be_empty err &&
	test "$(db_value "SELECT count(*) FROM task_member WHERE task_id = 1")" = 12 &&
	test "$(db_value "SELECT count(*) FROM audit WHERE tbl = '\''task_member'\''")" = 12
'

test_expect_success 'other tasks: a July milestone reached, one in August' '
	expect_code 0 task-update --milestone 2007-07-10:시범운영 \
		--add-member T13:leader --add-member T14 --on 2007-07-09 \
		--done 시범운영 2 &&
	expect_code 0 task-update --milestone 2007-08-20:설명회 3 &&
	test_must_be_empty err
'

test_expect_success 'task-list shows the task force and the milestones' '
	expect_code 0 task-list --member=T5 --format=csv &&
	tr -d "\r" <out >actual &&
	cat >expect <<-\EOT &&
	id,title,field,focus,origin,dept,status,priority,budget,start,due,members,leader,milestones,percent
	1,민원 원스톱 처리,민원행정 개선,0,own,창의혁신단,selected,,,2007-03-01,2007-12-31,12,직원1,2007-07-20 중간보고회; 2007-12-14 완료보고회,
	EOT
	test_cmp expect actual &&
	expect_code 0 task-list --format=table &&
	test_grep "^ 2  지식마일리지 도입 .* 2  직원13  2007-07-10 시범운영 (done) *$" out &&
	test_must_be_empty err
'

test_expect_success 'task-list --members lists the force, leader first' '
	expect_code 0 task-list --members --dept=창의혁신단 --format=csv &&
	tr -d "\r" <out >actual &&
	test "$(grep -c "^1," actual)" = 12 &&
	sed -n 2p actual >first &&
	echo "1,민원 원스톱 처리,T1,직원1,창의혁신단,leader,2007-06-01," >expect &&
	test_cmp expect first
'

test_expect_success 'the roadmap: tasks by month with their milestones' '
	expect_code 0 task-list --roadmap --period=2007 --format=csv &&
	tr -d "\r" <out >actual &&
	cat >expect <<-\EOT &&
	id,title,field,status,2007-01,2007-02,2007-03,2007-04,2007-05,2007-06,2007-07,2007-08,2007-09,2007-10,2007-11,2007-12
	1,민원 원스톱 처리,민원행정 개선,selected,,,~,~,~,~,중간보고회,~,~,~,~,완료보고회
	2,지식마일리지 도입,지식관리,pool,,,,,~,~,시범운영*,~,~,~,,
	3,주민참여 예산,주민참여,pool,,~,~,~,~,~,~,설명회,~,,,
	EOT
	test_cmp expect actual &&
	expect_code 0 task-list --roadmap --period=2007-H2 --format=table &&
	test_grep "^id  title  *field  *status  *2007-07  *2007-08  *2007-09  *2007-10  *2007-11  *2007-12 *$" out &&
	test_grep "중간보고회.*완료보고회" out &&
	test_must_be_empty err
'

test_expect_success 'the roadmap defaults to this year and honours filters' '
	INNO_NOW=2007-03-15 expect_code 0 task-list --roadmap --member=T1 --format=csv &&
	test "$(tr -d "\r" <out | wc -l)" = 2 &&
	test_grep "2007-12" out &&
	expect_code 2 task-list --roadmap --period=2001..2009 &&
	test_grep "at most 60 months" err
'

test_expect_success '--overdue after the missed July milestone lists exactly that task' '
	INNO_NOW=2007-07-25 expect_code 0 task-list --overdue --format=csv &&
	test_must_be_empty err &&
	test "$(tr -d "\r" <out | sed 1d | cut -d, -f1,2)" = "1,민원 원스톱 처리" &&
	INNO_NOW=2007-07-20 expect_code 0 task-list --overdue --format=csv &&
	test "$(tr -d "\r" <out | wc -l)" = 1 &&
	INNO_NOW=2007-08-21 expect_code 0 task-list --overdue --format=csv &&
	test "$(tr -d "\r" <out | sed 1d | cut -d, -f1 | tr "\n" " ")" = "1 3 "
'

test_expect_success 'a milestone reached is no longer overdue' '
	expect_code 0 task-update --on 2007-07-26 --done 중간보고회 1 &&
	INNO_NOW=2007-07-27 expect_code 0 task-list --overdue --format=csv &&
	test "$(tr -d "\r" <out | wc -l)" = 1 &&
	INNO_NOW=2007-07-27 expect_code 0 task-list --milestones --format=csv &&
	tr -d "\r" <out >actual &&
	cat >expect <<-\EOT &&
	task,title,milestone,due,done,state
	1,민원 원스톱 처리,중간보고회,2007-07-20,2007-07-26,done
	1,민원 원스톱 처리,완료보고회,2007-12-14,,open
	2,지식마일리지 도입,시범운영,2007-07-10,2007-07-09,done
	3,주민참여 예산,설명회,2007-08-20,,open
	EOT
	test_cmp expect actual
'

test_expect_success '--due-within counts open milestones too' '
	INNO_NOW=2007-08-01 expect_code 0 task-list --due-within=20 --format=csv &&
	test "$(tr -d "\r" <out | sed 1d | cut -d, -f1)" = 3
'

test_done
