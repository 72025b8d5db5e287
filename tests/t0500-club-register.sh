#!/bin/sh
# club-register: one club from options, many from CSV, all or nothing.
. "$(dirname "$0")/lib.sh"

INNO_NOW=2007-03-15
export INNO_NOW

test_expect_success 'setup' '
	setup_staff
'

test_expect_success 'one club from options prints its id' '
	expect_code 0 club-register --name=정책품질관리 --kind=strategic \
	    --topic="정책별 매뉴얼 개발" --leader=E01 --registered=2007-03-02 &&
	echo 1 >expect &&
	test_cmp expect out &&
	test_must_be_empty err &&
	test "$(db_value "SELECT name, kind, registered FROM club")" = "정책품질관리|strategic|2007-03-02" &&
	test "$(db_value "SELECT d.name FROM club c JOIN dept d ON d.id = c.dept_id")" = 창의혁신단
'

test_expect_success 'the registration date defaults to today' '
	expect_code 0 club-register --name=녹색환경 --kind=departmental \
	    --dept=총무과 &&
	echo 2 >expect &&
	test_cmp expect out &&
	test "$(db_value "SELECT registered FROM club WHERE id = 2")" = 2007-03-15
'

test_expect_success 'a name is registered once' '
	expect_code 1 club-register --name=녹색환경 --kind=strategic &&
	test_must_be_empty out &&
	test_grep "^club-register: --name: 녹색환경: already registered (club 2)$" err &&
	test "$(db_value "SELECT count(*) FROM club")" = 2
'

test_expect_success 'many clubs from CSV' '
	cat >clubs.csv <<-\EOT &&
	name,kind,topic,leader,dept,registered
	민원제도개선,departmental,민원 처리 개선,E06,,2007-03-03
	지방재정연구,strategic,,E07,사회복지과,2007-03-04
	EOT
	expect_code 0 club-register clubs.csv &&
	test_must_be_empty out &&
	test_grep "2 clubs written" err &&
	test "$(db_value "SELECT group_concat(name) FROM (SELECT d.name FROM club c JOIN dept d ON d.id = c.dept_id WHERE c.id > 2 ORDER BY c.id)")" = "총무과,사회복지과"
'

test_expect_success 'bad rows: every one reported, nothing written' '
	cat >bad.csv <<-\EOT &&
	name,kind,leader,dept,registered
	조직인사관리,strategic,E01,,2007-03-05
	학습동아리,weekly,E01,,2007-03-05
	주민자치,strategic,E99,,2007-03-05
	도시계획,strategic,E01,없는과,2007-02-30
	정책품질관리,strategic,E01,,2007-03-05
	EOT
	expect_code 1 club-register bad.csv &&
	test_must_be_empty out &&
	test_grep "^club-register: bad.csv:3: kind: weekly: expected one of strategic, departmental$" err &&
	test_grep "^club-register: bad.csv:4: leader: E99: no such employee$" err &&
	test_grep "^club-register: bad.csv:5: registered: 2007-02-30: " err &&
	test_grep "^club-register: bad.csv:6: name: 정책품질관리: already registered (club 1)$" err &&
	test_grep "4 of 5 rows rejected; nothing was written" err &&
	test "$(db_value "SELECT count(*) FROM club")" = 4
'

test_expect_success 'a leader not employed on the registration date' '
	cat >late.csv <<-\EOT &&
	employee_id,name,grade,dept,joined
	E20,신입직원,9,총무과,2007-06-01
	EOT
	staff-import -q late.csv &&
	expect_code 1 club-register --name=새내기 --kind=departmental \
	    --leader=E20 --registered=2007-05-01 &&
	test_grep "^club-register: --leader: E20: not yet employed on 2007-05-01 (joined 2007-06-01)$" err
'

test_expect_success '--dry-run writes nothing and prints no id' '
	expect_code 0 club-register -n --name=시험 --kind=strategic &&
	test_must_be_empty out &&
	test "$(db_value "SELECT count(*) FROM club")" = 4
'

test_expect_success 'usage errors exit 2' '
	expect_code 2 club-register --name=x --kind=strategic clubs.csv &&
	test_must_be_empty out &&
	test_grep "^usage: club-register" err &&
	expect_code 2 club-register a.csv b.csv &&
	test_grep "^usage: club-register" err &&
	expect_code 2 club-register missing.csv &&
	test_grep "missing.csv: No such file" err
'

test_expect_success 'the CSV of club-list loads back' '
	expect_code 0 club-list --format=csv &&
	mv out list.csv &&
	db_fresh &&
	setup_staff &&
	expect_code 0 club-register -q list.csv &&
	expect_code 0 club-list --format=csv &&
	cut -d, -f2- list.csv >expect &&
	cut -d, -f2- out >actual &&
	test_cmp expect actual
'

test_done
