#!/bin/sh
# mileage-award --reverse: corrections are reversal entries naming the
# entry they take back; a closed month cannot change.
. "$(dirname "$0")/lib.sh"

cat >mileage.ini <<\EOT
[mileage.idea.adopted]
points = 20
EOT
INNO_CONFIG=$TRASH/mileage.ini
INNO_NOW=2007-06-15
export INNO_CONFIG INNO_NOW

test_expect_success 'setup: two awards in May' '
	setup_staff &&
	mileage-award --employee-id=E01 --category=idea.adopted --date=2007-05-02 >id1 &&
	mileage-award --employee-id=E02 --category=idea.adopted --date=2007-05-03 >id2 &&
	test "$(cat id1) $(cat id2)" = "1 2"
'

test_expect_success 'a reversal names the entry and nets it to zero' '
	expect_code 0 mileage-award --reverse=1 --reason="중복 입력" &&
	echo 3 >expect &&
	test_cmp expect out &&
	test_must_be_empty err &&
	test "$(db_value "SELECT date, employee_id, category, points, reverses, reason FROM mileage WHERE id = 3")" = \
	    "2007-05-02|1|idea.adopted|-20|1|중복 입력" &&
	test "$(db_value "SELECT sum(points) FROM mileage WHERE employee_id = 1")" = 0 &&
	test "$(db_value "SELECT count(*) FROM audit WHERE tbl = '\''mileage'\'' AND first_id = 3")" = 1
'

test_expect_success 'an entry is reversed once, and a reversal not at all' '
	expect_code 1 mileage-award --reverse=1 &&
	echo "mileage-award: entry 1 was already reversed by entry 3" >expect &&
	test_cmp expect err &&
	expect_code 1 mileage-award --reverse=3 &&
	echo "mileage-award: entry 3 is itself the reversal of entry 1; award the points again instead" >expect &&
	test_cmp expect err &&
	expect_code 1 mileage-award --reverse=99 &&
	echo "mileage-award: --reverse: 99: no such mileage entry" >expect &&
	test_cmp expect err &&
	expect_code 1 mileage-award --reverse=x &&
	echo "mileage-award: --reverse: x: not a number" >expect &&
	test_cmp expect err &&
	test "$(db_value "SELECT count(*) FROM mileage")" = 3
'

test_expect_success 'close May' '
	expect_code 0 mileage-mvp -q --month=2007-05 --close &&
	test "$(db_value "SELECT month FROM mileage_close")" = 2007-05
'

test_expect_success 'reversing an entry of a closed month is refused with advice' '
	expect_code 1 mileage-award --reverse=2 &&
	test_must_be_empty out &&
	echo "mileage-award: --reverse: 2: the entry is dated 2007-05-03, in month 2007-05, which is closed and cannot change; date the correction in an open month, for example --reverse=2 --date=2007-06-15" >expect &&
	test_cmp expect err &&
	expect_code 1 mileage-award --reverse=2 --date=2007-05-31 &&
	echo "mileage-award: --date: 2007-05-31: month 2007-05 is closed and cannot change; date the correction in an open month (for example --date=2007-06-15)" >expect &&
	test_cmp expect err &&
	test "$(db_value "SELECT count(*) FROM mileage")" = 3
'

test_expect_success 'the correction dated in the open month works' '
	expect_code 0 mileage-award --reverse=2 --date=2007-06-15 &&
	echo 4 >expect &&
	test_cmp expect out &&
	test "$(db_value "SELECT date, points, reverses FROM mileage WHERE id = 4")" = "2007-06-15|-20|2" &&
	mileage-list --period=2007-05 --by=month --format=csv >may.csv &&
	printf "month,entries,innovation,cs,points\r\n2007-05,3,20,0,20\r\n" >expect &&
	test_cmp expect may.csv
'

test_expect_success 'no new entry may be dated in a closed month' '
	expect_code 1 mileage-award --employee-id=E03 --category=idea.adopted --date=2007-05-20 &&
	echo "mileage-award: --date: 2007-05-20: month 2007-05 is closed and cannot change; date the entry in an open month (for example --date=2007-06-15)" >expect &&
	test_cmp expect err &&
	printf "employee_id,date,category\nE03,2007-06-01,idea.adopted\nE03,2007-05-31,idea.adopted\n" >late.csv &&
	expect_code 1 mileage-award late.csv &&
	test_grep "^mileage-award: late.csv:3: date: 2007-05-31: month 2007-05 is closed" err &&
	test "$(db_value "SELECT count(*) FROM mileage")" = 4
'

test_expect_success 'a dry-run reversal writes nothing' '
	mileage-award -q --employee-id=E04 --category=idea.adopted --date=2007-06-02 >id5 &&
	expect_code 0 mileage-award -n --reverse=$(cat id5) &&
	test_must_be_empty out &&
	test "$(db_value "SELECT count(*) FROM mileage WHERE reverses IS NOT NULL")" = 2
'

test_expect_success 'inno-check: clean, then a forged reversal is reported' '
	expect_code 0 inno-check &&
	test_must_be_empty err &&
	db_exec "INSERT INTO mileage (date, employee_id, dept_id, category, kind, points, reverses) VALUES ('\''2007-06-20'\'', 4, 1, '\''idea.adopted'\'', '\''innovation'\'', -5, 5)" &&
	expect_code 1 inno-check &&
	test_grep "mileage: entry 6 reverses entry 5 but does not mirror it" out &&
	test_grep "mileage: row 6 has no audit entry" out
'

test_done
