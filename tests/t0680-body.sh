#!/bin/sh
# body-add, body-join, body-meet and body-list: committees, councils and
# forums with their members (staff, or outside with an affiliation),
# chair, cadence and meetings; the rules each refuses.
. "$(dirname "$0")/lib.sh"

strip() { tr -d "\r" <"$1" >actual; }

test_expect_success 'setup' '
	setup_staff
'

test_expect_success 'a body from options prints its id' '
	expect_code 0 body-add --name=행정혁신위원회 --kind=committee \
		--programme="지방행정 혁신과제 추진" --chair=이정민 \
		--cadence=quarterly --formed=2005-09-01 --note="외부 전문가" &&
	echo 1 >expect && test_cmp expect out && test_must_be_empty err
'

test_expect_success 'bodies from CSV; a repeated name, a bad kind refused' '
	cat >bodies.csv <<-\EOT &&
	name,kind,programme,chair,cadence,formed
	수도권 지방행정혁신협의회,council,,인천광역시,bimonthly,2005-11-01
	혁신포럼,forum,창의혁신 성과 공유·홍보,,,2006-03-01
	EOT
	expect_code 0 body-add bodies.csv &&
	test_grep "2 bodies written" err &&
	expect_code 1 body-add --name=혁신포럼 --kind=forum --formed=2006-03-01 &&
	echo "body-add: --name: 혁신포럼: already recorded" >expect &&
	test_cmp expect err &&
	expect_code 1 body-add --name=x --kind=club --formed=2006-03-01 &&
	test_grep "^body-add: --kind: " err &&
	expect_code 1 body-add --name=x --kind=forum --programme=홍보 \
		--formed=2006-03-01 &&
	echo "body-add: --programme: 홍보: no such programme in the report wording" >expect &&
	test_cmp expect err
'

test_expect_success 'members: staff or outside, never both, not before formed' '
	cat >members.csv <<-\EOT &&
	body,employee_id,name,affiliation,role,joined
	행정혁신위원회,,이정민,서울대학교,chair,2005-09-01
	행정혁신위원회,,김상훈,연세대학교,,2005-09-01
	수도권 지방행정혁신협의회,,인천광역시,지방자치단체,chair,2005-11-01
	혁신포럼,E01,,,,2006-03-01
	EOT
	expect_code 0 body-join members.csv &&
	test_grep "4 members written" err &&
	expect_code 1 body-join --body=혁신포럼 --employee-id=E02 --name=x \
		--joined=2006-03-01 &&
	echo "body-join: --name: give employee_id for a member of staff or name for an outside member, not both" >expect &&
	test_cmp expect err &&
	expect_code 1 body-join --body=혁신포럼 --employee-id=E01 \
		--joined=2006-04-01 &&
	echo "body-join: --employee-id: already a member" >expect &&
	test_cmp expect err &&
	expect_code 1 body-join --body=혁신포럼 --name=y --joined=2006-01-01 &&
	echo "body-join: --body: 혁신포럼: not yet formed on 2006-01-01 (formed 2006-03-01)" >expect &&
	test_cmp expect err &&
	expect_code 1 body-join --body=없는위원회 --name=y --joined=2006-01-01 &&
	echo "body-join: --body: 없는위원회: no such body" >expect &&
	test_cmp expect err
'

test_expect_success 'meetings, and the listing by period' '
	printf "body,date,attendance\n행정혁신위원회,2006-03-15,14\n행정혁신위원회,2006-06-14,12\n혁신포럼,2007-06-20,80\n" >meet.csv &&
	expect_code 0 body-meet meet.csv &&
	test_grep "3 meetings written" err &&
	expect_code 0 body-list --period=2006 --format=csv \
		--columns=name,kind,chair,cadence,members,staff,outside,meetings,attendance &&
	cat >expect <<-\EOT &&
	name,kind,chair,cadence,members,staff,outside,meetings,attendance
	행정혁신위원회,committee,이정민,quarterly,2,0,2,2,26
	수도권 지방행정혁신협의회,council,인천광역시,bimonthly,1,0,1,0,0
	혁신포럼,forum,,as_needed,1,1,0,0,0
	EOT
	strip out && test_cmp expect actual &&
	expect_code 0 body-list --show=members --body=위원회 --format=csv \
		--columns=body,role,employee_id,name,affiliation &&
	cat >expect <<-\EOT &&
	body,role,employee_id,name,affiliation
	행정혁신위원회,chair,,이정민,서울대학교
	행정혁신위원회,member,,김상훈,연세대학교
	EOT
	strip out && test_cmp expect actual &&
	expect_code 0 body-list --show=meetings --period=2007 --format=csv &&
	printf "body,date,attendance,topic\n혁신포럼,2007-06-20,80,\n" >expect &&
	strip out && test_cmp expect actual &&
	expect_code 2 body-list --show=people &&
	echo "body-list: --show=people: expected bodies, members or meetings" >expect &&
	test_cmp expect err
'

test_expect_success 'the council report shows the programme bodies meetings' '
	expect_code 0 report-build --period=2007-H1 --as-of=2007-06-30 council &&
	test_grep "^ ○ 혁신포럼 개최로 혁신성과 공유 (6. 20) : 1회$" out
'

test_expect_success 'inno-check finds no fault in these records' '
	expect_code 0 inno-check &&
	test_must_be_empty err
'

test_done
