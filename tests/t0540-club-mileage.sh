#!/bin/sh
# Mileage for club and training activity: written to the ledger with a
# reference when the category is configured, taken back when a completion
# is withdrawn, and not written when the setting is empty.
. "$(dirname "$0")/lib.sh"

cat >inno.ini <<\EOT
[mileage]
person_month_cap = 0
[mileage.club.join]
points = 1
[mileage.club.activity]
points = 3
[mileage.course.completed]
points = 5
EOT
INNO_CONFIG=$TRASH/inno.ini
INNO_NOW=2007-06-30
export INNO_CONFIG INNO_NOW

test_expect_success 'setup' '
	setup_staff &&
	club-register -q --name=정책품질관리 --kind=strategic --leader=E01 \
	    --registered=2007-03-01 >/dev/null &&
	club-register -q --name=무지도 --kind=departmental --dept=총무과 \
	    --registered=2007-03-01 >/dev/null &&
	course-add -q --name=특별교육 --kind=special --start=2007-03-26 >/dev/null
'

test_expect_success 'joining a club earns club.join' '
	expect_code 0 club-join --club=정책품질관리 --employee-id=E02 \
	    --joined=2007-03-05 &&
	test "$(db_value "SELECT e.employee_id, m.date, m.category, m.points, m.ref_table, m.ref_id FROM mileage m JOIN employee e ON e.id = m.employee_id")" = "E02|2007-03-05|club.join|1|club_member|1"
'

test_expect_success 'an activity earns club.activity for the leader' '
	expect_code 0 club-activity --club=정책품질관리 --kind=seminar \
	    --date=2007-04-02 --attendees=10 &&
	test "$(db_value "SELECT e.employee_id, m.category, m.points, m.reason, m.ref_table, m.ref_id FROM mileage m JOIN employee e ON e.id = m.employee_id WHERE m.category = '\''club.activity'\''")" = "E01|club.activity|3|seminar|club_activity|1" &&
	expect_code 0 mileage-list --category=club.activity --format=csv &&
	test_grep "E01" out
'

test_expect_success 'a club without a leader earns nothing' '
	expect_code 0 club-activity --club=무지도 --kind=visit --date=2007-04-03 &&
	test "$(db_value "SELECT count(*) FROM mileage")" = 2
'

test_expect_success 'completing a course earns course.completed' '
	expect_code 0 course-enroll --course=특별교육 --employee-id=E03 \
	    --status=completed &&
	test "$(db_value "SELECT category, points, date, ref_table FROM mileage WHERE category = '\''course.completed'\''")" = "course.completed|5|2007-03-26|enrolment"
'

test_expect_success 'a completion withdrawn takes the mileage back' '
	expect_code 0 course-enroll --course=특별교육 --employee-id=E03 \
	    --status=dropped &&
	test "$(db_value "SELECT sum(points), count(*) FROM mileage WHERE ref_table = '\''enrolment'\''")" = "0|2"
'

test_expect_success 'an empty setting turns the mileage off' '
	printf "[club]\nmileage_activity =\n" >>inno.ini &&
	expect_code 0 club-activity --club=정책품질관리 --kind=seminar \
	    --date=2007-05-02 &&
	test "$(db_value "SELECT count(*) FROM mileage WHERE category = '\''club.activity'\''")" = 1
'

test_expect_success 'a mileage rule that refuses the entry leaves a note' '
	printf "[mileage.club.activity]\npoints = 3\n" >closed.ini &&
	mileage-mvp -q --month=2007-05 --close >/dev/null &&
	db_value "SELECT count(*) FROM mileage" >before &&
	expect_code 0 club-activity -c closed.ini --club=정책품질관리 \
	    --kind=seminar --date=2007-05-20 &&
	echo 4 >expect &&
	test_cmp expect out &&
	test_grep "^club-activity: note: no mileage written: .*2007-05" err &&
	db_value "SELECT count(*) FROM mileage" >after &&
	test_cmp before after &&
	test "$(db_value "SELECT count(*) FROM club_activity")" = 4
'

test_expect_success 'in a batch, the note names the line' '
	printf "club,kind,date\n정책품질관리,visit,2007-05-21\n정책품질관리,visit,2007-06-21\n" >acts.csv &&
	expect_code 0 club-activity -c closed.ini acts.csv &&
	test_grep "^club-activity: acts.csv:2: note: no mileage written: " err &&
	test_grep "2 activities written" err &&
	test "$(db_value "SELECT count(*) FROM mileage WHERE date = '\''2007-06-21'\''")" = 1
'

test_expect_success 'inno-check is clean' '
	expect_code 0 inno-check &&
	test_must_be_empty out
'

test_done
