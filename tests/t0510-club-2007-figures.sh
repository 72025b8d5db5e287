#!/bin/sh
# The 2007 council report's club figures entered and read back: 49 clubs
# (12 strategic, 37 departmental), 24 of them funded with 3,600,000 won.
. "$(dirname "$0")/lib.sh"

INNO_CONFIG=$INNO_SHARE/inno.ini
export INNO_CONFIG

test_expect_success 'setup: 120 employees in 6 departments' '
	awk "BEGIN {
		split(\"김 이 박 최 정 강 조 윤 장 임\", fam, \" \")
		split(\"민수 서연 지훈 유진 하늘 도윤 서아 재현 수빈 예준 지우 현우\", giv, \" \")
		split(\"총무과 기획예산과 환경과 사회복지과 건설과 창의혁신단\", dep, \" \")
		print \"employee_id,name,grade,dept\"
		for (i = 1; i <= 120; i++)
			printf \"E%03d,%s%s,%d,%s\n\", i, fam[i % 10 + 1],
			    giv[i % 12 + 1], 5 + i % 5, dep[i % 6 + 1]
	}" >staff.csv &&
	expect_code 0 staff-import -q staff.csv &&
	test_must_be_empty err &&
	test "$(db_value "SELECT count(*) FROM employee")" = 120
'

test_expect_success 'register 49 clubs from CSV' '
	awk "BEGIN {
		print \"name,kind,topic,leader,registered\"
		for (i = 1; i <= 49; i++)
			printf \"동아리%02d,%s,연구주제 %d,E%03d,2007-03-%02d\n\", i,
			    i <= 12 ? \"strategic\" : \"departmental\", i, i, 1 + i % 28
	}" >clubs.csv &&
	expect_code 0 club-register clubs.csv &&
	test_must_be_empty out &&
	test_grep "49 clubs written" err
'

test_expect_success 'fund 24 clubs: all 12 strategic and 12 departmental' '
	awk "BEGIN {
		print \"club,date,amount,purpose\"
		for (i = 1; i <= 24; i++)
			printf \"동아리%02d,2007-05-%02d,150000,활동비\n\", i, i
	}" >grants.csv &&
	expect_code 0 club-fund -q grants.csv &&
	test_must_be_empty out &&
	test_must_be_empty err
'

test_expect_success 'club-list --year=2007 --by=kind reads the figures back' '
	expect_code 0 club-list --year=2007 --by=kind &&
	cat >expect <<-\EOT &&
	kind,clubs,funded,granted,members,activities
	strategic,12,12,1800000,0,0
	departmental,37,12,1800000,0,0
	EOT
	tr -d "\r" <out >actual &&
	test_cmp expect actual &&
	test_must_be_empty err
'

test_expect_success 'totals: 49 clubs, 24 funded, 3,600,000 won' '
	expect_code 0 club-list --year=2007 &&
	test "$(sed 1d out | wc -l)" -eq 49 &&
	expect_code 0 club-list --year=2007 --funded &&
	awk -F, "NR > 1 { n++; won += \$11 } END { print n, won }" out >got &&
	echo "24 3600000" >expect &&
	test_cmp expect got &&
	expect_code 0 club-list --year=2007 --unfunded &&
	test "$(sed 1d out | wc -l)" -eq 25 &&
	test_must_be_empty err
'

test_expect_success 'the budget is spent: one more grant is refused' '
	expect_code 1 club-fund --club=동아리30 --amount=1 --date=2007-09-01 &&
	test_must_be_empty out &&
	test_grep "^club-fund: --amount: 1 won would exceed the 2007 club budget of 3,600,000 won by 1 won" err &&
	test "$(db_value "SELECT sum(amount) FROM club_grant")" = 3600000
'

test_expect_success 'other years are not counted' '
	expect_code 0 club-list --year=2006 --by=kind &&
	echo "kind,clubs,funded,granted,members,activities" >expect &&
	tr -d "\r" <out >actual &&
	test_cmp expect actual
'

test_expect_success 'inno-check is clean' '
	expect_code 0 inno-check &&
	test_must_be_empty err
'

test_done
