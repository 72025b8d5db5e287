#!/bin/sh
# idea-submit and idea-review: the rules on input, the mileage an adoption
# gives and a reversed decision takes back, usage errors and formats.
. "$(dirname "$0")/lib.sh"

strip() { tr -d "\r" <"$1" >actual; }

test_expect_success 'setup' '
	setup_staff &&
	cat >mileage.ini <<-\EOT
	[mileage.idea.adopted]
	points = 10
	[mileage.idea.submitted]
	points = 0
	EOT
'

test_expect_success 'a staff idea and a citizen idea from options' '
	expect_code 0 idea-submit --submitted=2007-03-05 \
		--title="안양천 수변 분수대 설치" --employee=E02 &&
	echo 1 >expect && test_cmp expect out && test_must_be_empty err &&
	expect_code 0 idea-submit --submitted=2007-03-06 \
		--title="화장실 환경개선" --proposer="홍길동" --dept=총무과 &&
	echo 2 >expect && test_cmp expect out &&
	test "$(db_value "SELECT source || dept_id FROM idea WHERE id = 2")" = citizen2
'

test_expect_success 'an idea needs its proposer' '
	expect_code 1 idea-submit --submitted=2007-03-05 --title=X \
		--source=staff &&
	test_grep "^idea-submit: --employee-id: required for an idea from staff" err &&
	expect_code 1 idea-submit --submitted=2007-03-05 --title=X \
		--source=citizen --employee=E01 --proposer=Y &&
	test_grep "a citizen.s idea has a proposer, not an employee" err &&
	test_must_be_empty out
'

test_expect_success 'a batch with bad rows writes nothing' '
	cat >bad.csv <<-\EOT &&
	submitted,title,employee_id
	2007-04-01,좋은 생각,E01
	2007-04-01,,E01
	2007-04-31,나쁜 날짜,E01
	EOT
	expect_code 1 idea-submit bad.csv &&
	test_grep "^idea-submit: bad.csv:3: title: required, but empty" err &&
	test_grep "^idea-submit: bad.csv:4: submitted: 2007-04-31: " err &&
	test "$(db_value "SELECT count(*) FROM idea")" = 2
'

test_expect_success 'a review follows the rules' '
	expect_code 1 idea-review --idea=1 --date=2007-05-01 --decision=adopted &&
	test_grep "^idea-review: --dept: required when an idea is adopted" err &&
	expect_code 1 idea-review --idea=1 --date=2007-03-01 --decision=rejected &&
	test_grep "^idea-review: --date: 2007-03-01: before the idea was submitted on 2007-03-05" err &&
	expect_code 1 idea-review --idea=9 --date=2007-05-01 --decision=rejected &&
	test_grep "^idea-review: --idea: 9: no such idea" err &&
	expect_code 1 idea-review --idea=1 --date=2007-05-01 --decision=rejected --dept=총무과 &&
	test_grep "^idea-review: --dept: only for an adopted idea" err &&
	expect_code 1 idea-review --idea=1 --date=2007-05-01 &&
	test_grep "give a decision or an implementation status" err &&
	test "$(db_value "SELECT count(*) FROM idea_review")" = 0
'

test_expect_success 'an idea adopted then reverted nets to zero mileage, both entries naming it' '
	expect_code 0 idea-review -c mileage.ini --idea=1 --date=2007-05-15 \
		--meeting="제1차 심의회" --decision=adopted --dept=총무과 &&
	echo 1 >expect && test_cmp expect out &&
	expect_code 0 idea-review -c mileage.ini --idea=1 --date=2007-06-20 \
		--meeting="제2차 심의회" --decision=rejected --reason="예산 부족" &&
	echo 2 >expect && test_cmp expect out &&
	db_value "SELECT m.points, m.reason FROM mileage m
		WHERE m.ref_table = '"'idea'"' AND m.ref_id = 1 AND
		m.category = '"'idea.adopted'"' ORDER BY m.id" >ledger &&
	cat >expect <<-\EOT &&
	10|idea 1 adopted: 안양천 수변 분수대 설치
	-10|idea 1: adoption reversed, now rejected: 안양천 수변 분수대 설치
	EOT
	test_cmp expect ledger &&
	test "$(db_value "SELECT sum(points) FROM mileage")" = 0 &&
	test "$(db_value "SELECT status || coalesce(adopted_by, 0) FROM idea WHERE id = 1")" = rejected0 &&
	inno-check >check.out 2>&1 && test_must_be_empty check.out
'

test_expect_success 'adopted again gives the mileage again; re-assigning does not' '
	expect_code 0 idea-review -c mileage.ini --idea=1 --date=2007-06-25 \
		--decision=adopted --dept=총무과 &&
	expect_code 0 idea-review -c mileage.ini --idea=1 --date=2007-06-26 \
		--decision=adopted --dept=사회복지과 &&
	test "$(db_value "SELECT sum(points) FROM mileage")" = 10 &&
	test "$(db_value "SELECT count(*) FROM mileage")" = 3
'

test_expect_success 'without a mileage category nothing is written' '
	expect_code 0 idea-review --idea=2 --date=2007-06-25 \
		--decision=adopted --dept=총무과 &&
	test "$(db_value "SELECT count(*) FROM mileage")" = 3
'

test_expect_success 'options and a file at once, or two files, are usage errors' '
	expect_code 2 idea-review --idea=1 x.csv &&
	test_grep "^usage: idea-review" err &&
	expect_code 2 idea-submit a.csv b.csv &&
	test_grep "^usage: idea-submit" err &&
	test_must_be_empty out
'

test_expect_success 'idea-list formats' '
	expect_code 0 idea-list --format=table --status=adopted &&
	test_grep "^id  submitted   title" out &&
	expect_code 0 idea-list --format=json --source=citizen &&
	test_grep "\"proposer\": *\"홍길동\"" out &&
	expect_code 0 idea-list --format=tsv --by=status &&
	printf "status\tideas\nadopted\t2\n" >expect &&
	strip out && test_cmp expect actual &&
	expect_code 2 idea-list --status=open &&
	test_grep "^idea-list: --status=open: expected pending, adopted or rejected" err &&
	expect_code 2 idea-list --reviews --by=month &&
	test_grep "takes no --by" err
'

test_done
