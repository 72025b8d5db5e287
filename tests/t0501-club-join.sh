#!/bin/sh
# club-join: members join and leave with dates; membership on any date.
. "$(dirname "$0")/lib.sh"

INNO_NOW=2007-06-30
export INNO_NOW

test_expect_success 'setup' '
	setup_staff &&
	club-register -q --name=정책품질관리 --kind=strategic --leader=E01 \
	    --registered=2007-03-01 >/dev/null &&
	club-register -q --name=녹색환경 --kind=departmental --leader=E05 \
	    --registered=2007-03-01 >/dev/null
'

test_expect_success 'a member joins: the membership id is printed' '
	expect_code 0 club-join --club=정책품질관리 --employee-id=E02 \
	    --joined=2007-03-05 &&
	echo 1 >expect &&
	test_cmp expect out &&
	test_must_be_empty err
'

test_expect_success 'joining again while a member is refused' '
	expect_code 1 club-join --club=정책품질관리 --employee-id=E02 \
	    --joined=2007-04-01 &&
	test_must_be_empty out &&
	test_grep "^club-join: --employee-id: already a member of the club then (joined 2007-03-05)$" err
'

test_expect_success 'the member leaves' '
	expect_code 0 club-join --club=정책품질관리 --employee-id=E02 \
	    --left=2007-05-04 &&
	echo 1 >expect &&
	test_cmp expect out &&
	test "$(db_value "SELECT left FROM club_member WHERE id = 1")" = 2007-05-04 &&
	test "$(db_value "SELECT count(*) FROM audit WHERE action = '\''update'\'' AND tbl = '\''club_member'\''")" = 1
'

test_expect_success 'leaving without a membership is refused' '
	expect_code 1 club-join --club=정책품질관리 --employee-id=E03 \
	    --left=2007-05-04 &&
	test_grep "^club-join: --employee-id: not a member of the club on 2007-05-04$" err
'

test_expect_success 'joining before the club was registered is refused' '
	expect_code 1 club-join --club=녹색환경 --employee-id=E03 \
	    --joined=2007-02-01 &&
	test_grep "^club-join: --joined: 2007-02-01: before the club was registered on 2007-03-01$" err
'

test_expect_success 'many memberships from CSV, joined defaults to today' '
	cat >members.csv <<-\EOT &&
	club,employee_id,joined,left
	정책품질관리,E03,2007-03-05,
	정책품질관리,E04,2007-03-05,2007-03-31
	정책품질관리,E02,2007-06-01,
	녹색환경,E06,,
	EOT
	expect_code 0 club-join members.csv &&
	test_must_be_empty out &&
	test_grep "4 memberships written" err &&
	test "$(db_value "SELECT joined FROM club_member WHERE employee_id = (SELECT id FROM employee WHERE employee_id = '\''E06'\'')")" = 2007-06-30
'

test_expect_success 'membership on any date' '
	expect_code 0 club-list --members --club=정책품질관리 --on=2007-03-20 &&
	cat >expect <<-\EOT &&
	club,employee_id,name,grade,dept,joined,left
	정책품질관리,E02,이서연,6,창의혁신단,2007-03-05,2007-05-04
	정책품질관리,E03,박지훈,7,창의혁신단,2007-03-05,
	정책품질관리,E04,최유진,8,창의혁신단,2007-03-05,2007-03-31
	EOT
	tr -d "\r" <out >actual &&
	test_cmp expect actual &&
	expect_code 0 club-list --members --club=정책품질관리 --on=2007-05-20 &&
	test "$(sed 1d out | cut -d, -f2 | tr -d "\r" | tr "\n" " ")" = "E03 " &&
	expect_code 0 club-list --members --club=정책품질관리 &&
	test "$(sed 1d out | wc -l)" -eq 4
'

test_expect_success 'bad rows: every one reported, nothing written' '
	cat >bad.csv <<-\EOT &&
	club,employee_id,joined,left
	녹색환경,E07,2007-04-01,
	없는동아리,E07,2007-04-01,
	녹색환경,E99,2007-04-01,
	녹색환경,E08,2007-04-01,2007-03-01
	녹색환경,E08,2007/04/01,
	EOT
	expect_code 1 club-join bad.csv &&
	test_must_be_empty out &&
	test_grep "^club-join: bad.csv:3: club: 없는동아리: no such club$" err &&
	test_grep "^club-join: bad.csv:4: employee_id: E99: no such employee$" err &&
	test_grep "^club-join: bad.csv:5: left: 2007-03-01: before joining on 2007-04-01$" err &&
	test_grep "^club-join: bad.csv:6: joined: 2007/04/01: " err &&
	test "$(db_value "SELECT count(*) FROM club_member")" = 5
'

test_expect_success 'usage errors exit 2' '
	expect_code 2 club-join --club=녹색환경 bad.csv &&
	test_must_be_empty out &&
	test_grep "^usage: club-join" err &&
	expect_code 2 club-join --bogus &&
	test_grep "^usage: club-join" err
'

test_expect_success 'the member list loads back into club-join' '
	expect_code 0 club-list --members --format=csv &&
	mv out members-all.csv &&
	db_copy "$INNO_DB" before-reload.db >/dev/null &&
	db_value "DELETE FROM club_member" &&
	expect_code 0 club-join -q members-all.csv &&
	expect_code 0 club-list --members --format=csv &&
	test_cmp members-all.csv out &&
	db_copy "$(db_name before-reload.db)" "$INNO_DB" >/dev/null
'

test_expect_success 'inno-check is clean, then finds a membership entered by hand' '
	expect_code 0 inno-check &&
	test_must_be_empty out &&
	db_value "INSERT INTO club_member (club_id, employee_id, joined) VALUES (1, 3, '\''2007-01-01'\'')" &&
	expect_code 1 inno-check &&
	test_grep "club 정책품질관리: member E03 joined on 2007-01-01, before the club was registered on 2007-03-01" out &&
	test_grep "club 정책품질관리: member E03 has overlapping memberships from 2007-03-05 and from 2007-01-01" out &&
	test_grep "club_member: row .* has no audit entry" out
'

test_expect_success_sqlite 'PRAGMA ignore_check_constraints is SQLite'\''s; a server enforces its checks' \
    'inno-check finds a member who joined after leaving' '
	db_value "PRAGMA ignore_check_constraints = ON; UPDATE club_member SET left = '\''2007-03-01'\'' WHERE employee_id = 2 AND joined = '\''2007-03-05'\''" &&
	expect_code 1 inno-check &&
	test_grep "^club 정책품질관리: member E02 joined on 2007-03-05 after leaving on 2007-03-01$" out
'

test_done
