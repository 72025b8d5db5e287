#!/bin/sh
# inno-undo of an award batch: the ledger only grows, so the batch is
# answered by reversals, dated as its entries; mileage-list shows them and
# the month's MVP computed again changes back.  Undoing the undo awards the
# points again.  A closed month is never reopened.
. "$(dirname "$0")/lib.sh"

cat >inno.ini <<\EOT
[mileage.idea.adopted]
points = 20
[mileage.contest.prize]
points = 50
EOT
INNO_CONFIG=$TRASH/inno.ini
INNO_NOW=2007-06-15
export INNO_CONFIG INNO_NOW

test_expect_success 'setup: E02 wins May, then a batch makes E01 the MVP' '
	setup_staff &&
	mileage-award -q --employee-id=E02 --category=contest.prize --date=2007-05-03 >/dev/null &&
	printf "%s\n" employee_id,date,category E01,2007-05-10,contest.prize \
	    E01,2007-05-11,contest.prize E03,2007-05-12,idea.adopted >awards.csv &&
	mileage-award -q awards.csv &&
	mileage-mvp --month=2007-05 --format=csv --columns=award,employee_id,points >mvp &&
	printf "award,employee_id,points\r\nperson,E01,100\r\ndept,,170\r\n" >expect &&
	test_cmp expect mvp &&
	inno-undo --list --format=tsv --columns=id,program,changes >list &&
	printf "id\tprogram\tchanges\n1\tstaff-import\tdept: 3 added; team: 5 added; employee: 8 added\n2\tmileage-award\tmileage: 1 added\n3\tmileage-award\tmileage: 3 added\n4\tmileage-mvp\tmileage_mvp: 1 added\n" >expect &&
	test_cmp expect list
'

test_expect_success 'undoing the batch writes its reversals' '
	expect_code 0 inno-undo 3 &&
	test_must_be_empty out &&
	echo "inno-undo: command 3 undone by command 5: 0 rows deleted, 0 restored, 0 put back, 3 ledger entries written" >expect &&
	test_cmp expect err &&
	expect_code 0 mileage-list --format=tsv --columns=id,date,employee_id,points,reverses &&
	printf "id\tdate\temployee_id\tpoints\treverses\n1\t2007-05-03\tE02\t50\t\n2\t2007-05-10\tE01\t50\t\n5\t2007-05-10\tE01\t-50\t2\n3\t2007-05-11\tE01\t50\t\n6\t2007-05-11\tE01\t-50\t3\n4\t2007-05-12\tE03\t20\t\n7\t2007-05-12\tE03\t-20\t4\n" >expect &&
	test_cmp expect out &&
	test "$(db_value "SELECT count(*) FROM mileage WHERE reason LIKE '\''undo of command 3 (mileage-award, %'\''")" = 3
'

test_expect_success 'the stored MVP is stale until the month is computed again' '
	expect_code 1 inno-check &&
	test_grep "^mileage_mvp: 2007-05: the stored MVP person (E01, 100 points) is not what the ledger gives (E02, 50 points)" out &&
	expect_code 0 mileage-mvp --month=2007-05 --format=csv --columns=award,employee_id,points &&
	printf "award,employee_id,points\r\nperson,E02,50\r\ndept,,50\r\n" >expect &&
	test_cmp expect out &&
	expect_code 0 inno-check -q &&
	test_must_be_empty err
'

test_expect_success 'undoing the undo awards the points again' '
	db_copy "$INNO_DB" before-close.db >/dev/null &&
	expect_code 0 inno-undo 5 &&
	echo "inno-undo: command 5 undone by command 7: 0 rows deleted, 0 restored, 0 put back, 3 ledger entries written" >expect &&
	test_cmp expect err &&
	expect_code 0 mileage-list --format=tsv --columns=id,date,employee_id,points,reverses &&
	grep -E "^(8|9|10)	" out >got &&
	printf "8\t2007-05-10\tE01\t50\t\n9\t2007-05-11\tE01\t50\t\n10\t2007-05-12\tE03\t20\t\n" >expect &&
	test_cmp expect got &&
	expect_code 0 mileage-mvp --month=2007-05 --format=csv --columns=award,employee_id,points &&
	printf "award,employee_id,points\r\nperson,E01,100\r\ndept,,170\r\n" >expect &&
	test_cmp expect out &&
	expect_code 0 inno-check -q &&
	test_must_be_empty err
'

test_expect_success 'a closed month is never reopened' '
	db_bring_back before-close.db &&
	mileage-mvp -q --month=2007-05 --close >/dev/null &&
	db_dump >dump.before &&
	expect_code 1 inno-undo 5 &&
	test_must_be_empty out &&
	echo "inno-undo: mileage entry 5 is dated in 2007-05, a closed month, which an undo never reopens" >expect &&
	test_cmp expect err &&
	expect_code 1 inno-undo 2 &&
	echo "inno-undo: mileage entry 1 is dated in 2007-05, a closed month, which an undo never reopens" >expect &&
	test_cmp expect err &&
	mvp=$(db_value "SELECT max(id) FROM command WHERE program = '\''mileage-mvp'\'' AND id < (SELECT max(id) FROM command)") &&
	expect_code 1 inno-undo "$mvp" &&
	echo "inno-undo: command $mvp cannot be undone: it wrote mileage_mvp row 1 of 2007-05, a closed month, which an undo never reopens" >expect &&
	test_cmp expect err &&
	close=$(db_value "SELECT max(id) FROM command") &&
	expect_code 1 inno-undo "$close" &&
	echo "inno-undo: command $close cannot be undone: it closed a month, and a closed month is never reopened" >expect &&
	test_cmp expect err &&
	db_dump >dump.after &&
	test_cmp dump.before dump.after
'

test_done
