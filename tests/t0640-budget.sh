#!/bin/sh
# budget-set, budget-spend, budget-list: the 2007 programme lines (사업개요:
# budget, period, content), spending against them, and the rules.
. "$(dirname "$0")/lib.sh"

strip() { tr -d "\r" <"$1" >actual; }

test_expect_success 'setup: the 2007 programme budget lines' '
	setup_staff &&
	cat >budget.csv <<-\EOT &&
	year,programme,amount,first,last,content,dept
	2007,지방행정 혁신과제 추진,5400000,2007-01-01,2007-12-31,혁신과제 발굴 및 추진,창의혁신단
	2007,지식행정 추진,11600000,2007-01-01,2007-12-31,지식관리시스템 활성화,창의혁신단
	2007,창의구정 활성화,83000000,2007-03-01,2007-12-31,창의 과제 발굴·심사선정 및 실행,창의혁신단
	2007,지역정책연구포럼 참여,4800000,2007-03-01,2008-02-29,전문가 초청특강 및 토론회,
	EOT
	expect_code 0 budget-set budget.csv &&
	test_grep "4 budget lines written" err &&
	expect_code 0 budget-set --year=2007 --programme="창의혁신 성과 공유·홍보" \
		--amount=25200000 &&
	echo 5 >expect && test_cmp expect out
'

test_expect_success 'spending against the lines' '
	expect_code 0 budget-spend --programme="창의구정 활성화" \
		--date=2007-05-10 --amount=3000000 --purpose="심의회 운영" &&
	echo 1 >expect && test_cmp expect out &&
	printf "year,programme,date,amount,purpose\n2007,지식행정 추진,2007-04-02,1600000,이벤트\n,지식행정 추진,2007-06-02,2000000,\n" >spend.csv &&
	expect_code 0 budget-spend spend.csv &&
	test_grep "2 payments written" err
'

test_expect_success 'the lines read back with spending' '
	expect_code 0 budget-list --format=csv &&
	cat >expect <<-\EOT &&
	id,year,programme,amount,spent,remaining,first,last,dept,content
	1,2007,지방행정 혁신과제 추진,5400000,0,5400000,2007-01-01,2007-12-31,창의혁신단,혁신과제 발굴 및 추진
	2,2007,지식행정 추진,11600000,3600000,8000000,2007-01-01,2007-12-31,창의혁신단,지식관리시스템 활성화
	3,2007,창의구정 활성화,83000000,3000000,80000000,2007-03-01,2007-12-31,창의혁신단,창의 과제 발굴·심사선정 및 실행
	4,2007,지역정책연구포럼 참여,4800000,0,4800000,2007-03-01,2008-02-29,,전문가 초청특강 및 토론회
	5,2007,창의혁신 성과 공유·홍보,25200000,0,25200000,,,,
	EOT
	strip out && test_cmp expect actual && test_must_be_empty err &&
	expect_code 0 budget-list --by=total --format=csv &&
	printf "lines,amount,spent,remaining\n5,130000000,6600000,123400000\n" >expect &&
	strip out && test_cmp expect actual
'

test_expect_success 'budget-set updates a line by year and programme' '
	expect_code 0 budget-set --year=2007 --programme="창의혁신 성과 공유·홍보" \
		--amount=25000000 --content="홍보매체 활용" &&
	echo 5 >expect && test_cmp expect out &&
	test "$(db_value "SELECT amount || content FROM budget WHERE id = 5")" = "25000000홍보매체 활용" &&
	test "$(db_value "SELECT count(*) FROM audit WHERE tbl = '"'budget'"' AND action = '"'update'"'")" = 1
'

test_expect_success 'spending over a line, and a line below its spending, are refused' '
	expect_code 1 budget-spend --programme="지식행정 추진" --date=2007-07-01 \
		--amount=8000001 &&
	test_grep "^budget-spend: --amount: 8000001 won would bring the spending to 11600001 won, more than the budget of 11600000 won" err &&
	expect_code 1 budget-spend --programme="없는 사업" --date=2007-07-01 \
		--amount=1 &&
	test_grep "^budget-spend: --programme: 없는 사업: no budget line in 2007" err &&
	expect_code 1 budget-spend --year=2006 --programme="지식행정 추진" \
		--date=2007-07-01 --amount=1 &&
	test_grep "^budget-spend: --date: 2007-07-01: not in 2006" err &&
	expect_code 1 budget-set --year=2007 --programme="지식행정 추진" \
		--amount=3000000 &&
	test_grep "^budget-set: --amount: 3000000: less than the 3600000 won already spent" err &&
	printf "year,programme,amount,first\n2008,A,1,2007-12-01\n2008,B,-1,\n" >bad.csv &&
	expect_code 1 budget-set bad.csv &&
	test_grep "^budget-set: bad.csv:2: first: 2007-12-01: not in 2008" err &&
	test_grep "^budget-set: bad.csv:3: amount: -1: " err &&
	test "$(db_value "SELECT count(*) FROM budget")" = 5 &&
	test "$(db_value "SELECT count(*) FROM budget_spend")" = 3
'

test_expect_success 'the listings load back' '
	budget-list --format=csv >b.csv &&
	budget-list --spending --format=csv >s.csv &&
	db_set_aside first.db &&
	staff-import -q staff.csv &&
	budget-set -q b.csv && budget-spend -q s.csv &&
	budget-list --by=year --format=csv >again &&
	strip again &&
	printf "year,lines,amount,spent,remaining\n2007,5,129800000,6600000,123200000\n" >expect &&
	test_cmp expect actual &&
	inno-check >check.out 2>&1 && test_must_be_empty check.out
'

test_expect_success 'usage errors and formats' '
	expect_code 2 budget-list --year=07 &&
	test_grep "^budget-list: --year=07: " err &&
	expect_code 2 budget-list --spending --by=year &&
	test_grep "takes no --by" err &&
	expect_code 2 budget-set --year=2007 b.csv &&
	test_grep "^usage: budget-set" err &&
	expect_code 2 budget-spend a.csv b.csv &&
	test_grep "^usage: budget-spend" err &&
	expect_code 0 budget-list --format=table --programme="지식행정 추진" &&
	test_grep "^id  year  programme" out &&
	expect_code 0 budget-list --format=json --spending --dept=창의혁신단 &&
	test_grep "\"purpose\": *\"심의회 운영\"" out &&
	expect_code 0 budget-list --format=tsv --by=year &&
	strip out && test_grep "^2007	5	" actual
'

test_expect_success 'a batch checks each payment against what its earlier rows spent' '
	cat >over.csv <<-\EOT &&
	programme,date,amount
	창의구정 활성화,2007-08-01,40000000
	창의구정 활성화,2007-08-02,40000000
	창의구정 활성화,2007-08-03,1
	EOT
	expect_code 1 budget-spend over.csv &&
	test_must_be_empty out &&
	cat >expect <<-\EOT &&
	budget-spend: over.csv:4: amount: 1 won would bring the spending to 83000001 won, more than the budget of 83000000 won
	budget-spend: 1 of 3 rows rejected; nothing was written
	EOT
	test_cmp expect err &&
	test "$(db_value "SELECT count(*) FROM budget_spend WHERE date >= '"'2007-08-01'"'")" = 0
'

test_expect_success 'no sum of budgets can overflow: the lines together stop at 10^15 won' '
	db_set_aside lines.db &&
	staff-import -q staff.csv &&
	expect_code 0 budget-set --year=2007 --programme=가 --amount=999999999999999 &&
	expect_code 1 budget-set --year=2008 --programme=가 --amount=2 &&
	test_must_be_empty out &&
	echo "budget-set: --amount: 2 won would bring the budget lines of all years past 1000000000000000 won" >expect &&
	test_cmp expect err &&
	printf "year,programme,amount\n2007,가,999999999999998\n2008,가,2\n2009,가,1\n" >lines.csv &&
	expect_code 1 budget-set lines.csv &&
	cat >expect <<-\EOT &&
	budget-set: lines.csv:4: amount: 1 won would bring the budget lines of all years past 1000000000000000 won
	budget-set: 1 of 3 rows rejected; nothing was written
	EOT
	test_cmp expect err &&
	expect_code 0 budget-set --year=2007 --programme=가 --amount=999999999999998 &&
	expect_code 0 budget-set --year=2008 --programme=가 --amount=2 &&
	expect_code 0 budget-list --by=total --format=csv &&
	strip out &&
	printf "lines,amount,spent,remaining\n2,1000000000000000,0,1000000000000000\n" >expect &&
	test_cmp expect actual &&
	db_bring_back lines.db
'

test_done
