#!/bin/sh
# inno-check's mileage rules: an entry deleted behind the programs' back
# (the append-only ledger's ids run without a gap), a record that earned a
# category twice (a dropped trigger let it through), a reversal that does
# not mirror its entry.
. "$(dirname "$0")/lib.sh"

cat >inno.ini <<\EOT
[mileage.contest.entry]
points = 5
[mileage.idea.submitted]
points = 2
EOT
INNO_CONFIG=$TRASH/inno.ini
export INNO_CONFIG

test_expect_success 'setup: four entries, the ledger clean' '
	setup_staff &&
	printf "%s\n" employee_id,date,category E01,2007-05-02,contest.entry \
	    E02,2007-05-03,contest.entry E03,2007-05-04,contest.entry >may.csv &&
	mileage-award -q may.csv &&
	printf "%s\n" submitted,title,source,employee_id \
	    2007-05-05,하나,staff,E04 >ideas.csv &&
	idea-submit -q ideas.csv &&
	test "$(db_value "SELECT count(*) FROM mileage")" = 4 &&
	expect_code 0 inno-check &&
	test_must_be_empty out
'

test_expect_success_sqlite 'DROP TRIGGER without ON is SQLite'\''s syntax' \
    'an entry deleted behind the programs is reported' '
	cp "$INNO_DB" deleted.db &&
	sqlite3 deleted.db "DROP TRIGGER mileage_no_delete; DELETE FROM mileage WHERE id = 2" &&
	expect_code 1 inno-check -d deleted.db &&
	echo "mileage: entry 2 is missing from the append-only ledger (deleted outside the inno programs)" >expect &&
	grep "^mileage: entr" out >actual && test_cmp expect actual &&
	cp "$INNO_DB" first.db &&
	sqlite3 first.db "DROP TRIGGER mileage_no_delete; DELETE FROM mileage WHERE id = 1" &&
	expect_code 1 inno-check -d first.db &&
	echo "mileage: entry 1 is missing from the append-only ledger (deleted outside the inno programs)" >expect &&
	grep "^mileage: entr" out >actual && test_cmp expect actual
'

test_expect_success_sqlite 'DROP TRIGGER without ON is SQLite'\''s syntax' \
    'a record that earned its category twice is reported' '
	cp "$INNO_DB" twice.db &&
	sqlite3 twice.db "DROP TRIGGER mileage_once; INSERT INTO mileage (date, employee_id, dept_id, category, kind, points, ref_table, ref_id) SELECT date, employee_id, dept_id, category, kind, points, ref_table, ref_id FROM mileage WHERE id = 4; INSERT INTO audit (at, uid, user, program, action, tbl, first_id, last_id) VALUES (\"x\", 0, \"u\", \"p\", \"insert\", \"mileage\", 5, 5)" &&
	expect_code 1 inno-check -d twice.db &&
	echo "mileage: entries 4 and 5 both give idea 1 its idea.submitted mileage" >expect &&
	grep "^mileage: entr" out >actual && test_cmp expect actual
'

test_expect_success 'a reversed award may be earned again' '
	expect_code 0 mileage-award -q --reverse=4 --date=2007-05-06 &&
	db_value "SELECT 1" &&
	expect_code 0 mileage-award -q --idea-id=1 --employee-id=E04 \
	    --category=idea.submitted --date=2007-05-07 &&
	test "$(db_value "SELECT group_concat(points) FROM mileage WHERE ref_table = '"'idea'"' AND ref_id = 1")" = "2,-2,2" &&
	expect_code 0 mileage-award --idea-id=1 --employee-id=E04 \
	    --category=idea.submitted --date=2007-05-08 &&
	test_must_be_empty out &&
	echo "mileage-award: note: --idea-id: idea 1 already earned idea.submitted (entry 6); no entry written" >expect &&
	test_cmp expect err &&
	expect_code 0 inno-check &&
	test_must_be_empty out
'

test_done
