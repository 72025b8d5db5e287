#!/bin/sh
# Knowledge items as of a day: an item's status is the verdict of its last
# evaluation recorded by then, so a listing or report as of a past day
# does not change with later evaluations; items, evaluations and views
# after that day are left out.
. "$(dirname "$0")/lib.sh"

strip() { tr -d "\r" <"$1" >actual; }

test_expect_success 'setup: three items of 2007, evaluated in 2007 and 2008' '
	setup_staff &&
	cat >items.csv <<-\EOT &&
	kind,title,author,registered
	manual,민원 처리 편람,E02,2007-02-01
	work,예산 절감 사례,E03,2007-05-10
	living,생활 정보,E04,2007-12-20
	manual,2008년 편람,E02,2008-01-05
	EOT
	knowledge-add -q items.csv &&
	cat >evals.csv <<-\EOT &&
	knowledge,date,evaluator,verdict,reason
	1,2007-02-05,E01,approved,
	2,2007-06-01,E01,rejected,중복
	EOT
	knowledge-review -q evals.csv &&
	printf "knowledge,month,views\n1,2007-03,40\n1,2008-01,7\n" >views.csv &&
	knowledge-add -q --views views.csv &&
	knowledge-list --period=2007 --as-of=2007-12-31 --by=total --format=csv >before.total &&
	knowledge-list --period=2007 --as-of=2007-12-31 --by=status --format=csv >before.status &&
	report-build --period=2007 --as-of=2007-12-31 --format=csv knowledge >before.csv
'

test_expect_success 'evaluations of 2008 change the items of 2007' '
	cat >later.csv <<-\EOT &&
	knowledge,date,evaluator,verdict,reason
	1,2008-01-15,E05,rejected,개정 필요
	2,2008-01-15,E05,approved,
	3,2008-01-20,E01,approved,
	EOT
	expect_code 0 knowledge-review -q later.csv &&
	test_must_be_empty err
'

test_expect_success 'the listing as of the end of 2007 is unchanged' '
	expect_code 0 knowledge-list --period=2007 --as-of=2007-12-31 --by=status --format=csv &&
	test_cmp before.status out &&
	strip out &&
	cat >expect <<-\EOT &&
	status,items,approved,rejected,submitted,views
	approved,1,1,0,0,40
	rejected,1,0,1,0,0
	submitted,1,0,0,1,0
	EOT
	test_cmp expect actual &&
	expect_code 0 knowledge-list --period=2007 --as-of=2007-12-31 --by=total --format=csv &&
	test_cmp before.total out &&
	strip out &&
	printf "items,work,living,manual,evaluations,approved,rejected,views\n3,1,1,1,2,1,1,40\n" >expect &&
	test_cmp expect actual &&
	expect_code 0 report-build --check --period=2007 --as-of=2007-12-31 knowledge &&
	expect_code 0 report-build --period=2007 --as-of=2007-12-31 --format=csv knowledge &&
	test_cmp before.csv out
'

test_expect_success 'the present listing follows the later evaluations' '
	expect_code 0 knowledge-list --period=2007 --by=status --format=csv &&
	strip out &&
	cat >expect <<-\EOT &&
	status,items,approved,rejected,submitted,views
	approved,2,2,0,0,0
	rejected,1,0,1,0,40
	EOT
	test_cmp expect actual &&
	expect_code 0 knowledge-list --as-of=2008-01-16 --format=csv &&
	strip out &&
	awk -F, "NR > 1 { print \$1, \$7, \$8, \$9 }" actual >got &&
	cat >expect <<-\EOT &&
	1 rejected 2 47
	2 approved 2 0
	3 submitted 0 0
	4 submitted 0 0
	EOT
	test_cmp expect got &&
	expect_code 0 knowledge-list --status=approved --as-of=2007-12-31 --format=csv &&
	strip out &&
	awk -F, "NR > 1 { print \$1 }" actual >got &&
	echo 1 >expect &&
	test_cmp expect got
'

test_expect_success 'a bad --as-of is a usage error' '
	expect_code 2 knowledge-list --as-of=2007 &&
	test_must_be_empty out &&
	test_grep "^knowledge-list: --as-of=2007: " err
'

test_done
