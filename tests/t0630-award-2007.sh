#!/bin/sh
# award-add, award-fund, award-list: the seven awards since 2005 with their
# 1.8 billion won of incentives, the projects the money funds adding up to
# the totals the listing prints, and the funding rule.
. "$(dirname "$0")/lib.sh"

strip() { tr -d "\r" <"$1" >actual; }

test_expect_success 'setup: the seven awards' '
	setup_staff &&
	cat >awards.csv <<-\EOT &&
	date,name,grantor,incentive
	2005-09-05,지방행정혁신선도 자치단체 선정,행정자치부,300000000
	2006-03-21,제11회 한국지방자치경영대상 종합대상,,
	2006-04-07,2005 지방행정혁신 평가 국무총리상,행정자치부,1000000000
	2006-11-23,지방행정혁신 한마당 경진대회 대통령상,행정자치부,0
	2006-12-04,2006 지식행정평가 행정자치부장관상,행정자치부,
	2006-12-22,제7회 공공혁신전국대회 행정혁신 대상,,
	2006-12-27,2006 지방행정혁신 평가 대통령상,행정자치부,500000000
	EOT
	expect_code 0 award-add awards.csv &&
	test_grep "7 awards written" err &&
	test_must_be_empty out
'

test_expect_success 'seven awards, 1.8 billion won' '
	expect_code 0 award-list --by=total --format=csv &&
	cat >expect <<-\EOT &&
	awards,with_incentive,incentive,projects,funded,unfunded
	7,3,1800000000,0,0,1800000000
	EOT
	strip out && test_cmp expect actual && test_must_be_empty err
'

test_expect_success 'the incentives fund projects' '
	cat >funds.csv <<-\EOT &&
	award,project,dept,amount
	1,교육환경개선사업 지원,총무과,300000000
	3,교육환경개선사업 지원,총무과,250000000
	3,공공디자인거리 조성사업,사회복지과,200000000
	3,홈페이지 업그레이드 지원,창의혁신단,171000000
	3,관급공약품질관리OK 시스템 구축,총무과,80000000
	7,어르신 정보문화센터 설치,사회복지과,26000000
	EOT
	expect_code 0 award-fund funds.csv &&
	test_grep "6 projects written" err &&
	expect_code 0 award-fund --award=7 --project="혁신 성과집 발간" \
		--dept=창의혁신단 --amount=4000000 &&
	echo 7 >expect && test_cmp expect out
'

test_expect_success 'the funded projects add up to the totals the listing prints' '
	award-list --funds --format=csv >funds.out &&
	strip funds.out && mv actual funds.lf &&
	sum=$(awk -F, "NR > 1 { s += \$(NF - 1) } END { print s }" funds.lf) &&
	n=$(awk "END { print NR - 1 }" funds.lf) &&
	award-list --by=total --format=csv >total.out &&
	strip total.out &&
	test "$(sed -n 2p actual)" = "7,3,1800000000,$n,$sum,$((1800000000 - sum))" &&
	test "$sum" = 1031000000 &&
	award-list --format=csv >each.out &&
	strip each.out &&
	test "$(awk -F, "NR > 1 { s += \$7 } END { print s }" actual)" = "$sum" &&
	cat >expect <<-\EOT &&
	id,date,name,grantor,incentive,projects,funded,unfunded,kind,programme,entrants
	1,2005-09-05,지방행정혁신선도 자치단체 선정,행정자치부,300000000,1,300000000,0,award,,
	2,2006-03-21,제11회 한국지방자치경영대상 종합대상,,0,0,0,0,award,,
	3,2006-04-07,2005 지방행정혁신 평가 국무총리상,행정자치부,1000000000,4,701000000,299000000,award,,
	4,2006-11-23,지방행정혁신 한마당 경진대회 대통령상,행정자치부,0,0,0,0,award,,
	5,2006-12-04,2006 지식행정평가 행정자치부장관상,행정자치부,0,0,0,0,award,,
	6,2006-12-22,제7회 공공혁신전국대회 행정혁신 대상,,0,0,0,0,award,,
	7,2006-12-27,2006 지방행정혁신 평가 대통령상,행정자치부,500000000,2,30000000,470000000,award,,
	EOT
	test_cmp expect actual
'

test_expect_success 'by year, and one department'"'"'s projects' '
	expect_code 0 award-list --by=year --format=csv &&
	cat >expect <<-\EOT &&
	year,awards,with_incentive,incentive,projects,funded,unfunded
	2005,1,1,300000000,1,300000000,0
	2006,6,2,1500000000,6,731000000,769000000
	EOT
	strip out && test_cmp expect actual &&
	expect_code 0 award-list --funds --dept=사회복지과 --format=csv &&
	strip out &&
	test "$(wc -l <actual)" = 3 &&
	test_grep "^6,7,2006-12-27,2006 지방행정혁신 평가 대통령상,어르신 정보문화센터 설치,사회복지과,26000000" actual
'

test_expect_success 'funding past the incentive is refused' '
	expect_code 1 award-fund --award=1 --project="추가 사업" --dept=총무과 \
		--amount=1 &&
	test_grep "^award-fund: --amount: 1 won would bring the projects of award 1 to 300000001 won, more than its incentive of 300000000 won" err &&
	printf "award,project,dept,amount\n2,무상 사업,총무과,5\n9,없는 상,총무과,5\n3,공공디자인거리 조성사업,사회복지과,1\n" >bad.csv &&
	expect_code 1 award-fund bad.csv &&
	test_grep "^award-fund: bad.csv:2: amount: 5 won would bring" err &&
	test_grep "^award-fund: bad.csv:3: award: 9: no such award" err &&
	test_grep "^award-fund: bad.csv:4: project: already funded by award 3" err &&
	test "$(db_value "SELECT count(*) FROM award_fund")" = 7
'

test_expect_success 'award-add refuses a bad row and a duplicate' '
	expect_code 1 award-add --date=2005-09-05 \
		--name="지방행정혁신선도 자치단체 선정" &&
	test_grep "^award-add: --name: already recorded on 2005-09-05 as award 1" err &&
	printf "date,name,incentive\n2007-06-12,우수기관상,\n2007-06-13,상,1,000\n" >bad.csv &&
	expect_code 1 award-add bad.csv &&
	test_grep "^award-add: bad.csv:3: " err &&
	printf "date,name,incentive\n2007-06-12,우수기관상,3억\n" >bad2.csv &&
	expect_code 1 award-add bad2.csv &&
	test_grep "^award-add: bad2.csv:2: incentive: 3억: " err &&
	test "$(db_value "SELECT count(*) FROM award")" = 7
'

test_expect_success 'the listings load back' '
	award-list --format=csv >a.csv &&
	award-list --funds --format=csv >f.csv &&
	db_set_aside first.db &&
	staff-import -q staff.csv &&
	award-add -q a.csv && award-fund -q f.csv &&
	award-list --by=total --format=csv >again &&
	strip again &&
	test_grep "^7,3,1800000000,7,1031000000,769000000" actual &&
	inno-check >check.out 2>&1 && test_must_be_empty check.out
'

test_expect_success 'usage errors and formats' '
	expect_code 2 award-list --by=dept &&
	test_grep "^award-list: --by=dept: expected total or year" err &&
	expect_code 2 award-list --dept=총무과 &&
	test_grep "give --funds too" err &&
	expect_code 2 award-add --date=2007-01-01 a.csv &&
	test_grep "^usage: award-add" err &&
	expect_code 2 award-fund a.csv b.csv &&
	test_grep "^usage: award-fund" err &&
	expect_code 0 award-list --format=table --period=2005 &&
	test_grep "^id  date        name" out &&
	expect_code 0 award-list --format=json --by=total &&
	test_grep "\"incentive\": *1800000000" out &&
	expect_code 0 award-list --format=tsv --period=2005 --funds &&
	strip out && test_grep "	300000000	0$" actual
'

test_expect_success 'a batch checks each project against the money its earlier rows took' '
	cat >over.csv <<-\EOT &&
	award,project,dept,amount
	7,사업 가,총무과,200000000
	7,사업 나,총무과,200000000
	7,사업 다,총무과,70000000
	7,사업 라,총무과,1
	EOT
	expect_code 1 award-fund over.csv &&
	test_must_be_empty out &&
	cat >expect <<-\EOT &&
	award-fund: over.csv:5: amount: 1 won would bring the projects of award 7 to 500000001 won, more than its incentive of 500000000 won
	award-fund: 1 of 4 rows rejected; nothing was written
	EOT
	test_cmp expect err &&
	test "$(db_value "SELECT count(*) FROM award_fund WHERE award_id = 7")" = 2
'

test_expect_success 'no sum of awards can overflow: the incentives together stop at 10^15 won' '
	db_set_aside seven.db &&
	staff-import -q staff.csv &&
	expect_code 0 award-add --date=2007-01-01 --name=가 \
		--incentive=999999999999999 &&
	echo 1 >expect && test_cmp expect out && test_must_be_empty err &&
	expect_code 1 award-add --date=2007-01-02 --name=나 \
		--incentive=1000000000000000 &&
	test_must_be_empty out &&
	echo "award-add: --incentive: 1000000000000000 won would bring the incentives of all awards past 1000000000000000 won" >expect &&
	test_cmp expect err &&
	printf "date,name,incentive\n2007-02-01,다,1\n2007-02-02,라,1\n" >two.csv &&
	expect_code 1 award-add two.csv &&
	cat >expect <<-\EOT &&
	award-add: two.csv:3: incentive: 1 won would bring the incentives of all awards past 1000000000000000 won
	award-add: 1 of 2 rows rejected; nothing was written
	EOT
	test_cmp expect err &&
	expect_code 0 award-add --date=2007-02-01 --name=다 --incentive=1 &&
	expect_code 0 award-list --by=total --format=csv &&
	strip out &&
	printf "awards,with_incentive,incentive,projects,funded,unfunded\n2,2,1000000000000000,0,0,1000000000000000\n" >expect &&
	test_cmp expect actual &&
	expect_code 0 report-build --period=2007 --as-of=2007-12-31 --format=csv awards &&
	test_grep "^그동안의 주요성과,인센티브 교부,1000000000,백만원" out &&
	db_bring_back seven.db
'

test_done
