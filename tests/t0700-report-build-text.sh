#!/bin/sh
# report-build: the council report of a small office in text, md and csv,
# compared with the expected layout line by line.
. "$(dirname "$0")/lib.sh"

cat >teams.csv <<\EOT
dept,team,authorised
창의혁신단,기획팀,3
창의혁신단,지원팀,2
총무과,인사팀,4
EOT
cat >staff.csv <<\EOT
employee_id,name,grade,dept,team,joined,left
E01,김민수,5,창의혁신단,기획팀,2007-01-01,
E02,이서연,6,창의혁신단,기획팀,2007-01-01,
E03,박지훈,7,창의혁신단,기획팀,2007-01-01,
E04,최유진,7,창의혁신단,지원팀,2007-01-01,
E05,정하늘,9,창의혁신단,지원팀,2007-08-01,
E06,강도윤,6,총무과,인사팀,2007-01-01,
EOT
cat >tasks.csv <<\EOT
title,field,origin,dept,status,start,due
돌보미 시스템 구축,고객만족 제고,assigned,창의혁신단,in_progress,2007-01-02,2007-12-31
민원 문자 서비스,민원행정 개선,common,총무과,completed,2007-02-01,2007-06-30
정책 홍보 강화,정책홍보,own,총무과,selected,2007-03-01,2007-12-31
지난해 과제,정책홍보,own,총무과,completed,2006-01-01,2006-12-31
EOT
cat >inno.ini <<\EOT
[report]
office = 창의혁신단
EOT
INNO_CONFIG=$TRASH/inno.ini
export INNO_CONFIG

test_expect_success 'setup' '
	expect_code 0 staff-import -q --teams teams.csv &&
	expect_code 0 staff-import -q staff.csv &&
	expect_code 0 task-add -q tasks.csv &&
	expect_code 0 task-update -q --on=2007-02-01 --add-member=E02:leader \
		--add-member=E06 1 &&
	expect_code 0 task-update -q --on=2007-02-01 --add-member=E03 2
'

test_expect_success 'council as text: the Korean report layout' '
	expect_code 0 report-build --period=2007-H1 --as-of=2007-07-02 \
		council &&
	cat >expect <<-\EOT &&
	2007 제1차 구의회 정례회

	2007. 7. 2. ~ 7. 12.

	2007년도 주요업무추진현황

	2007. 7. 2.
	창의혁신단

	I. 일반 현황

	□ 인 력
	 ○ 정 원 : 5명 (기획팀 3, 지원팀 2)
	 ○ 현 원 : 4명 (기획팀 3, 지원팀 1)
	 ○ 직급별 현원 : 4명 (5급 1, 6급 1, 7급 2)

	II. 창의혁신을 위한 목표와 방향

	□ 비 전
	 ○ 고객만족과 성과중심의 일류 영등포 구현

	□ 목 표
	 ○ 창의혁신으로 주민만족 실현
	 ○ 성과형 혁신체계 정착

	□ 방 향
	 ○ 현장밀착형 혁신
	 ○ 주민참여형 혁신
	 ○ 지속 가능한 혁신
	 ○ 성과창출형 혁신

	III. 그동안의 주요성과

	□ 수상 및 인센티브
	 ○ 수상 : 0종
	 ○ 인센티브 교부 : 0백만원
	 ○ 인센티브 활용 사업 : 0개 사업

	IV. 2007 주요업무계획 추진실적

	1. 지방행정 혁신과제 추진

	□ 사업개요
	   - 추진방향
	     · 4대 중점 분야를 중심으로 혁신과제 추진으로 혁신역량 집중
	     · 가시적이고 구체적인 성과 창출 과제 추진
	     · 구민이 피부에 와 닿는 고객만족 과제 추진
	     · 행정의 효율성과 창의적 성과중심 조직 운영 과제 추진
	     · 지속 가능한 혁신문화 정착

	□ 추진실적
	 ○ 성과창출형 행정혁신 단위사업 : 3개
	   - 고객만족 제고 : 1개 (추진중 1)
	   - 민원행정 개선 : 1개 (완료 1)
	   - 정책홍보 : 1개 (선정 1)
	 ○ 혁신과제 분야 : 3개 분야
	 ○ 지방행정혁신 중점 혁신과제
	   - 고객만족 제고 : 돌보미 시스템 구축 (창의혁신단)
	 ○ 행정혁신과제 실행체계 구축 (과제별 TFT) : 2개팀
	 ○ 과제별 TFT 구성원 : 3명

	2. 지식행정 추진

	□ 추진실적
	 ○ 업무매뉴얼 등록 : 0건
	 ○ 지식 등록 : 0건
	 ○ 지식전문가의 지식평가 : 0건
	 ○ 학습동아리 등록 : 0개
	 ○ 활동비 지원 : 0개
	 ○ 활동비 지원액 : 0천원

	3. 현장밀착형 창의혁신 교육·학습

	□ 추진실적
	 ○ 창의혁신 사이버 교육 실시 : 0명

	4. 창의구정 활성화

	□ 추진실적
	 ○ 창의구정 아이디어 접수 : 0건 (심의 0, 심의대기 0)
	 ○ 창의아이디어 심의회 개최 : 0회
	 ○ 심의 결과 : 0건

	5. 지역정책연구포럼 참여

	6. 창의혁신 성과 공유·홍보

	□ 추진실적
	 ○ 혁신성과 벤치마킹 및 혁신우수사례 보고회 : 0기관 (우수사례 보고회 0, 벤치마킹 방문기관 0)
	 ○ 참석 인원 : 0명 (우수사례 보고회 0, 벤치마킹 방문기관 0)
	 ○ 우수기관 벤치마킹 실시 : 0회

	7. 행정서비스헌장제 운영

	□ 추진실적
	 ○ CS 및 창의혁신 MVP 표창 : 0명
	 ○ 월별 혁신마일리지 : 0점

	8. 고객만족행정 추진
	EOT
	test_cmp expect out &&
	test_must_be_empty err
'

test_expect_success 'text is the default format and council the default kind' '
	expect_code 0 report-build --period=2007-H1 --as-of=2007-07-02 &&
	mv out default &&
	expect_code 0 report-build --period=2007-H1 --as-of=2007-07-02 \
		--format=text council &&
	test_cmp default out
'

test_expect_success 'the as-of date decides who is counted' '
	expect_code 0 report-build --period=2007 --as-of=2007-12-31 staff &&
	test_grep "현 원 : 5명 (기획팀 3, 지원팀 2)" out &&
	test_grep "^2007년도 인력 현황$" out
'

test_expect_success 'without an office, every department is counted' '
	echo "[report]" >all.ini &&
	expect_code 0 report-build -c all.ini --period=2007-H1 \
		--as-of=2007-07-02 staff &&
	test_grep "정 원 : 9명 (창의혁신단 5, 총무과 4)" out &&
	test_must_be_empty err
'

test_expect_success 'council as markdown' '
	expect_code 0 report-build --period=2007-H1 --as-of=2007-07-02 \
		--format=md staff &&
	cat >expect <<-\EOT &&
	# 2007년도 인력 현황

	2007. 7. 2.  
	창의혁신단

	## I. 일반 현황

	### 인 력

	- **정 원**: 5명 (기획팀 3, 지원팀 2)
	- **현 원**: 4명 (기획팀 3, 지원팀 1)
	- **직급별 현원**: 4명 (5급 1, 6급 1, 7급 2)
	EOT
	test_cmp expect out &&
	test_must_be_empty err
'

test_expect_success 'council as csv: every figure a row, CRLF as RFC 4180 says' '
	expect_code 0 report-build --period=2007-H1 --as-of=2007-07-02 \
		--format=csv &&
	cat >expect <<-\EOT &&
	section,item,value,unit
	일반 현황,정 원,5,명
	일반 현황,정 원/기획팀,3,명
	일반 현황,정 원/지원팀,2,명
	일반 현황,현 원,4,명
	일반 현황,현 원/기획팀,3,명
	일반 현황,현 원/지원팀,1,명
	일반 현황,직급별 현원,4,명
	일반 현황,직급별 현원/5급,1,명
	일반 현황,직급별 현원/6급,1,명
	일반 현황,직급별 현원/7급,2,명
	그동안의 주요성과,수상,0,종
	그동안의 주요성과,인센티브 교부,0,백만원
	그동안의 주요성과,인센티브 활용 사업,0,개 사업
	지방행정 혁신과제 추진,성과창출형 행정혁신 단위사업,3,개
	지방행정 혁신과제 추진,성과창출형 행정혁신 단위사업/고객만족 제고,1,개
	지방행정 혁신과제 추진,성과창출형 행정혁신 단위사업/고객만족 제고/추진중,1,개
	지방행정 혁신과제 추진,성과창출형 행정혁신 단위사업/민원행정 개선,1,개
	지방행정 혁신과제 추진,성과창출형 행정혁신 단위사업/민원행정 개선/완료,1,개
	지방행정 혁신과제 추진,성과창출형 행정혁신 단위사업/정책홍보,1,개
	지방행정 혁신과제 추진,성과창출형 행정혁신 단위사업/정책홍보/선정,1,개
	지방행정 혁신과제 추진,혁신과제 분야,3,개 분야
	지방행정 혁신과제 추진,행정혁신과제 실행체계 구축 (과제별 TFT),2,개팀
	지방행정 혁신과제 추진,과제별 TFT 구성원,3,명
	지식행정 추진,업무매뉴얼 등록,0,건
	지식행정 추진,지식 등록,0,건
	지식행정 추진,지식전문가의 지식평가,0,건
	지식행정 추진,학습동아리 등록,0,개
	지식행정 추진,활동비 지원,0,개
	지식행정 추진,활동비 지원액,0,천원
	현장밀착형 창의혁신 교육·학습,창의혁신 사이버 교육 실시,0,명
	창의구정 활성화,창의구정 아이디어 접수,0,건
	창의구정 활성화,창의구정 아이디어 접수/심의,0,건
	창의구정 활성화,창의구정 아이디어 접수/심의대기,0,건
	창의구정 활성화,창의아이디어 심의회 개최,0,회
	창의구정 활성화,심의 결과,0,건
	창의혁신 성과 공유·홍보,혁신성과 벤치마킹 및 혁신우수사례 보고회,0,기관
	창의혁신 성과 공유·홍보,혁신성과 벤치마킹 및 혁신우수사례 보고회/우수사례 보고회,0,회
	창의혁신 성과 공유·홍보,혁신성과 벤치마킹 및 혁신우수사례 보고회/벤치마킹 방문기관,0,기관
	창의혁신 성과 공유·홍보,참석 인원,0,명
	창의혁신 성과 공유·홍보,참석 인원/우수사례 보고회,0,명
	창의혁신 성과 공유·홍보,참석 인원/벤치마킹 방문기관,0,명
	창의혁신 성과 공유·홍보,우수기관 벤치마킹 실시,0,회
	행정서비스헌장제 운영,CS 및 창의혁신 MVP 표창,0,명
	행정서비스헌장제 운영,월별 혁신마일리지,0,점
	EOT
	printf "section,item,value,unit\r\n" >header &&
	head -n 1 out | cmp - header &&
	tr -d "\r" <out >out.lf &&
	test_cmp expect out.lf &&
	test_must_be_empty err
'

test_expect_success '-o writes the report to a file' '
	expect_code 0 report-build --period=2007-H1 --as-of=2007-07-02 \
		--format=csv -o report.csv &&
	test_must_be_empty out &&
	test_must_be_empty err &&
	test_grep "^일반 현황,현 원,4,명" report.csv
'

test_expect_success 'csv follows [csv] encoding, for Korean Excel' '
	printf "[report]\noffice = 창의혁신단\n[csv]\nencoding = utf-8-bom\n" >bom.ini &&
	expect_code 0 report-build -c bom.ini --period=2007-H1 --format=csv &&
	head -c 3 out | od -An -tx1 | tr -d " \n" >bom &&
	echo efbbbf >expect && printf "%s\n" "$(cat bom)" >got &&
	test_cmp expect got &&
	printf "[report]\noffice = 창의혁신단\n[csv]\nencoding = cp949\n" >cp.ini &&
	expect_code 0 report-build -c cp.ini --period=2007-H1 --format=csv &&
	iconv -f CP949 -t UTF-8 out | grep "^일반 현황,정 원,5,명"
'

test_expect_success 'a write error exits 4' '
	expect_code 4 sh -c "report-build --period=2007 >/dev/full" &&
	test_grep "write error" err
'

test_done
