#!/bin/sh
# knowledge-add and knowledge-review rules, the mileage an approval gives
# and a rejection takes back, and the quarterly awards by the inno.ini rule.
. "$(dirname "$0")/lib.sh"

strip() { tr -d "\r" <"$1" >actual; }

test_expect_success 'setup' '
	setup_staff &&
	cat >mileage.ini <<-\EOT
	[mileage.knowledge.approved]
	points = 5
	EOT
'

test_expect_success 'items from options print their ids' '
	expect_code 0 knowledge-add --kind=manual --title="민원 매뉴얼" \
		--author=E02 --registered=2007-02-01 &&
	echo 1 >expect && test_cmp expect out && test_must_be_empty err &&
	expect_code 0 knowledge-add --kind=work --title="업무 지식" \
		--author=E05 --registered=2007-02-11 &&
	echo 2 >expect && test_cmp expect out &&
	expect_code 0 knowledge-add --kind=living --title="생활 지식" \
		--author=E07 --dept=총무과 --registered=2007-03-11 &&
	echo 3 >expect && test_cmp expect out &&
	expect_code 0 knowledge-add --kind=work --title="평가 전" \
		--author=E07 --registered=2007-03-12 &&
	test "$(db_value "SELECT d.name FROM knowledge k JOIN dept d ON d.id = k.dept_id WHERE k.id = 2")" = 총무과
'

test_expect_success 'bad items and bad evaluations are refused' '
	expect_code 1 knowledge-add --kind=book --title=X --author=E01 \
		--registered=2007-01-01 &&
	test_grep "^knowledge-add: --kind: book: expected one of work, living, manual" err &&
	printf "kind,title,author,registered\nwork,A,E01,2007-01-01\nwork,B,E99,2007-01-01\n" >bad.csv &&
	expect_code 1 knowledge-add bad.csv &&
	test_grep "^knowledge-add: bad.csv:3: author: E99: no such employee" err &&
	expect_code 1 knowledge-review --knowledge=1 --date=2007-02-05 \
		--evaluator=E01 --verdict=rejected &&
	test_grep "^knowledge-review: --reason: required when an item is rejected" err &&
	expect_code 1 knowledge-review --knowledge=1 --date=2007-02-05 \
		--evaluator=E02 --verdict=approved &&
	test_grep "^knowledge-review: --evaluator: the author cannot evaluate their own item" err &&
	expect_code 1 knowledge-review --knowledge=1 --date=2007-01-05 \
		--evaluator=E01 --verdict=approved &&
	test_grep "before the item was registered on 2007-02-01" err &&
	test "$(db_value "SELECT count(*) FROM knowledge")" = 4 &&
	test "$(db_value "SELECT count(*) FROM knowledge_eval")" = 0
'

test_expect_success 'approval gives mileage; a later rejection reverses it' '
	expect_code 0 knowledge-review -c mileage.ini --knowledge=1 \
		--date=2007-02-05 --evaluator=E01 --verdict=approved &&
	echo 1 >expect && test_cmp expect out &&
	expect_code 0 knowledge-review -c mileage.ini --knowledge=1 \
		--date=2007-03-05 --evaluator=E03 --verdict=rejected \
		--reason="중복 등록" &&
	db_value "SELECT points, ref_table, ref_id, reason FROM mileage ORDER BY id" >ledger &&
	cat >expect <<-\EOT &&
	5|knowledge|1|knowledge 1 approved
	-5|knowledge|1|knowledge 1: approval reversed, now rejected
	EOT
	test_cmp expect ledger &&
	expect_code 0 knowledge-review -c mileage.ini --knowledge=1 \
		--date=2007-03-06 --evaluator=E01 --verdict=approved &&
	expect_code 0 knowledge-review -c mileage.ini --knowledge=2 \
		--date=2007-02-15 --evaluator=E01 --verdict=approved &&
	expect_code 0 knowledge-review -c mileage.ini --knowledge=3 \
		--date=2007-03-15 --evaluator=E01 --verdict=approved &&
	test "$(db_value "SELECT sum(points) FROM mileage")" = 15 &&
	inno-check >check.out 2>&1 && test_must_be_empty check.out
'

test_expect_success 'the quarter awards follow the default rule, explained' '
	printf "knowledge,month,views\n1,2007-02,30\n2,2007-03,250\n3,2007-03,5\n4,2007-03,900\n" |
		knowledge-add -q --views &&
	expect_code 0 knowledge-list --awards=2007-Q1 --format=csv &&
	cat >expect <<-\EOT &&
	rank,award,id,kind,title,author,dept,registered,base,views,view_points,score,basis
	1,best,2,work,업무 지식,E05,총무과,2007-02-11,20,250,25,45,work 20 + 250 views / 10 = 45
	2,excellent,1,manual,민원 매뉴얼,E02,창의혁신단,2007-02-01,30,30,3,33,manual 30 + 30 views / 10 = 33
	3,excellent,3,living,생활 지식,E07,총무과,2007-03-11,10,5,0,10,living 10 + 5 views / 10 = 10
	EOT
	strip out && test_cmp expect actual && test_must_be_empty err &&
	expect_code 0 knowledge-list -c "$INNO_SHARE/inno.ini" \
		--awards=2007-Q1 --format=csv &&
	strip out && test_cmp expect actual
'

test_expect_success 'the award rule comes from inno.ini' '
	cat >rule.ini <<-\EOT &&
	[knowledge]
	award_points_manual = 100
	award_views_per_point = 0
	award_best = 1
	award_excellent = 1
	EOT
	expect_code 0 knowledge-list -c rule.ini --awards=2007-Q1 --format=csv &&
	strip out &&
	test_grep "^1,best,1,manual,.*,manual 100 = 100$" actual &&
	test_grep "^2,excellent,2,work,.*,work 20 = 20$" actual &&
	test_grep "^3,,3,living," actual
'

test_expect_success 'usage errors and formats' '
	expect_code 2 knowledge-list --awards=2007-05 &&
	test_grep "^knowledge-list: --awards=2007-05: expected a quarter" err &&
	expect_code 2 knowledge-list --awards=2007-Q1 --kind=work &&
	test_grep "^usage: knowledge-list" err &&
	expect_code 2 knowledge-add --views --kind=work &&
	expect_code 2 knowledge-review --knowledge=1 extra.csv &&
	test_grep "^usage: knowledge-review" err &&
	expect_code 0 knowledge-list --format=table &&
	test_grep "^id  kind    title" out &&
	expect_code 0 knowledge-list --evaluations --format=json &&
	test_grep "\"reason\": *\"중복 등록\"" out &&
	expect_code 0 knowledge-list --by=status --format=tsv &&
	printf "status\titems\tapproved\trejected\tsubmitted\tviews\napproved\t3\t3\t0\t0\t285\nsubmitted\t1\t0\t0\t1\t900\n" >expect &&
	strip out && test_cmp expect actual
'

test_done
