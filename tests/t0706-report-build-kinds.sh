#!/bin/sh
# report-build: the monthly MVP notice, the roadmap, the year plan and the
# section reports, each from its records.
. "$(dirname "$0")/lib.sh"

printf '[report]\noffice = 창의혁신단\n' >report.ini
cat "$SRC_DIRECTORY/share/inno.ini" report.ini >inno.ini
INNO_CONFIG=$TRASH/inno.ini
export INNO_CONFIG

test_expect_success 'setup' '
	setup_staff &&
	cat >ml.csv <<-\EOT &&
	employee_id,dept,date,category,points,reason,ref
	E01,,2007-05-02,contest.prize,40,경진대회 수상,
	E03,,2007-05-03,contest.entry,,경진대회 참가,
	E05,,2007-05-04,contest.entry,,경진대회 참가,
	E05,,2007-04-04,contest.entry,,경진대회 참가,
	EOT
	expect_code 0 mileage-award -q ml.csv &&
	expect_code 0 mileage-mvp -q --month=2007-05 &&
	expect_code 0 task-add -q --title "돌보미 시스템" --field "고객만족 제고" \
		--dept 창의혁신단 &&
	expect_code 0 task-update -q --on=2007-04-30 \
		--milestone="2007-03-31:계획 수립" --milestone="2007-09-30:확산" \
		--done="계획 수립" 1
'

test_expect_success 'mvp: the month'\''s MVPs and ranking' '
	expect_code 0 report-build --period=2007-05 --as-of=2007-06-01 mvp &&
	test_grep "^□ 2007년 5월 혁신 MVP$" out &&
	test_grep "^ ○ MVP 개인 김민수(창의혁신단) : 40점$" out &&
	test_grep "^   - 1위 김민수 (창의혁신단) : 40점$" out &&
	test_grep "^   - 3위 정하늘 (총무과) : 5점$" out &&
	test_grep_not "4위" out &&
	test_must_be_empty err
'

test_expect_success 'mvp as csv: the ranking as figures' '
	expect_code 0 report-build --period=2007-05 --as-of=2007-06-01 \
		--format=csv mvp &&
	test_grep "^혁신 MVP 선정 결과,1위 김민수 (창의혁신단),40,점" out
'

test_expect_success 'roadmap: milestones by month, reached or not' '
	expect_code 0 report-build --period=2007 --as-of=2007-07-02 roadmap &&
	test_grep "^□ 2007. 3월$" out &&
	test_grep "^   - 3. 31 (고객만족 제고) : 돌보미 시스템 \[계획 수립\] 완료$" out &&
	test_grep "^   - 9. 30 (고객만족 제고) : 돌보미 시스템 \[확산\] 예정$" out
'

test_expect_success 'plan: budget lines and plans, no results' '
	expect_code 0 budget-set -q --year 2007 --programme "창의구정 활성화" \
		--amount 83000000 --first 2007-03-01 --last 2007-12-31 \
		--content "창의 과제 발굴" &&
	expect_code 0 schedule-add -q --section ideas --start 2007-09 \
		--what "창의구정 심의회" &&
	expect_code 0 report-build --period=2007 --as-of=2007-01-02 plan &&
	test_grep "^2007년도 주요업무계획$" out &&
	test_grep "^III. 2007 주요업무계획$" out &&
	test_grep "^   - 소요예산 : 83,000천원$" out &&
	test_grep "^   - 사업기간 : 2007년 3월~12월$" out &&
	test_grep "^   - 2007. 9월 : 창의구정 심의회$" out &&
	test_grep_not "추진실적" out
'

test_expect_success 'money in million won when configured' '
	printf "[report]\noffice = 창의혁신단\nmoney = million\n" >m.ini &&
	expect_code 0 report-build -c m.ini --period=2007 --as-of=2007-01-02 plan &&
	test_grep "^   - 소요예산 : 83백만원$" out
'

test_expect_success 'every shipped kind builds' '
	for k in council plan staff tasks ideas knowledge benchmarking \
		mileage awards clubs training mvp roadmap; do
		report-build --period=2007 --as-of=2007-07-02 $k >/dev/null ||
		exit 1
	done
'

test_done
