#!/bin/sh
# activity-log and activity-list: programme activity of the wording's
# kinds and programmes, with counts and the employees who took part, from
# options or CSV, all or nothing; listings and totals.
. "$(dirname "$0")/lib.sh"

strip() { tr -d "\r" <"$1" >actual; }

test_expect_success 'setup' '
	setup_staff
'

test_expect_success 'one activity from options prints its id' '
	expect_code 0 activity-log --programme="지역정책연구포럼 참여" \
		--kind=forum --date=2007-03-22 --employees="E01 E02 E06" &&
	echo 1 >expect && test_cmp expect out && test_must_be_empty err
'

test_expect_success 'an unknown kind is refused with the known ones' '
	expect_code 1 activity-log --programme="지식행정 추진" --kind=seminar \
		--date=2007-06-01 &&
	test_must_be_empty out &&
	test_grep "^activity-log: --kind: seminar: no such kind in the report wording (forum, launch, contest, " err
'

test_expect_success 'an unknown programme, a bad span, a repeated employee' '
	expect_code 1 activity-log --programme="지식 행정" --kind=contest \
		--date=2007-06-01 &&
	test_grep "^activity-log: --programme: 지식 행정: no such programme in the report wording (" err &&
	expect_code 1 activity-log --programme="지식행정 추진" --kind=contest \
		--date=2007-06-01 --ends=2007-05-30 &&
	echo "activity-log: --ends: 2007-05-30: before the date 2007-06-01" >expect &&
	test_cmp expect err &&
	expect_code 1 activity-log --programme="지식행정 추진" --kind=contest \
		--date=2007-06-01 --employees="E01 E01" &&
	echo "activity-log: --employees: E01: listed twice" >expect &&
	test_cmp expect err &&
	expect_code 1 activity-log --programme="행정서비스헌장제 운영" \
		--kind=selfeval --date=2007-05-28 --covers-from=2006-12-01 &&
	echo "activity-log: --covers-to: covers_from and covers_to go together" >expect &&
	test_cmp expect err &&
	expect_code 1 activity-log --programme="지식행정 추진" --kind=contest \
		--date=2007-06-01 --people=1 --employees="E01 E02" &&
	echo "activity-log: --people: 1: fewer than the 2 employees listed" >expect &&
	test_cmp expect err
'

test_expect_success 'a batch with a bad row writes nothing' '
	cat >act.csv <<-\EOT &&
	programme,kind,date,title,times,employees
	지식행정 추진,contest,2007-04-20,업무혁신제안 콘테스트,,
	지식행정 추진,contest,2007-05-25,질문왕답변왕 선발대회,,E99
	EOT
	expect_code 1 activity-log act.csv &&
	echo "activity-log: act.csv:3: employees: E99: no such employee" >expect &&
	head -1 err >actual && test_cmp expect actual &&
	expect_code 0 activity-list --format=csv --columns=id &&
	printf "id\n1\n" >expect && strip out && test_cmp expect actual
'

test_expect_success 'a batch loads, and lists back' '
	sed "s/E99/E03/" act.csv >ok.csv &&
	printf "지역정책연구포럼 참여,forum,2007-04-26,,,E01 E02\n" >>ok.csv &&
	expect_code 0 activity-log ok.csv &&
	test_grep "3 activities written" err &&
	expect_code 0 activity-list --format=csv \
		--columns=id,programme,kind,date,title,times,people,employees &&
	cat >expect <<-\EOT &&
	id,programme,kind,date,title,times,people,employees
	1,지역정책연구포럼 참여,forum,2007-03-22,,,3,E01 E02 E06
	2,지식행정 추진,contest,2007-04-20,업무혁신제안 콘테스트,,,
	4,지역정책연구포럼 참여,forum,2007-04-26,,,2,E01 E02
	3,지식행정 추진,contest,2007-05-25,질문왕답변왕 선발대회,,1,E03
	EOT
	strip out && test_cmp expect actual
'

test_expect_success 'totals by kind, programme and month, with filters' '
	expect_code 0 activity-list --by=kind --format=csv \
		--columns=programme,kind,records,times,people &&
	cat >expect <<-\EOT &&
	programme,kind,records,times,people
	지역정책연구포럼 참여,forum,2,2,5
	지식행정 추진,contest,2,2,1
	EOT
	strip out && test_cmp expect actual &&
	expect_code 0 activity-list --kind=contest --period=2007-05 --by=month \
		--format=csv --columns=month,records &&
	printf "month,records\n2007-05,1\n" >expect &&
	strip out && test_cmp expect actual &&
	expect_code 2 activity-list --by=week &&
	echo "activity-list: --by=week: expected kind, programme or month" >expect &&
	test_cmp expect err
'

test_expect_success 'the forum in the council report, by grade' '
	expect_code 0 report-build --period=2007-H1 --as-of=2007-06-30 council &&
	test_grep "^ ○ 포럼참가 : 2회$" out &&
	test_grep "^   - 연인원 참석 : 5명$" out &&
	test_grep "^   - 참여인원 : 3명 (5급 1, 6급 2)$" out &&
	test_grep "^ ○ 활성화이벤트 실시 : 2회 (업무혁신제안 콘테스트 1, 질문왕답변왕 선발대회 1)$" out
'

test_expect_success 'gauges are read as of the day, not summed' '
	printf "programme,kind,date,people,items,title\n" >g.csv &&
	printf "지식행정 추진,inno246,2007-03-31,98,20,\n" >>g.csv &&
	printf "지식행정 추진,inno246,2007-06-30,125,33,e-편한보건소\n" >>g.csv &&
	expect_code 0 activity-log g.csv &&
	expect_code 0 report-build --period=2007-H1 --as-of=2007-05-01 knowledge &&
	test_grep "^ ○ 지방행정혁신 홈페이지(INNO246) 활동 회원 : 98명$" out &&
	expect_code 0 report-build --period=2007-H1 --as-of=2007-06-30 knowledge &&
	test_grep "^ ○ 지방행정혁신 홈페이지(INNO246) 활동 회원 : 125명$" out &&
	test_grep "^   - 최종 우수사례 선정 「e-편한보건소」 : 1건$" out
'

test_expect_success 'a dry run checks and writes nothing' '
	expect_code 0 activity-log -n --programme="지식행정 추진" \
		--kind=launch --date=2007-03-19 --title=공유방 &&
	test_must_be_empty out &&
	expect_code 0 activity-list --kind=launch --format=csv --columns=id &&
	echo id >expect && strip out && test_cmp expect actual
'

test_expect_success 'kinds and programmes complete from the wording' '
	expect_code 0 activity-log --complete -- activity-log --kind=mon &&
	echo "--kind=monitoring" >expect && test_cmp expect out &&
	expect_code 0 activity-list --complete -- activity-list "--programme=지역" &&
	echo "--programme=지역정책연구포럼 참여" >expect && test_cmp expect out
'

test_expect_success 'inno-check finds no fault in these records' '
	expect_code 0 inno-check &&
	test_must_be_empty err
'

test_done
