#!/bin/sh
# Ideas as of a day: a listing or a report as of a past day reads each
# idea's status from the reviews recorded by then, so decisions taken
# later change neither, while the present listing follows them.
. "$(dirname "$0")/lib.sh"

strip() { tr -d "\r" <"$1" >actual; }

test_expect_success 'setup: three ideas of 2007, two decided in 2007' '
	setup_staff &&
	cat >ideas.csv <<-\EOT &&
	submitted,title,employee_id
	2007-03-02,분수대 설치,E01
	2007-04-05,화장실 개선,E02
	2007-11-20,민원 안내 문자,E03
	2008-01-03,2008년 아이디어,E04
	EOT
	idea-submit -q ideas.csv &&
	cat >reviews.csv <<-\EOT &&
	idea,date,meeting,decision,dept
	1,2007-06-12,제1차 심의회,adopted,총무과
	2,2007-06-12,제1차 심의회,rejected,
	EOT
	idea-review -q reviews.csv &&
	report-build --period=2007 --as-of=2007-12-31 --format=csv ideas >before.csv &&
	idea-list --period=2007 --as-of=2007-12-31 --by=total --format=csv >before.total &&
	idea-list --period=2007 --as-of=2007-12-31 --format=csv >before.list
'

test_expect_success 'decisions of 2008 on ideas of 2007' '
	cat >later.csv <<-\EOT &&
	idea,date,meeting,decision,dept,reason
	3,2008-01-10,제2차 심의회,adopted,사회복지과,
	1,2008-02-01,제2차 심의회,rejected,,재검토 결과 불채택
	4,2008-02-01,제2차 심의회,adopted,총무과,
	EOT
	expect_code 0 idea-review -q later.csv &&
	test_must_be_empty err
'

test_expect_success 'the report as of the end of 2007 still adds up, unchanged' '
	expect_code 0 report-build --check --period=2007 --as-of=2007-12-31 ideas &&
	test_must_be_empty out && test_must_be_empty err &&
	expect_code 0 report-build --period=2007 --as-of=2007-12-31 --format=csv ideas &&
	test_cmp before.csv out &&
	strip out &&
	cat >expect <<-\EOT &&
	section,item,value,unit
	창의구정 활성화,창의구정 아이디어 접수,3,건
	창의구정 활성화,창의구정 아이디어 접수/심의,2,건
	창의구정 활성화,창의구정 아이디어 접수/심의대기,1,건
	창의구정 활성화,창의아이디어 심의회 개최,1,회
	창의구정 활성화,심의 결과,2,건
	창의구정 활성화,심의 결과/창의 과제 채택,1,건
	창의구정 활성화,심의 결과/불채택,1,건
	EOT
	test_cmp expect actual
'

test_expect_success 'so does the listing as of that day' '
	expect_code 0 idea-list --period=2007 --as-of=2007-12-31 --by=total --format=csv &&
	test_cmp before.total out &&
	strip out &&
	printf "received,reviewed,adopted,rejected,pending,meetings,planned,in_progress,done,dropped\n3,2,1,1,1,1,1,0,0,0\n" >expect &&
	test_cmp expect actual &&
	expect_code 0 idea-list --period=2007 --as-of=2007-12-31 --format=csv &&
	test_cmp before.list out &&
	expect_code 0 idea-list --period=2007 --as-of=2007-12-31 --status=adopted --format=csv &&
	strip out &&
	awk -F, "NR > 1 { print \$1, \$8, \$11 }" actual >got &&
	echo "1 adopted 총무과" >expect &&
	test_cmp expect got
'

test_expect_success 'the present listing follows the later decisions' '
	expect_code 0 idea-list --period=2007 --by=total --format=csv &&
	strip out &&
	printf "received,reviewed,adopted,rejected,pending,meetings,planned,in_progress,done,dropped\n3,3,1,2,0,1,1,0,0,0\n" >expect &&
	test_cmp expect actual &&
	expect_code 0 idea-list --period=2007 --status=adopted --format=csv &&
	strip out &&
	awk -F, "NR > 1 { print \$1, \$8, \$9, \$11 }" actual >got &&
	echo "3 adopted 2008-01-10 사회복지과" >expect &&
	test_cmp expect got &&
	expect_code 0 idea-list --by=meeting --period=2008 --format=csv &&
	strip out &&
	printf "date,meeting,reviewed,adopted,rejected,pending\n2008-01-10,제2차 심의회,1,1,0,0\n2008-02-01,제2차 심의회,2,1,1,0\n" >expect &&
	test_cmp expect actual &&
	expect_code 0 report-build --check --period=2008 --as-of=2008-12-31 ideas &&
	expect_code 0 report-build --period=2008 --as-of=2008-12-31 --format=csv ideas &&
	strip out &&
	test_grep "^창의구정 활성화,창의구정 아이디어 접수,1,건" actual &&
	test_grep "^창의구정 활성화,창의아이디어 심의회 개최,2,회" actual
'

test_expect_success 'as of a day before any review, every idea waits' '
	expect_code 0 idea-list --period=2007 --as-of=2007-06-11 --by=total --format=csv &&
	strip out &&
	printf "received,reviewed,adopted,rejected,pending,meetings,planned,in_progress,done,dropped\n2,0,0,0,2,0,0,0,0,0\n" >expect &&
	test_cmp expect actual
'

test_expect_success 'a bad --as-of is a usage error' '
	expect_code 2 idea-list --as-of=2007-02-30 &&
	test_must_be_empty out &&
	echo "idea-list: --as-of=2007-02-30: no such day in that month" >expect &&
	test_cmp expect err
'

test_done
