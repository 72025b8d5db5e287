#!/bin/sh
# club-fund: grants within the yearly budget; a grant over it exits 1 and
# changes nothing, saying by how much.
. "$(dirname "$0")/lib.sh"

cat >inno.ini <<\EOT
[club]
budget = 500000
budget_2008 = 800000
EOT
INNO_CONFIG=$TRASH/inno.ini
export INNO_CONFIG

test_expect_success 'setup: a budget of 500,000 won, 800,000 in 2008' '
	setup_staff &&
	club-register -q --name=정책품질관리 --kind=strategic --leader=E01 \
	    --registered=2007-03-01 >/dev/null &&
	club-register -q --name=녹색환경 --kind=departmental --leader=E05 \
	    --registered=2007-03-01 >/dev/null
'

test_expect_success 'a grant prints its id' '
	expect_code 0 club-fund --club=정책품질관리 --amount=300000 \
	    --date=2007-04-01 --purpose="학습 도서 구입" &&
	echo 1 >expect &&
	test_cmp expect out &&
	test_must_be_empty err &&
	test "$(db_value "SELECT club_id, date, amount, purpose FROM club_grant")" = "1|2007-04-01|300000|학습 도서 구입"
'

test_expect_success 'a grant over the yearly budget: exit 1, nothing changed' '
	db_value "SELECT * FROM club_grant" >before &&
	expect_code 1 club-fund --club=녹색환경 --amount=250000 \
	    --date=2007-09-01 &&
	test_must_be_empty out &&
	echo "club-fund: --amount: 250,000 won would exceed the 2007 club budget of 500,000 won by 50,000 won (300,000 won granted so far)" >expect &&
	test_cmp expect err &&
	db_value "SELECT * FROM club_grant" >after &&
	test_cmp before after
'

test_expect_success 'up to the budget exactly is allowed' '
	expect_code 0 club-fund --club=녹색환경 --amount=200000 \
	    --date=2007-09-01 &&
	echo 2 >expect &&
	test_cmp expect out
'

test_expect_success 'a year has its own budget' '
	club-register -q --name=새해동아리 --kind=strategic \
	    --registered=2008-01-02 >/dev/null &&
	expect_code 0 club-fund --club=새해동아리 --amount=800000 \
	    --date=2008-02-01 &&
	expect_code 1 club-fund --club=새해동아리 --amount=1 --date=2008-12-31 &&
	test_grep "exceed the 2008 club budget of 800,000 won by 1 won" err
'

test_expect_success 'a batch counts its own earlier rows toward the budget' '
	cat >grants.csv <<-\EOT &&
	club,date,amount,purpose
	정책품질관리,2009-03-01,300000,세미나
	녹색환경,2009-04-01,300000,탐방
	EOT
	expect_code 1 club-fund grants.csv &&
	test_must_be_empty out &&
	test_grep "^club-fund: grants.csv:3: amount: 300,000 won would exceed the 2009 club budget of 500,000 won by 100,000 won (300,000 won granted so far)$" err &&
	test_grep "1 of 2 rows rejected; nothing was written" err &&
	test "$(db_value "SELECT count(*) FROM club_grant WHERE date LIKE '\''2009%'\''")" = 0
'

test_expect_success 'bad rows: every one reported, nothing written' '
	cat >bad.csv <<-\EOT &&
	club,date,amount,purpose
	정책품질관리,2009-03-01,1000,ok
	정책품질관리,2009-03-01,"1,000",
	없는동아리,2009-03-01,1000,
	정책품질관리,2007-01-01,1000,
	정책품질관리,2009-03-01,0,
	정책품질관리,2009-03-01,-5,
	EOT
	expect_code 1 club-fund bad.csv &&
	test_must_be_empty out &&
	test_grep "^club-fund: bad.csv:3: amount: 1,000: " err &&
	test_grep "^club-fund: bad.csv:4: club: 없는동아리: no such club$" err &&
	test_grep "^club-fund: bad.csv:5: date: 2007-01-01: before the club was registered on 2007-03-01$" err &&
	test_grep "^club-fund: bad.csv:6: amount: 0: a grant is more than 0 won$" err &&
	test_grep "^club-fund: bad.csv:7: amount: -5: " err &&
	test "$(db_value "SELECT count(*) FROM club_grant")" = 3
'

test_expect_success 'a good batch is written once' '
	head -2 bad.csv >good.csv &&
	expect_code 0 club-fund good.csv &&
	expect_code 0 club-fund good.csv &&
	test_grep "was applied before; nothing written" err &&
	test "$(db_value "SELECT count(*) FROM club_grant")" = 4
'

test_expect_success 'usage and configuration errors exit 2' '
	expect_code 2 club-fund --club=x good.csv &&
	test_grep "^usage: club-fund" err &&
	printf "[club]\nbudget = 010\n" >bad.ini &&
	expect_code 2 club-fund -c bad.ini --club=정책품질관리 --amount=1 \
	    --date=2009-05-01 &&
	test_grep "budget" err &&
	test "$(db_value "SELECT count(*) FROM club_grant")" = 4
'

test_expect_success 'inno-check reports a year over budget once the budget is cut' '
	expect_code 0 inno-check &&
	printf "[club]\nbudget = 400000\n" >cut.ini &&
	expect_code 1 inno-check -c cut.ini &&
	test_grep "^club_grant: 2007 grants of 500,000 won exceed the budget of 400,000 won$" out
'

test_done
