#!/bin/sh
# The demo: tests/demo.sh builds the example database through the programs
# and writes the 2007 council report with the seed's figures in every
# format.
. "$(dirname "$0")/lib.sh"

test_expect_success 'the demo runs and prints the council report' '
	expect_code 0 sh -c "cd \"\$1\" && sh tests/demo.sh \"\$2\" \"\$3\"" \
		demo "$SRC_DIRECTORY" "$INNO_BUILD" "$TRASH/demo" &&
	test_must_be_empty err &&
	test_cmp demo/council.text out
'

test_expect_success 'the demo reproduces the staff figures of the seed' '
	test_grep "^2007년도 주요업무추진현황$" out &&
	test_grep "^ ○ 정 원 : 15명 (창의혁신기획팀 5, 창의혁신지원팀 4, 창의실행팀 3, 고객만족팀 3)$" out &&
	test_grep "^ ○ 현 원 : 15명 (창의혁신기획팀 5, 창의혁신지원팀 4, 창의실행팀 3, 고객만족팀 3)$" out
'

test_expect_success 'the demo reproduces the task figures of the seed' '
	test_grep "^ ○ 성과창출형 행정혁신 단위사업 : 236개$" out &&
	test_grep "^ ○ 혁신과제 분야 : 15개 분야$" out &&
	test_grep "^   - 고객만족 제고 : 맞춤형 독거노인 돌보미 시스템 구축 운영 (사회복지과)$" out &&
	test_grep "^ ○ 행정혁신과제 실행체계 구축 (과제별 TFT) : 15개팀$" out &&
	test_grep "^ ○ 과제별 TFT 구성원 : 180명$" out
'

test_expect_success 'the demo reproduces ideas, knowledge and benchmarking' '
	test_grep "^ ○ 창의구정 아이디어 접수 : 74건 (심의 45, 심의대기 29)$" out &&
	test_grep "^ ○ 창의아이디어 심의회 개최 : 2회$" out &&
	test_grep "^ ○ 심의 결과 : 45건 (창의 과제 채택 16, 불채택 29)$" out &&
	test_grep "^ ○ 업무매뉴얼 등록 : 33건$" out &&
	test_grep "^ ○ 지식전문가의 지식평가 : 76건 (승인 47, 거부 29)$" out &&
	test_grep "^ ○ 혁신성과 벤치마킹 및 혁신우수사례 보고회 : 53기관 (우수사례 보고회 23, 벤치마킹 방문기관 30)$" out &&
	test_grep "^ ○ 참석 인원 : 1,971명 (우수사례 보고회 1,509, 벤치마킹 방문기관 462)$" out
'

test_expect_success 'the demo reproduces the awards and the budgets' '
	test_grep "^ ○ 수상 : 7종 (2006년 6, 2007년 1)$" out &&
	test_grep "^ ○ 인센티브 교부 : 1,800백만원 (지방행정혁신선도 자치단체 선정 300, 2005 지방행정혁신 평가결과 국무총리상 1,000, 2006 지방행정혁신 평가결과 대통령상 500)$" out &&
	test_grep "^ ○ 인센티브 활용 사업 : 15개 사업$" out &&
	test_grep "^   - 교육환경개선사업 지원(자치행정과) : 550백만원$" out &&
	test_grep "^   - 소요예산 : 5,400천원$" out &&
	test_grep "^   - 소요예산 : 83,000천원$" out &&
	test_grep "^   - 사업기간 : 2007년 3월~12월$" out
'

test_expect_success 'the demo reproduces clubs and e-learning' '
	test_grep "^ ○ 학습동아리 등록 : 49개 (전략형 12, 부서별 37)$" out &&
	test_grep "^   - 전략형 : 정책품질관리 연구 외 11$" out &&
	test_grep "^ ○ 활동비 지원 : 24개 (전략형 12, 부서별 12)$" out &&
	test_grep "^ ○ 활동비 지원액 : 3,600천원$" out &&
	test_grep "^ ○ 창의혁신 사이버 교육 실시 : 286명 (1차 (2~3월) 154, 2차 (4월) 132)$" out &&
	test_grep "^ ○ 3차 창의혁신 사이버 강의 진행중 (6. 10 ~ 7. 10) : 87명$" out &&
	test_grep "^   - 2007. 9월~10월 : 4차 창의혁신 사이버 강의 실시$" out
'

test_expect_success 'the demo wrote every format' '
	for f in text md html csv xlsx; do test -s demo/council.$f || exit 1; done &&
	test_grep "^일반 현황,현 원,15,명" demo/council.csv &&
	unzip -l demo/council.xlsx >list && test_grep "xl/workbook.xml" list
'

test_expect_success 'the demo database passes both checks' '
	expect_code 0 report-build -c "$SRC_DIRECTORY/share/inno.ini" \
		-d demo/inno.db --check --period=2007-H1 &&
	test_must_be_empty err &&
	expect_code 0 inno-check -d demo/inno.db
'

test_done
