#!/bin/sh
# The figures of seed 001 (the 2007 first-half council report) for awards,
# courses, task forces and schedules: the demo database gives each of them
# in its own section of the text report, and each figure as a row of the
# CSV (section,item,value,unit).  The lists below are the seed's figures;
# a figure missing, moved to another section or changed fails the test.
. "$(dirname "$0")/lib.sh"

test_expect_success 'setup: the demo database and its council report' '
	(cd "$SRC_DIRECTORY" && sh tests/demo.sh "$INNO_BUILD" "$TRASH/demo") \
	    >/dev/null 2>demo.err &&
	test_must_be_empty demo.err &&
	INNO_CONFIG=$SRC_DIRECTORY/share/inno.ini &&
	export INNO_CONFIG &&
	tr -d "\r" <demo/council.csv >council.csv &&
	cp demo/council.text council.text &&
	test -s council.csv && test -s council.text
'

# rows FILE: every line of FILE is a row of council.csv.
rows() {
	while IFS= read -r line; do
		grep -Fxq -- "$line" council.csv || {
			echo "not a row of the CSV: $line" >&2
			return 1
		}
	done <"$1"
}

# lines FILE: every line of FILE is a line of the text report, in the
# section whose heading precedes it ("N. heading" or "III. heading").
lines() {
	while IFS='|' read -r section line; do
		awk -v s="$section" -v l="$line" '
			/^([0-9]+|[IVX]+)\. / { sub(/^[^ ]+ /, ""); in_s = ($0 == s); next }
			in_s && $0 == l { found = 1 }
			END { exit !found }' council.text || {
			echo "not in section $section: $line" >&2
			return 1
		}
	done <"$1"
}

test_expect_success 'awards: 7종, 18억원 with 3억, 10억 and 5억, 15 projects, the five major' '
	cat >expect.rows <<-\EOT &&
	그동안의 주요성과,수상,7,종
	그동안의 주요성과,인센티브 교부,1800,백만원
	그동안의 주요성과,인센티브 교부/지방행정혁신선도 자치단체 선정,300,백만원
	그동안의 주요성과,인센티브 교부/2005 지방행정혁신 평가결과 국무총리상,1000,백만원
	그동안의 주요성과,인센티브 교부/2006 지방행정혁신 평가결과 대통령상,500,백만원
	그동안의 주요성과,인센티브 활용 사업,15,개 사업
	그동안의 주요성과,교육환경개선사업 지원(자치행정과),550,백만원
	그동안의 주요성과,공공디자인거리 조성사업(건설관리과),200,백만원
	그동안의 주요성과,홈페이지 업그레이드 지원(전산정보과),171,백만원
	그동안의 주요성과,관급공약품질관리OK 시스템 구축(감사담당관),80,백만원
	그동안의 주요성과,어르신 정보문화센터 설치(가정복지과),26,백만원
	EOT
	rows expect.rows &&
	cat >expect.lines <<-\EOT &&
	그동안의 주요성과| ○ 수상 : 7종 (2006년 6, 2007년 1)
	그동안의 주요성과|   - 지방행정혁신선도 자치단체 선정 : 9. 5 (인센티브 : 3억원)
	그동안의 주요성과|   - 제11회 한국지방자치경영대상 종합대상 : 3. 21
	그동안의 주요성과|   - 2005 지방행정혁신 평가결과 국무총리상 : 4. 7 (인센티브 : 10억원)
	그동안의 주요성과|   - 정부 혁신수준 진단결과 혁신5단계 진입 : 8. 23
	그동안의 주요성과|   - 지방행정혁신 한마당 경진대회 대통령상 : 11. 23
	그동안의 주요성과|   - 2006 지식행정평가 행정자치부장관상 : 12. 4
	그동안의 주요성과|   - 제7회 공공혁신전국대회 행정혁신 대상 : 12. 22
	그동안의 주요성과|   - 2006 지방행정혁신 평가결과 대통령상 : 12. 27 (인센티브 : 5억원)
	그동안의 주요성과|   - 2006 행정서비스헌장 우수기관 행정자치부장관표창 : 6. 12
	그동안의 주요성과| ○ 인센티브 활용 사업 : 15개 사업
	그동안의 주요성과|   - 교육환경개선사업 지원(자치행정과) : 550백만원
	그동안의 주요성과|   - 어르신 정보문화센터 설치(가정복지과) : 26백만원
	EOT
	lines expect.lines &&
	test "$(grep -c "^   - 인센티브 지원사업" council.text)" = 0
'

test_expect_success 'the charter award lands in section 7 with its 118 institutions' '
	cat >expect.rows <<-\EOT &&
	행정서비스헌장제 운영,참여대상,118,기관
	EOT
	rows expect.rows &&
	cat >expect.lines <<-\EOT &&
	행정서비스헌장제 운영| ○ 2006 행정서비스헌장 우수기관 행정자치부장관표창 : 6. 12
	행정서비스헌장제 운영|   - 참여대상 : 118기관
	EOT
	lines expect.lines
'

test_expect_success 'task forces: 15 teams of 180, and the three tasks the seed names' '
	cat >expect.rows <<-\EOT &&
	지방행정 혁신과제 추진,행정혁신과제 실행체계 구축 (과제별 TFT),15,개팀
	지방행정 혁신과제 추진,과제별 TFT 구성원,180,명
	EOT
	rows expect.rows &&
	cat >expect.lines <<-\EOT &&
	지방행정 혁신과제 추진|   - 개별공시지가 민원문자 서비스 제공
	지방행정 혁신과제 추진|   - 자원봉사캠프 운영시스템 매뉴얼화
	지방행정 혁신과제 추진|   - 여성의 사회참여 활성화를 위한 여성교실 운영
	EOT
	lines expect.lines
'

test_expect_success 'section 3: e-learning rounds with their months and catalogues, the special training' '
	cat >expect.rows <<-\EOT &&
	현장밀착형 창의혁신 교육·학습,창의혁신 사이버 교육 실시,286,명
	현장밀착형 창의혁신 교육·학습,창의혁신 사이버 교육 실시/1차 (2~3월),154,명
	현장밀착형 창의혁신 교육·학습,창의혁신 사이버 교육 실시/2차 (4월),132,명
	현장밀착형 창의혁신 교육·학습,교육과정 (1·2차: 성과를 만드는 코칭의 기술 외),37,과정
	현장밀착형 창의혁신 교육·학습,3차 창의혁신 사이버 강의 진행중 (6. 10 ~ 7. 10),87,명
	현장밀착형 창의혁신 교육·학습,교육과정 (3차: 변화와 혁신의 리더 외),4,과정
	현장밀착형 창의혁신 교육·학습,창의혁신 특별교육 (3. 26),214,명
	EOT
	rows expect.rows &&
	cat >expect.lines <<-\EOT &&
	현장밀착형 창의혁신 교육·학습|   - 대 상 : 혁신주도그룹
	현장밀착형 창의혁신 교육·학습|   - 2007. 9월~10월 : 4차 창의혁신 사이버 강의 실시
	EOT
	lines expect.lines
'

test_expect_success 'sections 7 and 8: the charter and CS courses, not in section 3' '
	cat >expect.rows <<-\EOT &&
	행정서비스헌장제 운영,행정서비스헌장 전문기관위탁교육 (6. 19),15,명
	고객만족행정 추진,고객감동을 위한 CS리더워크숍 (5. 10),52,명
	고객만족행정 추진,영등포구 관리자 갈등(협상)관리 교육 (3. 23~24),53,명
	고객만족행정 추진,고객감동창의혁신 직원 특별교육 (5. 17),182,명
	고객만족행정 추진,갈등(협상)관리 역량강화 전문교육 (3회),1156,명
	EOT
	rows expect.rows &&
	cat >expect.lines <<-\EOT &&
	고객만족행정 추진| ○ 갈등(협상)관리 역량강화 전문교육 (3회) : 1,156명 (1차 (4. 10) 400, 2차 (5. 8) 400, 3차 (6. 5) 356)
	고객만족행정 추진|   - 대 상 : 6급이하
	고객만족행정 추진|   - 대 상 : 간부
	EOT
	lines expect.lines &&
	test_grep_not "^현장밀착형 창의혁신 교육·학습,.*워크숍" council.csv &&
	test_grep_not "^현장밀착형 창의혁신 교육·학습,.*갈등" council.csv
'

test_expect_success 'plans: one line for 7월·12월, and the undated item' '
	cat >expect.lines <<-\EOT &&
	지식행정 추진|   - 2007. 7월·12월 : 지식마일리지 운영평가(반기1회)
	지식행정 추진|   - 2007. 8월 : 학습동아리 경진대회 개최
	행정서비스헌장제 운영|   - 2007. 7월·12월 : 고객만족도 표본조사
	고객만족행정 추진|   - 2007. 9월~12월 : 웃음전문교육 실시(4회 620명)
	고객만족행정 추진|   - 언제든지 찾아가는 고객만족 교육 서비스 제공 : 필요시
	EOT
	lines expect.lines &&
	test "$(grep -c "지식마일리지 운영평가" council.text)" = 1
'

test_expect_success 'every part adds up in the demo report' '
	expect_code 0 report-build -d demo/inno.db --check --period=2007-H1 \
	    --as-of=2007-07-02 council &&
	test_must_be_empty err
'

test_done
