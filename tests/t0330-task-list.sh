#!/bin/sh
# task-list: filters, sorting, every output format, counts by status and
# department, and the CSV loading back into task-add.
. "$(dirname "$0")/lib.sh"

setup_staff

test_expect_success 'setup: five tasks' '
	cat >tasks.csv <<-\EOT &&
	title,field,origin,dept,status,priority,budget,start,due
	민원 원스톱,민원행정 개선,assigned,총무과,selected,80,5000000,2007-03-01,2007-12-31
	"고객만족, 친절교육",고객만족 제고,own,창의혁신단,pool,,,,
	=위험한 제목,지식관리,common,사회복지과,in_progress,95,0,2007-01-15,2007-06-30
	성과관리 개선,성과중심조직 운영,own,창의혁신단,completed,50,1200000,2007-02-01,2007-05-31
	축제 갈등조정,갈등관리,own,총무과,dropped,10,,2007-04-01,
	EOT
	expect_code 0 task-add tasks.csv &&
	test_grep "5 tasks written" err
'

test_expect_success 'csv lists every task with a header' '
	expect_code 0 task-list --format=csv &&
	test_must_be_empty err &&
	tr -d "\r" <out >actual &&
	cat >expect <<-\EOT &&
	id,title,field,focus,origin,dept,status,priority,budget,start,due,members,leader,milestones,percent
	1,민원 원스톱,민원행정 개선,0,assigned,총무과,selected,80,5000000,2007-03-01,2007-12-31,0,,,
	2,"고객만족, 친절교육",고객만족 제고,1,own,창의혁신단,pool,,,,,0,,,
	3,'"'"'=위험한 제목,지식관리,0,common,사회복지과,in_progress,95,0,2007-01-15,2007-06-30,0,,,
	4,성과관리 개선,성과중심조직 운영,1,own,창의혁신단,completed,50,1200000,2007-02-01,2007-05-31,0,,,
	5,축제 갈등조정,갈등관리,0,own,총무과,dropped,10,,2007-04-01,,0,,,
	EOT
	test_cmp expect actual
'

test_expect_success 'filters: status, field, dept, focus' '
	expect_code 0 task-list --status=pool --format=csv &&
	test "$(tr -d "\r" <out | sed 1d | cut -d, -f1)" = 2 &&
	expect_code 0 task-list --field=지식관리 --format=csv &&
	test "$(tr -d "\r" <out | sed 1d | cut -d, -f1)" = 3 &&
	expect_code 0 task-list --dept=총무과 --format=csv &&
	test "$(tr -d "\r" <out | sed 1d | cut -d, -f1 | tr "\n" " ")" = "1 5 " &&
	expect_code 0 task-list --focus --format=csv &&
	test "$(tr -d "\r" <out | sed 1d | cut -d, -f1 | tr "\n" " ")" = "2 4 " &&
	test_must_be_empty err
'

test_expect_success 'filters: period and due within N days' '
	expect_code 0 task-list --period=2007-H2 --format=csv &&
	test "$(tr -d "\r" <out | sed 1d | cut -d, -f1 | tr "\n" " ")" = "1 5 " &&
	INNO_NOW=2007-06-01 expect_code 0 task-list --due-within=30 --format=csv &&
	test "$(tr -d "\r" <out | sed 1d | cut -d, -f1 | tr "\n" " ")" = "3 " &&
	INNO_NOW=2007-06-01 expect_code 0 task-list --due-within=28 --format=csv &&
	test "$(tr -d "\r" <out | sed 1d | wc -l)" = 0 &&
	test_must_be_empty err
'

test_expect_success 'sort by priority, due date and field' '
	expect_code 0 task-list --sort=priority --format=csv &&
	test "$(tr -d "\r" <out | sed 1d | cut -d, -f1 | tr "\n" " ")" = "3 1 4 5 2 " &&
	expect_code 0 task-list --sort=due --format=csv &&
	test "$(tr -d "\r" <out | sed 1d | cut -d, -f1 | tr "\n" " ")" = "4 3 1 2 5 " &&
	expect_code 0 task-list --sort=field --format=csv &&
	test "$(tr -d "\r" <out | sed 1d | cut -d, -f1 | tr "\n" " ")" = "2 4 3 5 1 "
'

test_expect_success 'tsv, json and table' '
	expect_code 0 task-list --status=completed --format=tsv &&
	printf "id\ttitle\tfield\tfocus\torigin\tdept\tstatus\tpriority\tbudget\tstart\tdue\tmembers\tleader\tmilestones\tpercent\n4\t성과관리 개선\t성과중심조직 운영\t1\town\t창의혁신단\tcompleted\t50\t1200000\t2007-02-01\t2007-05-31\t0\t\t\t\n" >expect &&
	tr -d "\r" <out >actual &&
	test_cmp expect actual &&
	expect_code 0 task-list --status=completed --format=json &&
	test_grep "\"title\": *\"성과관리 개선\"" out &&
	test_grep "\"budget\": *1200000" out &&
	expect_code 0 task-list --status=completed --format=table &&
	test_grep "^id  title  *field" out &&
	test_grep "성과관리 개선" out &&
	test_must_be_empty err
'

test_expect_success 'counts by status and by department' '
	expect_code 0 task-list --by=status --format=csv &&
	tr -d "\r" <out >actual &&
	cat >expect <<-\EOT &&
	status,tasks,focus,budget
	pool,1,1,0
	selected,1,0,5000000
	in_progress,1,0,0
	completed,1,1,1200000
	dropped,1,0,0
	EOT
	test_cmp expect actual &&
	expect_code 0 task-list --by=dept --format=csv &&
	tr -d "\r" <out >actual &&
	cat >expect <<-\EOT &&
	dept,tasks,focus,pool,selected,in_progress,completed,dropped,budget
	사회복지과,1,0,0,0,1,0,0,0
	창의혁신단,2,2,1,0,0,1,0,1200000
	총무과,2,0,0,1,0,0,1,5000000
	EOT
	test_cmp expect actual
'

test_expect_success 'task-list --format=csv | task-add into a fresh database' '
	expect_code 0 task-list --format=csv &&
	mv out list.csv &&
	main=$INNO_DB &&
	INNO_DB=$(db_name fresh.db) && export INNO_DB &&
	setup_staff &&
	expect_code 0 task-add list.csv &&
	test_grep "5 tasks written" err &&
	expect_code 0 task-list --format=csv &&
	test_cmp list.csv out &&
	test "$(db_value "SELECT title FROM task WHERE id = 3")" = "=위험한 제목" &&
	db_value -d "$main" "SELECT title, field, origin, dept_id, status, priority, budget, start, due FROM task ORDER BY id" >a &&
	db_value "SELECT title, field, origin, dept_id, status, priority, budget, start, due FROM task ORDER BY id" >b &&
	test_cmp a b &&
	INNO_DB=$(db_name fresh2.db) && export INNO_DB && setup_staff &&
	task-list -d "$main" --format=csv | task-add -q &&
	test "$(db_value "SELECT count(*) FROM task")" = 5
'

test_expect_success 'the same CSV into task-update changes nothing' '
	expect_code 0 task-list -d "$INNO_DB" --format=csv &&
	mv out same.csv &&
	expect_code 0 task-update -d "$INNO_DB" same.csv &&
	test_must_be_empty out &&
	test_grep "^task-update: same.csv: nothing to change" err &&
	test "$(db_value "SELECT title FROM task WHERE id = 3")" = "=위험한 제목"
'

test_expect_success 'usage errors exit 2' '
	expect_code 2 task-list --by=month &&
	test_must_be_empty out &&
	test_grep "^task-list: --by=month: expected field, status or dept" err &&
	expect_code 2 task-list --sort=title &&
	test_grep "^task-list: --sort=title: expected id, priority, due or field" err &&
	expect_code 2 task-list --status=open &&
	test_grep "^task-list: --status=open: expected pool" err &&
	expect_code 2 task-list --field=없는분야 &&
	test_grep "^task-list: --field=없는분야: not one of the 15 fields" err &&
	expect_code 2 task-list --period=2007-H3 &&
	test_grep "^task-list: --period=2007-H3: " err &&
	expect_code 2 task-list --due-within=-1 &&
	test_grep "^task-list: --due-within=-1: " err &&
	expect_code 2 task-list --by=field --roadmap &&
	test_grep "^usage: task-list" err
'

test_expect_success 'task-list on a missing database: exit 2, no file' '
	expect_code 2 task-list -d missing.db &&
	test_grep "missing.db: no such database" err &&
	test_must_be_empty out &&
	! test -e missing.db
'

test_expect_success 'fields and focus areas come from inno.ini; old fields last' '
	cat >f.ini <<-\EOT &&
	[task]
	fields = 민원행정 개선, 지식관리, 주민참여, 고객만족 제고, 성과중심조직 운영
	focus = 지식관리
	EOT
	expect_code 0 task-list -c f.ini --by=field --format=csv &&
	tr -d "\r" <out >actual &&
	cat >expect <<-\EOT &&
	field,focus,tasks,pool,selected,in_progress,completed,dropped,budget
	민원행정 개선,0,1,0,1,0,0,0,5000000
	지식관리,1,1,0,0,1,0,0,0
	주민참여,0,0,0,0,0,0,0,0
	고객만족 제고,0,1,1,0,0,0,0,0
	성과중심조직 운영,0,1,0,0,0,1,0,1200000
	갈등관리,0,1,0,0,0,0,1,0
	EOT
	test_cmp expect actual &&
	printf "[task]\nfields = a, b\nfocus = c\n" >bad.ini &&
	expect_code 2 task-list -c bad.ini &&
	test_grep "bad.ini: task:focus: \"c\" is not one of task:fields" err
'

test_expect_success 'task forces by field on the last day of the period' '
	expect_code 0 task-update -q --on=2007-03-01 --add-member=E01:leader \
		--add-member=E02 1 &&
	expect_code 0 task-update -q --on=2007-05-31 --remove-member=E02 1 &&
	expect_code 0 task-update -q --on=2007-02-01 --add-member=E03 3 &&
	expect_code 0 task-update -q --on=2007-02-01 --add-member=E04 2 &&
	cat >f.ini <<-\EOT &&
	[task]
	fields = 민원행정 개선, 지식관리, 주민참여, 고객만족 제고
	focus = 지식관리
	EOT
	expect_code 0 task-list -c f.ini --period=2007-H1 --by=force \
		--format=csv &&
	test_must_be_empty err &&
	tr -d "\r" <out >actual &&
	cat >expect <<-\EOT &&
	field,focus,forces,members
	민원행정 개선,0,1,1
	지식관리,1,1,1
	주민참여,0,0,0
	고객만족 제고,0,0,0
	갈등관리,0,0,0
	성과중심조직 운영,0,0,0
	EOT
	test_cmp expect actual &&
	expect_code 0 task-list -c f.ini --period=2007-01..2007-05-30 \
		--by=force --format=csv &&
	tr -d "\r" <out | sed -n 2p >actual &&
	echo "민원행정 개선,0,1,2" >expect &&
	test_cmp expect actual &&
	expect_code 0 task-list -c f.ini --period=2007-01..2007-02-28 \
		--by=force --format=csv &&
	tr -d "\r" <out | sed 1d | cut -d, -f3,4 | tr "\n" " " >actual &&
	printf "0,0 1,1 0,0 0,0 0,0 " >expect &&
	test_cmp expect actual
'

test_done
