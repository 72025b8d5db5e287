#!/bin/sh
# group-join and group-list: the 2006 leader groups, 21 + 32 + 19 = 72
# members, each within its grades.
. "$(dirname "$0")/lib.sh"

INNO_CONFIG=$INNO_SHARE/inno.ini
export INNO_CONFIG

test_expect_success 'setup: 72 members-to-be and a grade-9 clerk' '
	awk "BEGIN {
		split(\"김 이 박 최 정 강 조 윤 장 임 한 오\", fam, \" \")
		split(\"민수 서연 지훈 유진 하늘 도윤 서아\", giv, \" \")
		print \"employee_id,name,grade,dept\"
		for (i = 1; i <= 21; i++)
			printf \"L%02d,%s%s,%d,기획예산과\n\", i, fam[i % 12 + 1], giv[i % 7 + 1], 5 + i % 2
		for (i = 1; i <= 32; i++)
			printf \"M%02d,%s%s,%d,총무과\n\", i, fam[i % 12 + 1], giv[i % 7 + 1], 6 + i % 4
		for (i = 1; i <= 19; i++)
			printf \"S%02d,%s%s,%d,환경과\n\", i, fam[i % 12 + 1], giv[i % 7 + 1], 8 + i % 2
		print \"X09,정하늘,9,총무과\"
	}" >staff.csv &&
	expect_code 0 staff-import -q staff.csv &&
	test "$(db_value "SELECT count(*) FROM employee")" = 73
'

test_expect_success 'one member from options prints the id' '
	expect_code 0 group-join --group=혁신리더 --employee-id=L01 \
	    --joined=2006-03-02 &&
	echo 1 >expect &&
	test_cmp expect out &&
	test_must_be_empty err
'

test_expect_success 'the three groups from CSV, by name or key' '
	{
		echo group,employee_id,joined
		for i in $(seq -w 2 21); do echo "혁신리더,L$i,2006-03-02"; done
		for i in $(seq -w 1 32); do echo "manager,M$i,2006-03-02"; done
		for i in $(seq -w 1 19); do echo "혁신새싹,S$i,2006-03-02"; done
	} >groups.csv &&
	expect_code 0 group-join groups.csv &&
	test_must_be_empty out &&
	test_grep "71 memberships written" err
'

test_expect_success 'group-list --by=group: 21 + 32 + 19 = 72' '
	expect_code 0 group-list --on=2006-03-31 --by=group &&
	cat >expect <<-\EOT &&
	group,members
	변화관리자,32
	혁신리더,21
	혁신새싹,19
	EOT
	tr -d "\r" <out >actual &&
	test_cmp expect actual &&
	awk -F, "NR > 1 { n += \$2 } END { print n }" actual >total &&
	echo 72 >expect &&
	test_cmp expect total &&
	expect_code 0 group-list --on=2006-03-01 --by=group &&
	test "$(sed 1d out | wc -l)" -eq 0
'

test_expect_success 'a grade-9 employee is refused by 혁신리더, naming the grades' '
	expect_code 1 group-join --group=혁신리더 --employee-id=X09 \
	    --joined=2006-04-01 &&
	test_must_be_empty out &&
	echo "group-join: --employee-id: X09: grade 9; 혁신리더 takes grades 5 to 6" >expect &&
	test_cmp expect err &&
	test "$(db_value "SELECT count(*) FROM group_member")" = 72
'

test_expect_success 'the same employee may join 혁신새싹' '
	expect_code 0 group-join --group=sprout --employee-id=X09 \
	    --joined=2006-04-01 &&
	echo 73 >expect &&
	test_cmp expect out
'

test_expect_success 'a member leaves; the count on a later day drops' '
	expect_code 0 group-join --group=혁신새싹 --employee-id=X09 \
	    --left=2006-06-30 &&
	echo 73 >expect &&
	test_cmp expect out &&
	expect_code 0 group-list --group=sprout --on=2006-07-01 --by=group --format=tsv &&
	test "$(sed 1d out)" = "혁신새싹	19" &&
	expect_code 0 group-list --group=sprout --on=2006-05-01 --by=group --format=tsv &&
	test "$(sed 1d out)" = "혁신새싹	20"
'

test_expect_success 'bad rows: every one reported, nothing written' '
	cat >bad.csv <<-\EOT &&
	group,employee_id,joined,left
	혁신리더,X09,2006-05-01,
	동호회,M01,2006-05-01,
	manager,M01,2006-05-01,
	manager,M02,2006-05-01,2006-04-01
	manager,Z99,2006-05-01,
	EOT
	expect_code 1 group-join bad.csv &&
	test_must_be_empty out &&
	test_grep "^group-join: bad.csv:2: employee_id: X09: grade 9; 혁신리더 takes grades 5 to 6$" err &&
	test_grep "^group-join: bad.csv:3: group: 동호회: no such group (expected one of 혁신리더, 변화관리자, 혁신새싹)$" err &&
	test_grep "^group-join: bad.csv:4: employee_id: M01: already in 변화관리자 then (joined 2006-03-02)$" err &&
	test_grep "^group-join: bad.csv:5: left: 2006-04-01: before joining on 2006-05-01$" err &&
	test_grep "^group-join: bad.csv:6: employee_id: Z99: no such employee$" err &&
	test_grep "5 of 5 rows rejected" err &&
	test "$(db_value "SELECT count(*) FROM group_member")" = 73
'

test_expect_success 'usage errors exit 2' '
	expect_code 2 group-join --group=혁신리더 bad.csv &&
	test_grep "^usage: group-join" err &&
	expect_code 2 group-list --by=dept &&
	test_grep "^group-list: --by=dept: expected group or grade$" err &&
	expect_code 2 group-list --on=yesterday &&
	test_grep "^group-list: --on=yesterday: " err
'

test_expect_success 'group-list formats, and the list loads back' '
	expect_code 0 group-list --group=leader --format=table &&
	test "$(head -1 out)" = "group     employee_id  name    grade  dept        joined      left" &&
	test "$(sed 1d out | wc -l)" -eq 21 &&
	expect_code 0 group-list --group=혁신리더 --format=json &&
	test_grep "\"group\": *\"혁신리더\"" out &&
	expect_code 0 group-list --by=grade --format=csv &&
	test_grep "^변화관리자,9,8" out &&
	expect_code 0 group-list --format=csv &&
	mv out all.csv &&
	db_copy "$INNO_DB" before-reload.db >/dev/null &&
	db_value "DELETE FROM group_member" &&
	expect_code 0 group-join -q --batch-id=reload all.csv &&
	expect_code 0 group-list --format=csv &&
	test_cmp all.csv out &&
	db_copy "$(db_name before-reload.db)" "$INNO_DB" >/dev/null
'

test_expect_success 'grade ranges come from inno.ini' '
	printf "[group.leader]\nname = 혁신리더\nmin_grade = 4\nmax_grade = 5\n" >narrow.ini &&
	expect_code 1 group-join -c narrow.ini --group=leader --employee-id=M01 \
	    --joined=2007-01-02 &&
	test_grep "혁신리더 takes grades 4 to 5" err &&
	expect_code 1 inno-check -c narrow.ini &&
	test_grep "^group 혁신리더: member L01 has grade 6; the group takes grades 4 to 5$" out &&
	test_grep "^group 변화관리자: not configured (member M01)$" out &&
	expect_code 0 inno-check &&
	printf "[group.x]\nmin_grade = 7\nmax_grade = 5\n" >bad.ini &&
	expect_code 2 group-join -c bad.ini --group=x --employee-id=M01 &&
	test_grep "min_grade 7 is above max_grade 5" err
'

test_done
