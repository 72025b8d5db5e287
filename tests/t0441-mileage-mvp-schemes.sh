#!/bin/sh
# MVP schemes: [mvp.NAME] sections decide their own MVPs, stored under
# their names; a rerun changes nothing; a closed month keeps its result;
# a year scheme stores its top places; the council report counts the
# people the monthly schemes honoured (11 in the demo's 2007-H1) and
# lists the year's top five.
. "$(dirname "$0")/lib.sh"

cat >schemes.ini <<\EOT
[mileage.idea.adopted]
points = 10
max = 30
[mileage.cs.praise]
points = 10
kind = cs
[mileage.cs.survey]
points = 5
min = 1
max = 10
kind = cs
[mvp]
person_exclude_months = 1
[mvp.cs]
kinds = cs
depts = no
person_exclude_months = 0
[mvp.year]
period = year
kinds = both
winners = 3
EOT
INNO_CONFIG=$TRASH/schemes.ini
INNO_NOW=2007-07-02
export INNO_CONFIG INNO_NOW

test_expect_success 'setup: innovation and CS mileage in May and June' '
	setup_staff &&
	cat >m.csv <<-\EOT &&
	employee_id,date,category,points
	E01,2007-05-02,idea.adopted,20
	E02,2007-05-03,idea.adopted,10
	E03,2007-05-04,cs.praise,
	E04,2007-05-05,cs.survey,8
	E05,2007-06-02,idea.adopted,30
	E03,2007-06-04,cs.praise,
	E06,2007-06-05,cs.survey,9
	E02,2007-06-06,cs.survey,3
	EOT
	expect_code 0 mileage-award -q m.csv
'

test_expect_success 'the CS scheme names a person from CS mileage alone' '
	expect_code 0 mileage-mvp --scheme=cs --month=2007-05 --format=csv &&
	tr -d "\r" <out >got &&
	cat >expect <<-\EOT &&
	month,award,employee_id,name,dept,points,headcount,score
	2007-05,person,E03,박지훈,창의혁신단,10,,10
	EOT
	test_cmp expect got &&
	test_must_be_empty err &&
	echo "cs|2007-05|1|E03|10" >expect &&
	db_value "SELECT scheme, month, place, (SELECT employee_id FROM employee e WHERE e.id = mileage_mvp.employee_id),
	    person_points FROM mileage_mvp" >got &&
	test_cmp expect got
'

test_expect_success 'the default scheme is stored beside it, as before' '
	expect_code 0 mileage-mvp --month=2007-05 --format=csv &&
	tr -d "\r" <out >got &&
	cat >expect <<-\EOT &&
	month,award,employee_id,name,dept,points,headcount,score
	2007-05,person,E01,김민수,창의혁신단,20,,20
	2007-05,dept,,,창의혁신단,30,4,30
	EOT
	test_cmp expect got &&
	echo "cs 2007-05 E03
default 2007-05 E01" >expect &&
	db_value "SELECT scheme || '\'' '\'' || month || '\'' '\'' ||
	    (SELECT employee_id FROM employee e WHERE e.id = mileage_mvp.employee_id) FROM mileage_mvp ORDER BY
	    scheme" >got &&
	test_cmp expect got
'

test_expect_success 'a rerun writes nothing' '
	before=$(db_value "SELECT count(*) FROM audit") &&
	expect_code 0 mileage-mvp -q --scheme=cs --month=2007-05 &&
	expect_code 0 mileage-mvp -q --month=2007-05 &&
	test "$(db_value "SELECT count(*) FROM audit")" = "$before" &&
	test "$(db_value "SELECT count(*) FROM mileage_mvp")" = 2
'

test_expect_success 'a CS MVP may win again: June names E03 once more' '
	expect_code 0 mileage-mvp --scheme=cs --month=2007-06 --format=csv &&
	tr -d "\r" <out >got &&
	cat >expect <<-\EOT &&
	month,award,employee_id,name,dept,points,headcount,score
	2007-06,person,E03,박지훈,창의혁신단,10,,10
	EOT
	test_cmp expect got
'

test_expect_success 'a closed month keeps its result under changed rules' '
	expect_code 0 mileage-mvp -q --month=2007-05 --close &&
	sed "s/^kinds = cs$/kinds = both/" schemes.ini >both.ini &&
	expect_code 0 mileage-mvp -c both.ini --scheme=cs --month=2007-05 \
	    --format=csv &&
	tr -d "\r" <out >got &&
	cat >expect <<-\EOT &&
	month,award,employee_id,name,dept,points,headcount,score
	2007-05,person,E03,박지훈,창의혁신단,10,,10
	EOT
	test_cmp expect got &&
	echo "mileage-mvp: month 2007-05 is closed: its stored result stands" >expect &&
	test_cmp expect err &&
	echo "E03|10" >expect &&
	db_value "SELECT (SELECT employee_id FROM employee e WHERE e.id = mileage_mvp.employee_id), person_points FROM
	    mileage_mvp WHERE scheme = '\''cs'\'' AND month = '\''2007-05'\''" >got &&
	test_cmp expect got
'

test_expect_success 'the year scheme stores its top three' '
	expect_code 0 mileage-mvp --scheme=year --year=2007 --format=csv &&
	tr -d "\r" <out >got &&
	cat >expect <<-\EOT &&
	month,award,employee_id,name,dept,points,headcount,score
	2007,person,E05,정하늘,총무과,30,,30
	2007,person,E01,김민수,창의혁신단,20,,20
	2007,person,E03,박지훈,창의혁신단,20,,20
	EOT
	test_cmp expect got &&
	cat >expect <<-\EOT &&
	1|E05|30
	2|E01|20
	3|E03|20
	EOT
	db_value "SELECT place, (SELECT employee_id FROM employee e WHERE e.id = mileage_mvp.employee_id), person_points
	    FROM mileage_mvp WHERE scheme = '\''year'\'' ORDER BY place" >got &&
	test_cmp expect got
'

test_expect_success 'a year rerun writes nothing; new mileage replaces the places' '
	before=$(db_value "SELECT count(*) FROM audit") &&
	expect_code 0 mileage-mvp -q --scheme=year --year=2007 &&
	test "$(db_value "SELECT count(*) FROM audit")" = "$before" &&
	expect_code 0 mileage-award -q --employee-id=E06 --date=2007-07-01 \
	    --category=idea.adopted --points=25 &&
	expect_code 0 mileage-mvp -q --scheme=year --year=2007 &&
	cat >expect <<-\EOT &&
	1|E06|34
	2|E05|30
	3|E01|20
	EOT
	db_value "SELECT place, (SELECT employee_id FROM employee e WHERE e.id = mileage_mvp.employee_id), person_points
	    FROM mileage_mvp WHERE scheme = '\''year'\'' ORDER BY place" >got &&
	test_cmp expect got &&
	test "$(db_value "SELECT count(*) FROM mileage_mvp WHERE scheme =
	    '\''year'\''")" = 3
'

test_expect_success 'inno-check recomputes every scheme and names it' '
	expect_code 0 mileage-mvp -q --scheme=cs --month=2007-06 &&
	expect_code 0 inno-check &&
	db_exec "UPDATE mileage_mvp SET person_points = 99 WHERE
	    scheme = '\''cs'\'' AND month = '\''2007-06'\''" &&
	expect_code 1 inno-check &&
	test_grep "mileage_mvp: 2007-06 (scheme cs): the stored MVP person (E03, 99 points) is not what the ledger gives (E03, 10 points)" out
'

test_expect_success 'inno-check recomputes a year scheme place by place' '
	db_exec "UPDATE mileage_mvp SET person_points = 31 WHERE
	    scheme = '\''year'\'' AND place = 2" &&
	expect_code 1 inno-check &&
	cat >expect <<-\EOT &&
	mileage_mvp: 2007 (scheme year): stored place 2 (E05, 31 points) is not what the ledger gives (E05, 30 points) under the rules it was decided by
	EOT
	grep "^mileage_mvp: 2007 " out >got &&
	test_cmp expect got
'

test_expect_success 'usage: an unknown scheme, and a scheme given the wrong period' '
	expect_code 2 mileage-mvp --scheme=nope --month=2007-05 &&
	echo "mileage-mvp: --scheme=nope: no [mvp.nope] in inno.ini (schemes: default, cs, year)" >expect &&
	test_cmp expect err &&
	expect_code 2 mileage-mvp --scheme=year --month=2007-05 &&
	echo "mileage-mvp: scheme year decides a year: --year=YYYY, not 2007-05" >expect &&
	test_cmp expect err &&
	expect_code 2 mileage-mvp --scheme=cs --year=2007 &&
	echo "mileage-mvp: scheme cs decides a month: --month=YYYY-MM, not 2007" >expect &&
	test_cmp expect err &&
	expect_code 2 mileage-mvp --scheme=year --year=2007 --close &&
	echo "mileage-mvp: --close closes a month; scheme year decides a year" >expect &&
	test_cmp expect err &&
	expect_code 2 mileage-mvp --scheme=year --year=2007 --top=3 &&
	test_grep "a scheme has its own winners" err &&
	printf "[mvp.x]\nperiod = week\n" >week.ini &&
	expect_code 2 mileage-mvp -c week.ini --scheme=x --month=2007-05 &&
	test_grep "period" err
'

test_expect_success 'completion offers the schemes' '
	expect_code 0 mileage-mvp --complete -- mileage-mvp --scheme "" &&
	cat >expect <<-\EOT &&
	default
	cs
	year
	EOT
	test_cmp expect out
'

# The demo: two monthly schemes in the first half of 2007, the innovation
# MVP naming 5 people in six months (one of them twice) and the CS MVP 6.
test_expect_success 'setup: the demo database' '
	expect_code 0 sh -c "cd \"\$1\" && sh tests/demo.sh \"\$2\" \"\$3\"" \
		demo "$SRC_DIRECTORY" "$INNO_BUILD" "$TRASH/demo"
'

test_expect_success 'demo: CS 및 창의혁신 MVP : 11명, from the stored results' '
	INNO_DB=$TRASH/demo/inno.db INNO_CONFIG=$SRC_DIRECTORY/share/inno.ini \
	    expect_code 0 report-build council --period=2007-H1 \
	    --as-of=2007-06-30 --format=csv &&
	tr -d "\r" <out >report.csv &&
	cat >expect <<-\EOT &&
	행정서비스헌장제 운영,CS 및 창의혁신 MVP 표창,11,명
	EOT
	grep "MVP 표창" report.csv >got &&
	test_cmp expect got &&
	for s in default cs; do
		sqlite3 demo/inno.db "SELECT count(DISTINCT employee_id) FROM
		    mileage_mvp WHERE scheme = '\''$s'\'' AND month BETWEEN
		    '\''2007-01'\'' AND '\''2007-06'\''" || return 1
	done >counts &&
	printf "5\n6\n" >expect &&
	test_cmp expect counts
'

test_expect_success 'demo: 혁신마일리지 is innovation alone, CS its own line' '
	grep "^행정서비스헌장제 운영,월별" report.csv >got &&
	cat >expect <<-\EOT &&
	행정서비스헌장제 운영,월별 혁신마일리지,1687,점
	행정서비스헌장제 운영,월별 혁신마일리지/1월,200,점
	행정서비스헌장제 운영,월별 혁신마일리지/2월,210,점
	행정서비스헌장제 운영,월별 혁신마일리지/3월,243,점
	행정서비스헌장제 운영,월별 혁신마일리지/4월,248,점
	행정서비스헌장제 운영,월별 혁신마일리지/5월,261,점
	행정서비스헌장제 운영,월별 혁신마일리지/6월,525,점
	행정서비스헌장제 운영,월별 CS마일리지,83,점
	행정서비스헌장제 운영,월별 CS마일리지/1월,16,점
	행정서비스헌장제 운영,월별 CS마일리지/2월,14,점
	행정서비스헌장제 운영,월별 CS마일리지/3월,15,점
	행정서비스헌장제 운영,월별 CS마일리지/4월,10,점
	행정서비스헌장제 운영,월별 CS마일리지/5월,18,점
	행정서비스헌장제 운영,월별 CS마일리지/6월,10,점
	EOT
	test_cmp expect got
'

test_expect_success 'demo: the year-end top five is stored and reported' '
	INNO_DB=$TRASH/demo/inno.db INNO_CONFIG=$SRC_DIRECTORY/share/inno.ini \
	    expect_code 0 report-build mileage --period=2007 \
	    --as-of=2007-12-31 &&
	cat >expect <<-\EOT &&
	 ○ 혁신·CS 통합마일리지 우수자 포상 : 5명
	   - 1위 이서연 (창의혁신단) : 180점
	   - 2위 박지훈 (창의혁신단) : 165점
	   - 3위 김태희 (자치행정과) : 86점
	   - 4위 정유미 (가정복지과) : 79점
	   - 5위 강하나 (사회복지과) : 78점
	EOT
	grep -A5 "통합마일리지 우수자" out >got &&
	test_cmp expect got &&
	INNO_DB=$TRASH/demo/inno.db INNO_CONFIG=$SRC_DIRECTORY/share/inno.ini \
	    expect_code 0 mileage-mvp --year=2007 --top=5 --format=csv &&
	tr -d "\r" <out | cut -d, -f2 | sed 1d >ranked &&
	sqlite3 demo/inno.db "SELECT
	    (SELECT employee_id FROM employee e WHERE e.id = mileage_mvp.employee_id) FROM mileage_mvp WHERE scheme =
	    '\''year'\'' ORDER BY place" >stored &&
	test_cmp ranked stored
'

test_done
