#!/bin/sh
# The demo database holds every figure of seed 001's programme activity
# that is not a task, club, course, idea or visit (activity-log, body-add
# and its kin), and the 2007-H1 council report shows each in its section
# and gives each a row of its CSV: the forum (3 sessions, 25 attendances,
# 10 managers: 5급 3, 6급 7), the knowledge programme's launch (3.19),
# events (2) and monitoring rounds (5, monthly), INNO246 (125 members, 33
# cases, 「e-편한보건소」), the newsletters (혁신사랑 12, e-poster 18), press
# (80), the results book (200), online posts (80), the festival (3), the
# 혁신포럼 of 6.20, the charter's self-evaluation (16 fields, 22
# departments, 5 awarded, 5 months evaluated), the photo exhibition (75),
# 폭소운동 (13 동, 545 residents) and the innovation level (4단계 → 5단계).
. "$(dirname "$0")/lib.sh"

# section NAME: the lines of the text report's section NAME, up to the next.
section() {
	awk -v h="$1" '/^[0-9IVX]+\. / { on = index($0, h) > 0; next } on' \
		report.text
}

test_expect_success 'setup: the demo database and its council report' '
	expect_code 0 sh -c "cd \"\$1\" && sh tests/demo.sh \"\$2\" \"\$3\"" \
		demo "$SRC_DIRECTORY" "$INNO_BUILD" "$TRASH/demo" &&
	test_must_be_empty err &&
	expect_code 0 report-build -d demo/inno.db council --period=2007-H1 --as-of=2007-07-02 &&
	test_must_be_empty err &&
	mv out report.text &&
	expect_code 0 report-build -d demo/inno.db council --period=2007-H1 --as-of=2007-07-02 \
		--format=csv &&
	test_must_be_empty err &&
	tr -d "\r" <out >report.csv
'

test_expect_success 'section 5: the forum, its sessions and who took part' '
	section "지역정책연구포럼 참여" >sec &&
	test_grep "^ ○ 포럼참가 : 3회$" sec &&
	test_grep "^   - 연인원 참석 : 25명$" sec &&
	test_grep "^   - 참여인원 : 10명 (5급 3, 6급 7)$" sec &&
	cat >expect <<-\EOT &&
	지역정책연구포럼 참여,포럼참가,3,회
	지역정책연구포럼 참여,연인원 참석,25,명
	지역정책연구포럼 참여,참여인원,10,명
	지역정책연구포럼 참여,참여인원/5급,3,명
	지역정책연구포럼 참여,참여인원/6급,7,명
	EOT
	grep "^지역정책연구포럼 참여,[포연참]" report.csv >actual &&
	test_cmp expect actual
'

test_expect_success 'section 2: the launch, events, monitoring and INNO246' '
	section "지식행정 추진" >sec &&
	test_grep "^ ○ 서울시 「업무혁신지식공유방」 도입 및 개편 운영 : 3. 19$" sec &&
	test_grep_not "공유방" report.csv &&
	test_grep "^ ○ 활성화이벤트 실시 : 2회 (업무혁신제안 콘테스트 1, 질문왕답변왕 선발대회 1)$" sec &&
	test_grep "^ ○ 부서별 지식활동 모니터링 실시 (매월) : 5회 (2월 1, 3월 1, 4월 1, 5월 1, 6월 1)$" sec &&
	test_grep "^ ○ 지방행정혁신 홈페이지(INNO246) 활동 회원 : 125명$" sec &&
	test_grep "^   - 우리구 우수사례 등록수 : 33건$" sec &&
	test_grep "^   - 최종 우수사례 선정 「e-편한보건소」 : 1건$" sec &&
	cat >expect <<-\EOT &&
	지식행정 추진,활성화이벤트 실시,2,회
	지식행정 추진,활성화이벤트 실시/업무혁신제안 콘테스트,1,회
	지식행정 추진,활성화이벤트 실시/질문왕답변왕 선발대회,1,회
	지식행정 추진,부서별 지식활동 모니터링 실시 (매월),5,회
	지식행정 추진,부서별 지식활동 모니터링 실시 (매월)/2월,1,회
	지식행정 추진,부서별 지식활동 모니터링 실시 (매월)/3월,1,회
	지식행정 추진,부서별 지식활동 모니터링 실시 (매월)/4월,1,회
	지식행정 추진,부서별 지식활동 모니터링 실시 (매월)/5월,1,회
	지식행정 추진,부서별 지식활동 모니터링 실시 (매월)/6월,1,회
	지식행정 추진,지방행정혁신 홈페이지(INNO246) 활동 회원,125,명
	지식행정 추진,우리구 우수사례 등록수,33,건
	지식행정 추진,최종 우수사례 선정 「e-편한보건소」,1,건
	EOT
	sed -n "/^지식행정 추진,활성화/,/^지식행정 추진,최종/p" report.csv >actual &&
	test_cmp expect actual
'

test_expect_success 'section 3: the newsletter and the e-poster' '
	section "현장밀착형 창의혁신 교육·학습" >sec &&
	test_grep "^ ○ 혁신사랑 격주 발간 : 12회$" sec &&
	test_grep "^ ○ 창의혁신 e-포스터 교육 게시 : 18회$" sec &&
	test_grep "^현장밀착형 창의혁신 교육·학습,혁신사랑 격주 발간,12,회$" report.csv &&
	test_grep "^현장밀착형 창의혁신 교육·학습,창의혁신 e-포스터 교육 게시,18,회$" report.csv
'

test_expect_success 'section 6: press, the book, online, the festival, the forum' '
	section "창의혁신 성과 공유·홍보" >sec &&
	test_grep "^ ○ TV·신문 등 언론 매체 활용 : 80회$" sec &&
	test_grep "^ ○ 2006년도 혁신 성과집 발간 및 배부 : 200부$" sec &&
	test_grep "^ ○ 온라인을 통한 혁신사례 공유 (혁신랜드·INNO 246) : 80건$" sec &&
	test_grep "^ ○ 2007년 한강 여의도 봄꽃축제 혁신폭소 이벤트 실시 : 3회$" sec &&
	test_grep "^ ○ 혁신포럼(민간협력 네트워크) 개최로 혁신성과 공유 (6. 20) : 1회$" sec &&
	cat >expect <<-\EOT &&
	창의혁신 성과 공유·홍보,TV·신문 등 언론 매체 활용,80,회
	창의혁신 성과 공유·홍보,2006년도 혁신 성과집 발간 및 배부,200,부
	창의혁신 성과 공유·홍보,온라인을 통한 혁신사례 공유 (혁신랜드·INNO 246),80,건
	창의혁신 성과 공유·홍보,2007년 한강 여의도 봄꽃축제 혁신폭소 이벤트 실시,3,회
	창의혁신 성과 공유·홍보,혁신포럼(민간협력 네트워크) 개최로 혁신성과 공유 (6. 20),1,회
	EOT
	sed -n "/^창의혁신 성과 공유·홍보,TV/,/^창의혁신 성과 공유·홍보,혁신포럼/p" \
		report.csv >actual &&
	test_cmp expect actual
'

test_expect_success 'section 7: the service charter self-evaluation' '
	section "행정서비스헌장제 운영" >sec &&
	test_grep "^ ○ 2007년 상반기 행정서비스헌장 이행기준달성도 자체평가·시상 (평가기간 : 2007. 5. 28. ~ 5. 31.)$" sec &&
	test_grep "^   - 대상기간 (2006. 12. 1. ~ 2007. 4. 30.) : 5개월$" sec &&
	test_grep "^   - 평가대상 분야 : 16개 분야$" sec &&
	test_grep "^   - 평가대상 부서 : 22개 부서$" sec &&
	test_grep "^   - 수상부서 (지적과 외 4개) : 5개$" sec &&
	cat >expect <<-\EOT &&
	행정서비스헌장제 운영,평가대상 분야,16,개 분야
	행정서비스헌장제 운영,평가대상 부서,22,개 부서
	행정서비스헌장제 운영,수상부서 (지적과 외 4개),5,개
	행정서비스헌장제 운영,대상기간 (2006. 12. 1. ~ 2007. 4. 30.),5,개월
	EOT
	sed -n "/^행정서비스헌장제 운영,평가대상 분야/,/^행정서비스헌장제 운영,대상기간/p" \
		report.csv >actual &&
	test_cmp expect actual
'

test_expect_success 'section 8: the photo exhibition and 폭소운동' '
	section "고객만족행정 추진" >sec &&
	test_grep "^ ○ 여의도 봄꽃 축제 참여자 웃음체험, 폭소운동 사진전 : 75점$" sec &&
	test_grep "^ ○ 찾아가는 신바람 혁신폭소운동 : 13개동$" sec &&
	test_grep "^   - 참여 주민 : 545명$" sec &&
	cat >expect <<-\EOT &&
	고객만족행정 추진,"여의도 봄꽃 축제 참여자 웃음체험, 폭소운동 사진전",75,점
	고객만족행정 추진,찾아가는 신바람 혁신폭소운동,13,개동
	고객만족행정 추진,참여 주민,545,명
	EOT
	grep "^고객만족행정 추진,[\"찾참]" report.csv >actual &&
	test_cmp expect actual
'

test_expect_success 'section III: the innovation level, 4단계 to 5단계' '
	section "그동안의 주요성과" >sec &&
	test_grep "^ ○ 정부 혁신수준 진단결과 혁신수준 (.06년) : 5단계$" sec &&
	test_grep "^   - 정부 혁신수준 진단결과 혁신수준 (.05년) : 4단계$" sec &&
	test_grep "^그동안의 주요성과,정부 혁신수준 진단결과 혁신수준 (.06년),5,단계$" report.csv &&
	test_grep "^그동안의 주요성과,정부 혁신수준 진단결과 혁신수준 (.05년),4,단계$" report.csv
'

test_expect_success 'the figures agree with activity-list and body-list' '
	expect_code 0 activity-list -d demo/inno.db --programme="지역정책연구포럼 참여" \
		--period=2007-H1 --by=kind --format=csv \
		--columns=kind,records,times,people &&
	printf "kind,records,times,people\nforum,3,3,25\n" >expect &&
	tr -d "\r" <out >actual && test_cmp expect actual &&
	expect_code 0 body-list -d demo/inno.db --period=2007-H1 --programme="창의혁신 성과 공유·홍보" \
		--format=csv --columns=name,note,meetings,attendance &&
	printf "name,note,meetings,attendance\n혁신포럼,민간협력 네트워크,1,80\n" >expect &&
	tr -d "\r" <out >actual && test_cmp expect actual
'

test_expect_success 'the 2006 bodies of the plan: committee, council, forums' '
	expect_code 0 body-list -d demo/inno.db --as-of=2006-12-31 --period=2006 \
		--format=csv \
		--columns=name,kind,chair,cadence,members,staff,outside,meetings &&
	cat >expect <<-\EOT &&
	name,kind,chair,cadence,members,staff,outside,meetings
	행정혁신위원회,committee,이정민(서울대학교),quarterly,15,0,15,4
	수도권 혁신선도자치단체 협의회,council,인천광역시,bimonthly,7,0,7,6
	수도권 혁신포럼(정책품질관리),forum,영등포구,quarterly,3,0,3,4
	지역정책연구포럼,forum,(사)한국공공자치연구원,monthly,10,10,0,10
	혁신포럼,forum,,half_yearly,3,1,2,1
	EOT
	tr -d "\r" <out >actual && test_cmp expect actual &&
	expect_code 0 body-list -d demo/inno.db --show=members \
		--body="협의회" --format=csv --columns=role,name,affiliation &&
	cat >expect <<-\EOT &&
	role,name,affiliation
	chair,인천광역시,광역
	member,영등포구,기초
	member,수원시,기초
	member,부천시,기초
	member,김포시,기초
	member,양평군,기초
	member,인천남구,기초
	EOT
	tr -d "\r" <out >actual && test_cmp expect actual
'

test_done
