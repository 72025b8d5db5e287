#!/bin/sh
# The 2006 plan (seed 000) from the demo: report-build plan --period=2006
# on the demo's 2006 database, with share/report/plan-2006.ini, shows each
# item of the seed in its three-part structure, and its CSV has every
# figure the records give as a row.  The bodies (the forum of 10, the
# committee of 15 outside experts meeting quarterly, the capital-region
# council of 7 with Incheon chairing every other month, the joint forum
# with 수원시 and 인천남구) come from body-add and body-join, the courses
# without dates (하반기 1회, 연 4회) from course-add, and the MVP rules
# (1명 a month, the year-end 5) from [mvp] and [mvp.year]; a changed
# record or configuration changes the plan.  The sentences and the 2005
# results are the wording file's and are checked in the text too.  The seed's "4개 동아리 51명" does not add up
# (15 + 11 + 13 + 10 = 49): the plan gives 49, the sum of its parts.
. "$(dirname "$0")/lib.sh"

test_expect_success 'setup: the demo writes the plan in every format' '
	expect_code 0 sh -c "cd \"\$1\" && sh tests/demo.sh \"\$2\" \"\$3\"" \
		demo "$SRC_DIRECTORY" "$INNO_BUILD" "$TRASH/demo" &&
	test_must_be_empty err &&
	for f in text md html csv xlsx; do test -s demo/plan.$f || return 1; done &&
	cp demo/plan.text plan.text && cp demo/plan.csv plan.csv
'

test_expect_success 'the title, the office and the structure: two parts, then three' '
	grep "^[IVX]*\. " plan.text >actual &&
	cat >expect <<-\EOT &&
	I. 일반 현황
	II. 구정 혁신 비전
	III. 혁신역량의 강화
	IV. 혁신과제의 체계적 추진
	V. 혁신선도단체 임무의 성공적 수행
	EOT
	test_cmp expect actual &&
	test_grep "^2006년도 주요업무계획$" plan.text &&
	test_grep "^혁신기획단$" plan.text
'

test_expect_success 'every item of the seed, in its part and section' '
	grep -v "^#" "$SRC_DIRECTORY/tests/seed/000-plan.txt" >expect &&
	sed -n "/^I\. /,\$p" plan.text >actual &&
	test_cmp expect actual
'

test_expect_success 'the numbered items of each part' '
	sed -n "/^III\. /,\$p" plan.text | grep -E "^([IVX]+|[0-9]+)\. " >actual &&
	cat >expect <<-\EOT &&
	III. 혁신역량의 강화
	1. 혁신주도그룹 육성·지원
	2. 학습·연구 동아리 운영
	3. 혁신포럼 및 대회참가
	4. 체계적인 혁신교육
	5. 혁신마일리지 운영
	6. 우수기관 벤치마킹 활성화
	7. 행정혁신위원회 구성·운영
	IV. 혁신과제의 체계적 추진
	1. 혁신과제 발굴
	2. 혁신과제 관리 및 모니터링
	3. 일 하는 방식의 개선
	4. 제도개선 및 민원행정 추진
	5. 지식관리 활성화
	V. 혁신선도단체 임무의 성공적 수행
	1. 중점(지정)과제 수행
	2. 수도권 혁신선도자치단체 협의회 운영참여
	3. 수도권 혁신포럼 구성 운영
	EOT
	test_cmp expect actual
'

test_expect_success 'general status: staff by grade and the budgets, from records' '
	test_grep "^ ○ 인력 (총) : 13명 (5급 1, 6급 4, 7급 4, 8급 1, 9급 3)$" plan.text &&
	test_grep "^ ○ 본 예산 : 97,280천원$" plan.text &&
	test_grep "^ ○ 재정인센티브(특별교부세) 사업예산 : 238,500천원$" plan.text
'

test_expect_success 'the vision, goals, directions and strategies of the plan' '
	test_grep "^2\. 추진 목표$" plan.text &&
	test_grep "^ ○ 혁신역량 강화 및 지속가능한 혁신시스템 구축$" plan.text &&
	test_grep "^ ○ 행정혁신을 통한 지방행정혁신 성공모델 창출$" plan.text &&
	test_grep "^4\. 추진 전략$" plan.text &&
	test_grep "^ ○ 지속가능한 혁신추진시스템 구축$" plan.text
'

test_expect_success 'leader groups by grade band, and their workshops' '
	test_grep "^ ○ 구성 및 기능 : 3개 그룹$" plan.text &&
	test_grep "^ ○ 구성원 : 72명 (혁신리더 (5~6급) 21, 변화관리자 (6~9급) 32, 혁신새싹 (8~9급) 19)$" plan.text &&
	test_grep "^ ○ 운영방법 : 월 1~2회 워크숍$" plan.text
'

test_expect_success 'the clubs with their members' '
	test_grep "^ ○ 학습·연구 동아리 현황 : 4개$" plan.text &&
	test_grep "^ ○ 동아리 회원 : 49명 (.*정책품질관리 15.*)$" plan.text &&
	test_grep "조직인사관리 11" plan.text &&
	test_grep "민원제도개선 13" plan.text &&
	test_grep "지방재정연구 10" plan.text
'

test_expect_success 'forum, the courses with their targets, and the 2005 results' '
	test_grep "^ ○ 지역정책연구포럼 (월 1회) 회원 : 10명$" plan.text &&
	test_grep "^ ○ 혁신사이버 교육 : 2개 분야$" plan.text &&
	test_grep "^   - 혁신 사이버 강의 (2006. 3월~9월, 500명(6급이상 223, 동아리·주도그룹 143, 신청자 134)) : 1회$" plan.text &&
	test_grep "^   - 온라인 혁신포스터 교육 (2006. 1월~12월, 전직원) : 3회$" plan.text &&
	test_grep "^     · 교육내용 (이노베이션, 리더쉽, BSC 등 택일) : 75과정$" plan.text &&
	test_grep "^ ○ 관리자 변화 혁신교육 (하반기, 6급이상, 230명) : 1회$" plan.text &&
	test_grep "^ ○ 학습연구 동아리 교육 (연중, 전문강사 초빙, 연인원 200명) : 4회$" plan.text &&
	test_grep "^ ○ 전 직원 혁신특별교육 (연중, 전문강사 초빙, 전직원) : 6회$" plan.text &&
	test_grep "^ ○ 혁신주도그룹 교육 (혁신리더, 변화관리자, 혁신새싹) : 3개 그룹$" plan.text &&
	test_grep "^□ ※ 2005년 실적$" plan.text &&
	test_grep "^ ○ 지방행정혁신 특별교육 : 총 3회(2005.6.15, 11.4, 11.9)$" plan.text
'

test_expect_success 'the mileage and MVP rules, from the configuration' '
	test_grep "^   - 업무혁신 경진대회 참여 : 5점$" plan.text &&
	test_grep "^   - 혁신 아이디어 제안 : 2점$" plan.text &&
	test_grep "^   - 혁신 MVP 선발·포상 (개인, 부서, 매월) : 1명$" plan.text &&
	test_grep "^   - 혁신·CS 통합마일리지 우수자 포상 (개인, 연말) : 5명$" plan.text &&
	test_grep "^   - 모범 공무원상 추천 등$" plan.text
'

test_expect_success 'schedules and cadences of the tasks' '
	test_grep "^   - 2006. 1. 17. : 혁신과제 추진계획 보고회 1차 (화) 09:00$" plan.text &&
	test_grep "^   - 2006. 2. 14. : 혁신과제 추진계획 보고회 2차 (화) 09:00$" plan.text &&
	test_grep "^   - 2006. 3월 : 혁신과제 관리시스템 구축$" plan.text &&
	test_grep "^   - 부구청장 주재 : 매월1회 (매월 넷째주 화요일)$" plan.text &&
	test_grep "^ ○ 과제실행팀(TFT) 구성원 : 21명 (업무프로세스 개선W/G 11, 불필요한 일 버리기W/G 10)$" plan.text &&
	test_grep "^ ○ 과제실행팀(TFT) 구성 : 2개팀$" plan.text &&
	test_grep "^일 하는 방식의 개선,과제실행팀(TFT) 구성원,21,명" plan.csv &&
	test_grep "^일 하는 방식의 개선,과제실행팀(TFT) 구성원/업무프로세스 개선W/G,11,명" plan.csv &&
	test_grep "^일 하는 방식의 개선,과제실행팀(TFT) 구성원/불필요한 일 버리기W/G,10,명" plan.csv
'

test_expect_success 'knowledge types and the quarterly awards, from the configuration' '
	test_grep "^ ○ 지식유형(분야별 분류) (업무지식, 생활지식, 업무편람) : 3종$" plan.text &&
	test_grep "^ ○ 우수 지식물 포상(분기별) : 4건 (최우수 1, 우수 3)$" plan.text
'

test_expect_success 'the committee, from its members and cadence' '
	sed -n "/^7\. 행정혁신위원회/,/^\$/p" plan.text >actual &&
	cat >expect <<-\EOT &&
	7. 행정혁신위원회 구성·운영
	 ○ 구 성 - 외부전문가(주민, 시민단체, 기업인, 전문가) : 15명 내외
	 ○ 기 능 : 혁신 전문가 자문그룹 운영
	   - 행정혁신 전략의 조정 및 혁신방향 결정
	   - 혁신과제 발굴·선정 실천 및 정착방안 강구
	   - 기타 행정혁신 추진과 관련된 자문, 교육 등에 참여
	 ○ 운 영
	   - 정례회의 (분기별 1회 개최, 필요시 수시 개최) : 4회
	   - 서울시행정혁신협의회 및 서울시행정혁신실무협의회와 연계 운영

	EOT
	test_cmp expect actual
'

test_expect_success 'the council and the joint forum of the third part, from records' '
	sed -n "/^2\. 수도권 혁신선도자치단체/,\$p" plan.text >actual &&
	cat >expect <<-\EOT &&
	2. 수도권 혁신선도자치단체 협의회 운영참여
	 ○ 구 성 : 7개 자치단체 (광역 1, 기초 6)
	   - 협의회 회장 단체 : 인천광역시
	   - 회원단체 : 영등포구, 수원시, 부천시, 김포시, 양평군, 인천남구
	 ○ 기 능 : 권역별 혁신과제 추진 정보공유, 실천방안 협의, 혁신장애요소 해소 등
	 ○ 운 영
	   - 정기회 (격월 개최 ※ 자치단체 순회개최(예정)) : 6회
	   - 운 영 : 실무추진협의회 구성·운영

	3. 수도권 혁신포럼 구성 운영
	 ○ 구성 및 운영
	   - 1개 과제별 3,4개 단체로 포럼구성 및 공동추진
	   - 지정과제 추진 단체에서 해당과제 포럼 주관
	 ○ 우리구 주관 과제 : 정책품질관리
	   - 참여단체 (수원시, 인천남구) : 2개 단체
	EOT
	test_cmp expect actual
'

test_expect_success 'the figures of bodies, courses and rules are rows of the CSV' '
	tr -d "\r" <plan.csv >csv &&
	cat >expect <<-\EOT &&
	혁신포럼 및 대회참가,지역정책연구포럼 (월 1회) 회원,10,명
	체계적인 혁신교육,혁신사이버 교육,2,개 분야
	체계적인 혁신교육,"교육내용 (이노베이션, 리더쉽, BSC 등 택일)",75,과정
	체계적인 혁신교육,"전 직원 혁신특별교육 (연중, 전문강사 초빙, 전직원)",6,회
	체계적인 혁신교육,"학습연구 동아리 교육 (연중, 전문강사 초빙, 연인원 200명)",4,회
	체계적인 혁신교육,"관리자 변화 혁신교육 (하반기, 6급이상, 230명)",1,회
	체계적인 혁신교육,"혁신주도그룹 교육 (혁신리더, 변화관리자, 혁신새싹)",3,개 그룹
	혁신마일리지 운영,"혁신 MVP 선발·포상 (개인, 부서, 매월)",1,명
	혁신마일리지 운영,"혁신·CS 통합마일리지 우수자 포상 (개인, 연말)",5,명
	행정혁신위원회 구성·운영,"구 성 - 외부전문가(주민, 시민단체, 기업인, 전문가)",15,명 내외
	행정혁신위원회 구성·운영,"정례회의 (분기별 1회 개최, 필요시 수시 개최)",4,회
	수도권 혁신선도자치단체 협의회 운영참여,구 성,7,개 자치단체
	수도권 혁신선도자치단체 협의회 운영참여,구 성/광역,1,개
	수도권 혁신선도자치단체 협의회 운영참여,구 성/기초,6,개
	수도권 혁신선도자치단체 협의회 운영참여,정기회 (격월 개최 ※ 자치단체 순회개최(예정)),6,회
	수도권 혁신포럼 구성 운영,"참여단체 (수원시, 인천남구)",2,개 단체
	EOT
	grep -E "\) 회원,|혁신사이버 교육,|택일|연중|하반기|주도그룹 교육|MVP|통합마일리지|외부전문가|정례회의|^수도권" csv >actual &&
	test_cmp expect actual
'

test_expect_success 'a new committee member, a course round and the rules change the plan' '
	cp demo/2006/inno.db changed.db &&
	cat >member.csv <<-\EOT &&
	body,employee_id,name,affiliation,role,joined
	행정혁신위원회,,문지호,한국외국어대학교,member,2005-12-01
	지역정책연구포럼,P012,,,member,2006-01-02
	EOT
	expect_code 0 body-join -q -d changed.db member.csv &&
	test_must_be_empty out && test_must_be_empty err &&
	cat >round.csv <<-\EOT &&
	name,kind,round,start,end,hours,target
	관리자 변화 혁신교육,special,2,2006-07-01,2006-12-31,,"6급이상, 230명"
	EOT
	expect_code 0 course-add -q -d changed.db round.csv &&
	test_must_be_empty err &&
	cat >rules.ini <<-\EOT &&
	[mvp.year]
	period = year
	kinds = both
	winners = 3
	EOT
	INNO_CONFIG=$TRASH/rules.ini expect_code 0 report-build -d changed.db \
		--period=2006 --as-of=2006-01-02 plan &&
	test_must_be_empty err &&
	test_grep "^ ○ 구 성 - 외부전문가(주민, 시민단체, 기업인, 전문가) : 16명 내외$" out &&
	test_grep "^ ○ 지역정책연구포럼 (월 1회) 회원 : 11명$" out &&
	test_grep "^ ○ 관리자 변화 혁신교육 (하반기, 6급이상, 230명) : 2회$" out &&
	test_grep "^   - 혁신·CS 통합마일리지 우수자 포상 (개인, 연말) : 3명$" out
'

test_expect_success 'a scheme the configuration lacks is left out of the plan' '
	expect_code 0 report-build -d demo/2006/inno.db --period=2006 \
		--as-of=2006-01-02 plan &&
	test_must_be_empty err &&
	test_grep "혁신 MVP 선발·포상 (개인, 부서, 매월) : 1명" out &&
	! grep "통합마일리지" out
'

test_expect_success 'the CSV has each figure of the records as a row' '
	tr -d "\r" <plan.csv >csv &&
	cat >expect <<-\EOT &&
	section,item,value,unit
	인력 및 조직,인력 (총),13,명
	인력 및 조직,인력 (총)/5급,1,명
	인력 및 조직,인력 (총)/6급,4,명
	인력 및 조직,인력 (총)/7급,4,명
	인력 및 조직,인력 (총)/8급,1,명
	인력 및 조직,인력 (총)/9급,3,명
	예산,본 예산,97280,천원
	예산,재정인센티브(특별교부세) 사업예산,238500,천원
	혁신주도그룹 육성·지원,구성 및 기능,3,개 그룹
	혁신주도그룹 육성·지원,구성원,72,명
	혁신주도그룹 육성·지원,구성원/혁신리더 (5~6급),21,명
	혁신주도그룹 육성·지원,구성원/변화관리자 (6~9급),32,명
	혁신주도그룹 육성·지원,구성원/혁신새싹 (8~9급),19,명
	학습·연구 동아리 운영,학습·연구 동아리 현황,4,개
	EOT
	head -15 csv >actual &&
	test_cmp expect actual &&
	test_grep "^학습·연구 동아리 운영,동아리 회원/정책품질관리,15,명$" csv &&
	test_grep "^학습·연구 동아리 운영,동아리 회원/조직인사관리,11,명$" csv &&
	test_grep "^체계적인 혁신교육,\"혁신 사이버 강의 (2006. 3월~9월, 500명(6급이상 223, 동아리·주도그룹 143, 신청자 134))\",1,회$" csv &&
	test_grep "^혁신마일리지 운영,업무혁신 경진대회 참여,5,점$" csv &&
	test_grep "^지식관리 활성화,우수 지식물 포상(분기별)/최우수,1,건$" csv &&
	test_grep "^지식관리 활성화,우수 지식물 포상(분기별)/우수,3,건$" csv
'

test_expect_success 'a body line of an unknown figure, or without one, is refused' '
	sed "s/^body1 = outside |/body1 = guests |/" \
		"$SRC_DIRECTORY/share/report/plan-2006.ini" >guests.ini &&
	expect_code 2 report-build -d demo/2006/inno.db --period=2006 \
		--as-of=2006-01-02 --wording=guests.ini plan &&
	test_must_be_empty out &&
	echo "report-build: section plan.committee: unknown body figure guests (expected text, members, staff, outside, others, affiliations, cadence or meetings)" >expect &&
	test_cmp expect err &&
	sed "s/^body1 = outside | /body1 = /" \
		"$SRC_DIRECTORY/share/report/plan-2006.ini" >bare.ini &&
	expect_code 2 report-build -d demo/2006/inno.db --period=2006 \
		--as-of=2006-01-02 --wording=bare.ini plan &&
	test_must_be_empty out &&
	echo "report-build: section plan.committee: expected WHAT | LINE, not ○ 구 성 - 외부전문가(주민, 시민단체, 기업인, 전문가)" >expect &&
	test_cmp expect err
'

test_expect_success 'the plan checks: parts add up' '
	expect_code 0 report-build -d demo/2006/inno.db --period=2006 \
		--as-of=2006-01-02 --check plan &&
	test_must_be_empty out &&
	test_must_be_empty err
'

test_done
