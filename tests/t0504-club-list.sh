#!/bin/sh
# club-list: filters, counts by kind and department, members, formats.
. "$(dirname "$0")/lib.sh"

INNO_NOW=2007-06-30
export INNO_NOW

test_expect_success 'setup' '
	setup_staff &&
	cat >clubs.csv <<-\EOT &&
	name,kind,topic,leader,dept,registered
	정책품질관리,strategic,매뉴얼,E01,,2007-03-01
	녹색환경,departmental,환경,E05,,2007-03-02
	복지연구,departmental,복지,E07,,2006-05-01
	EOT
	club-register -q clubs.csv &&
	cat >members.csv <<-\EOT &&
	club,employee_id,joined,left
	정책품질관리,E02,2007-03-05,
	정책품질관리,E03,2007-03-05,2007-04-30
	녹색환경,E06,2007-03-05,
	복지연구,E08,2006-05-01,2006-11-30
	EOT
	club-join -q members.csv &&
	club-fund -q --club=녹색환경 --amount=150000 --date=2007-05-01 >/dev/null &&
	club-activity -q --club=녹색환경 --kind=seminar --date=2007-05-02 >/dev/null
'

test_expect_success 'every club with its figures' '
	expect_code 0 club-list &&
	cat >expect <<-\EOT &&
	id,name,kind,topic,leader,leader_name,dept,registered,members,grants,granted,activities
	1,정책품질관리,strategic,매뉴얼,E01,김민수,창의혁신단,2007-03-01,1,0,0,0
	2,녹색환경,departmental,환경,E05,정하늘,총무과,2007-03-02,1,1,150000,1
	3,복지연구,departmental,복지,E07,윤서아,사회복지과,2006-05-01,0,0,0,0
	EOT
	tr -d "\r" <out >actual &&
	test_cmp expect actual &&
	test_must_be_empty err
'

test_expect_success 'members are counted on the day asked' '
	expect_code 0 club-list --on=2007-04-01 --format=tsv &&
	test "$(sed 1d out | cut -f9 | tr "\n" " ")" = "2 1 0 " &&
	expect_code 0 club-list --year=2006 --format=tsv &&
	test "$(sed 1d out | cut -f2,9)" = "복지연구	0" &&
	expect_code 0 club-list --year=2006 --on=2006-06-01 --format=tsv &&
	test "$(sed 1d out | cut -f2,9)" = "복지연구	1"
'

test_expect_success 'a period counts the clubs on the register on its last day' '
	expect_code 0 club-list --year=2007 --by=kind --format=tsv &&
	printf "kind\tclubs\tfunded\tgranted\tmembers\tactivities\nstrategic\t1\t0\t0\t1\t0\ndepartmental\t2\t1\t150000\t1\t1\n" >expect &&
	tr -d "\r" <out >actual &&
	test_cmp expect actual &&
	expect_code 0 club-list --period=2007-03-01 --format=tsv &&
	test "$(sed 1d out | cut -f2,8 | tr "\t\n" ": ")" = "정책품질관리:2007-03-01 복지연구:2006-05-01 " &&
	expect_code 0 club-list --period=2006-04 --format=tsv &&
	test "$(sed 1d out | wc -l)" -eq 0 &&
	test_must_be_empty err
'

test_expect_success 'filters: kind, dept, funded, unfunded, active' '
	expect_code 0 club-list --kind=departmental --format=tsv &&
	test "$(sed 1d out | cut -f2 | tr "\n" " ")" = "녹색환경 복지연구 " &&
	expect_code 0 club-list --dept=총무과 --format=tsv &&
	test "$(sed 1d out | cut -f2)" = 녹색환경 &&
	expect_code 0 club-list --funded --format=tsv &&
	test "$(sed 1d out | cut -f2)" = 녹색환경 &&
	expect_code 0 club-list --unfunded --format=tsv &&
	test "$(sed 1d out | wc -l)" -eq 2 &&
	expect_code 0 club-list --active --format=tsv &&
	test "$(sed 1d out | cut -f2 | tr "\n" " ")" = "정책품질관리 녹색환경 "
'

test_expect_success '--by=kind and --by=dept' '
	expect_code 0 club-list --by=kind --format=tsv &&
	printf "kind\tclubs\tfunded\tgranted\tmembers\tactivities\nstrategic\t1\t0\t0\t1\t0\ndepartmental\t2\t1\t150000\t1\t1\n" >expect &&
	tr -d "\r" <out >actual &&
	test_cmp expect actual &&
	expect_code 0 club-list --by=dept --format=tsv &&
	test "$(sed 1d out | cut -f1,2 | tr "\t\n" ": ")" = "사회복지과:1 창의혁신단:1 총무과:1 "
'

test_expect_success 'table and json formats' '
	expect_code 0 club-list --by=kind --format=table &&
	cat >expect <<-\EOT &&
	kind          clubs  funded  granted  members  activities
	strategic         1       0        0        1           0
	departmental      2       1   150000        1           1
	EOT
	test_cmp expect out &&
	expect_code 0 club-list --kind=strategic --format=json &&
	test_grep "\"name\": *\"정책품질관리\"" out &&
	test_grep "\"granted\": *0" out &&
	test_must_be_empty err
'

test_expect_success '--members lists memberships, on a day when asked' '
	expect_code 0 club-list --members --format=tsv &&
	test "$(sed 1d out | wc -l)" -eq 4 &&
	expect_code 0 club-list --members --active --format=tsv &&
	test "$(sed 1d out | cut -f2 | tr "\n" " ")" = "E06 E02 " &&
	expect_code 0 club-list --members --kind=strategic --on=2007-04-01 --format=tsv &&
	test "$(sed 1d out | cut -f2 | tr "\n" " ")" = "E02 E03 "
'

test_expect_success 'usage errors exit 2' '
	expect_code 2 club-list --by=topic &&
	test_grep "^club-list: --by=topic: expected kind or dept$" err &&
	expect_code 2 club-list --kind=weekly &&
	test_grep "^club-list: --kind=weekly: expected strategic or departmental$" err &&
	expect_code 2 club-list --year=07 &&
	test_grep "^club-list: --year=07: not a year" err &&
	expect_code 2 club-list --on=2007-13-01 &&
	test_grep "^club-list: --on=2007-13-01: " err &&
	expect_code 2 club-list --members --by=kind &&
	test_grep "^usage: club-list" err &&
	expect_code 2 club-list extra &&
	test_grep "^usage: club-list" err
'

for prog in club-list group-list course-list; do
	test_expect_success "$prog on a missing database: exit 2, no file" '
		expect_code 2 $prog -d missing.db &&
		test_grep "missing.db: no such database" err &&
		test_must_be_empty out &&
		! test -e missing.db
	'
done

test_done
