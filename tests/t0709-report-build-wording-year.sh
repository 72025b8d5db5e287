#!/bin/sh
# report-build: the wording of a kind for a year (report/KIND-YEAR.ini),
# else for every year (report/KIND.ini), read over report.ini key by key,
# or --wording=FILE; and the council session on the cover, from the
# wording or from --session and --session-dates.
. "$(dirname "$0")/lib.sh"

cat >teams.csv <<\EOT
dept,team,authorised
창의혁신단,기획팀,3
혁신기획단,혁신기획팀,2
EOT
cat >staff.csv <<\EOT
employee_id,name,grade,dept,team,joined
E01,김민수,5,혁신기획단,혁신기획팀,2005-01-01
E02,이서연,9,혁신기획단,혁신기획팀,2005-01-01
EOT
printf '[report]\noffice = 창의혁신단\n' >inno.ini
INNO_CONFIG=$TRASH/inno.ini
export INNO_CONFIG

test_expect_success 'setup: a copy of share/' '
	expect_code 0 staff-import -q --teams teams.csv &&
	expect_code 0 staff-import -q staff.csv &&
	cp -R "$SRC_DIRECTORY/share" myshare
'
INNO_SHARE=$TRASH/myshare
export INNO_SHARE

test_expect_success 'the 2006 plan takes plan-2006.ini: its office and its parts' '
	expect_code 0 report-build --period=2006 --as-of=2006-01-02 plan &&
	test_must_be_empty err &&
	sed -n 4p out >actual &&
	echo 혁신기획단 >expect &&
	test_cmp expect actual &&
	test_grep "^ ○ 인력 (총) : 2명 (5급 1, 9급 1)$" out &&
	test_grep "^III\. 혁신역량의 강화$" out
'

test_expect_success 'another year falls back to report.ini' '
	expect_code 0 report-build --period=2008 --as-of=2008-01-02 plan &&
	test_grep "^창의혁신단$" out &&
	test_grep_not "혁신역량의 강화" out
'

test_expect_success 'a kind file for every year is read when the year has none' '
	printf "[kind.plan]\ntitle = {year} 계획 (모든 해)\n" >myshare/report/plan.ini &&
	expect_code 0 report-build --period=2008 --as-of=2008-01-02 plan &&
	test_grep "^2008 계획 (모든 해)$" out &&
	expect_code 0 report-build --period=2006 --as-of=2006-01-02 plan &&
	test_grep "^2006년도 주요업무계획$" out
'

test_expect_success '--wording=FILE is read instead, over report.ini' '
	printf "[kind.staff]\ntitle = 인력 현황 ({year})\n" >mine.ini &&
	expect_code 0 report-build --wording=mine.ini --period=2007 \
		--as-of=2007-07-02 staff &&
	test_grep "^인력 현황 (2007)$" out &&
	test_grep "^ ○ 정 원 : 3명 (기획팀 3)$" out
'

test_expect_success 'a missing --wording file is a usage error naming it' '
	expect_code 2 report-build --wording=nowhere.ini --period=2007 staff &&
	test_must_be_empty out &&
	test_grep "nowhere.ini" err
'

test_expect_success 'a kind that would name another directory is not looked up' '
	mkdir -p myshare/x &&
	printf "[kind.../x/evil]\nsections = general\n" >myshare/x/evil-2007.ini &&
	expect_code 2 report-build --period=2007 "../x/evil" &&
	test_must_be_empty out &&
	test_grep "^report-build: \.\./x/evil: no report kind$" err
'

test_expect_success 'the 2007 council report names its session on the cover' '
	expect_code 0 report-build --period=2007-H1 --as-of=2007-07-02 &&
	sed -n 1,5p out >actual &&
	cat >expect <<-\EOT &&
	2007 제1차 구의회 정례회

	2007. 7. 2. ~ 7. 12.

	2007년도 주요업무추진현황
	EOT
	test_cmp expect actual
'

test_expect_success '--session and --session-dates override it, in every format' '
	S="--session=2007 제2차 구의회 정례회" &&
	expect_code 0 report-build --period=2007-H1 --as-of=2007-07-02 \
		"$S" --session-dates="2007. 12. 3. ~ 12. 14." &&
	sed -n 1,3p out >actual &&
	printf "%s\n\n%s\n" "2007 제2차 구의회 정례회" "2007. 12. 3. ~ 12. 14." >expect &&
	test_cmp expect actual &&
	expect_code 0 report-build --period=2007-H1 --as-of=2007-07-02 \
		"$S" --session-dates="2007. 12. 3. ~ 12. 14." --format=html &&
	test_grep "^<p>2007 제2차 구의회 정례회</p>$" out &&
	test_grep "^<p>2007\. 12\. 3\. ~ 12\. 14\.</p>$" out &&
	expect_code 0 report-build --period=2007-H1 --as-of=2007-07-02 \
		"$S" --format=md &&
	test_grep "^2007 제2차 구의회 정례회  $" out
'

test_expect_success 'without a year file the cover is the kind'"'"'s cover line' '
	rm myshare/report/council-2007.ini &&
	expect_code 0 report-build --period=2007-H1 --as-of=2007-07-02 &&
	sed -n 1,3p out >actual &&
	printf "2007 구의회 정례회\n\n2007년도 주요업무추진현황\n" >expect &&
	test_cmp expect actual
'

test_done
