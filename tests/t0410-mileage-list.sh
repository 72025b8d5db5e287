#!/bin/sh
# mileage-list: the ledger with filters, its sums, every format.
. "$(dirname "$0")/lib.sh"

cat >mileage.ini <<\EOT
[mileage.idea.adopted]
points = 20
[mileage.contest.prize]
points = 30
min = 10
max = 50
[mileage.cs.praise]
points = 10
kind = cs
EOT
INNO_CONFIG=$TRASH/mileage.ini
export INNO_CONFIG

test_expect_success 'setup' '
	setup_staff &&
	cat >in.csv <<-\EOT &&
	employee_id,dept,date,category,points,reason,ref
	E01,,2007-04-30,idea.adopted,,"=1+1 수식",
	E01,,2007-05-02,contest.prize,50,금상,C-1
	E05,,2007-05-03,cs.praise,,,
	,사회복지과,2007-05-04,cs.praise,,부서 칭찬,
	E07,,2007-06-01,idea.adopted,,,
	EOT
	mileage-award -q in.csv &&
	mileage-award -q --reverse=2 --date=2007-06-02 --reason=정정
'

test_expect_success 'the whole ledger, oldest first' '
	expect_code 0 mileage-list --format=csv &&
	test_must_be_empty err &&
	tr -d "\r" <out >got &&
	cat >expect <<-\EOT &&
	id,date,employee_id,name,dept,category,kind,points,reason,ref,ref_table,ref_id,reverses
	1,2007-04-30,E01,김민수,창의혁신단,idea.adopted,innovation,20,'"'"'=1+1 수식,,,,
	2,2007-05-02,E01,김민수,창의혁신단,contest.prize,innovation,50,금상,C-1,,,
	3,2007-05-03,E05,정하늘,총무과,cs.praise,cs,10,,,,,
	4,2007-05-04,,,사회복지과,cs.praise,cs,10,부서 칭찬,,,,
	5,2007-06-01,E07,윤서아,사회복지과,idea.adopted,innovation,20,,,,,
	6,2007-06-02,E01,김민수,창의혁신단,contest.prize,innovation,-50,정정,C-1,,,2
	EOT
	test_cmp expect got
'

test_expect_success 'filters: person, department, category, kind, period' '
	mileage-list --employee-id=E01 --format=csv | tr -d "\r" | cut -d, -f1 | tr "\n" " " >got && echo >>got &&
	echo "id 1 2 6 " >expect && test_cmp expect got &&
	mileage-list --dept=사회복지과 --format=csv | tr -d "\r" | cut -d, -f1 | tr "\n" " " >got && echo >>got &&
	echo "id 4 5 " >expect && test_cmp expect got &&
	mileage-list --category=cs.praise --format=csv | tr -d "\r" | cut -d, -f1 | tr "\n" " " >got && echo >>got &&
	echo "id 3 4 " >expect && test_cmp expect got &&
	mileage-list --kind=innovation --period=2007-05..2007-06 --format=csv | tr -d "\r" | cut -d, -f1 | tr "\n" " " >got && echo >>got &&
	echo "id 2 5 6 " >expect && test_cmp expect got &&
	mileage-list --period=2007-Q2 --employee-id=E01 --format=csv | tr -d "\r" | cut -d, -f1 | tr "\n" " " >got && echo >>got &&
	echo "id 1 2 6 " >expect && test_cmp expect got
'

test_expect_success 'sums by employee, dept, month, category, kind' '
	mileage-list --by=employee --format=csv | tr -d "\r" >got &&
	cat >expect <<-\EOT &&
	employee_id,name,dept,entries,innovation,cs,points
	E01,김민수,창의혁신단,3,20,0,20
	E05,정하늘,총무과,1,0,10,10
	E07,윤서아,사회복지과,1,20,0,20
	EOT
	test_cmp expect got &&
	mileage-list --by=dept --format=csv | tr -d "\r" >got &&
	cat >expect <<-\EOT &&
	dept,entries,innovation,cs,points
	사회복지과,2,20,10,30
	창의혁신단,3,20,0,20
	총무과,1,0,10,10
	EOT
	test_cmp expect got &&
	mileage-list --by=month --kind=cs --format=csv | tr -d "\r" >got &&
	printf "month,entries,innovation,cs,points\n2007-05,2,0,20,20\n" >expect &&
	test_cmp expect got &&
	mileage-list --by=category --format=csv | tr -d "\r" >got &&
	cat >expect <<-\EOT &&
	category,kind,entries,points
	contest.prize,innovation,2,0
	cs.praise,cs,2,20
	idea.adopted,innovation,2,40
	EOT
	test_cmp expect got &&
	mileage-list --by=kind --period=2007 --format=csv | tr -d "\r" >got &&
	printf "kind,entries,points\ncs,2,20\ninnovation,4,40\n" >expect &&
	test_cmp expect got
'

test_expect_success 'formats: table, tsv, json' '
	expect_code 0 mileage-list --by=kind --format=table &&
	cat >expect <<-\EOT &&
	kind        entries  points
	cs                2      20
	innovation        4      40
	EOT
	test_cmp expect out &&
	expect_code 0 mileage-list --by=kind --format=tsv &&
	printf "kind\tentries\tpoints\ncs\t2\t20\ninnovation\t4\t40\n" >expect &&
	test_cmp expect out &&
	expect_code 0 mileage-list --by=kind --format=json &&
	printf "%s\n" "[" "{\"kind\":\"cs\",\"entries\":2,\"points\":20}," \
	    "{\"kind\":\"innovation\",\"entries\":4,\"points\":40}" "]" >expect &&
	test_cmp expect out
'

test_expect_success 'the listing loads back into mileage-award' '
	mileage-list --employee-id=E05 --format=csv >back.csv &&
	db_fresh && setup_staff &&
	expect_code 0 mileage-award -q back.csv &&
	test "$(db_value "SELECT date, category, points FROM mileage")" = "2007-05-03|cs.praise|10"
'

test_expect_success 'unknown names and bad options' '
	expect_code 1 mileage-list --employee-id=E99 &&
	echo "mileage-list: --employee-id=E99: no such employee" >expect &&
	test_cmp expect err &&
	expect_code 1 mileage-list --dept=없는과 &&
	echo "mileage-list: --dept=없는과: no such department" >expect &&
	test_cmp expect err &&
	expect_code 2 mileage-list --by=week &&
	echo "mileage-list: --by=week: expected employee, dept, month, category or kind" >expect &&
	test_cmp expect err &&
	expect_code 2 mileage-list --kind=other &&
	expect_code 2 mileage-list --period=2007-13 &&
	expect_code 2 mileage-list extra &&
	test_grep "^usage: mileage-list" err &&
	expect_code 2 mileage-list -d missing.db &&
	! test -e missing.db
'

test_done
