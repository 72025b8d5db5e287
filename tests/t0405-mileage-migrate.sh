#!/bin/sh
# Migration 0007 on a database of schema 6: adoptions and approvals that
# referred to their review and evaluation come to refer to the idea and
# the item, so that a pipe after the upgrade knows them as paid; the
# ledger stays append-only; stored MVPs gain the rules column.
. "$(dirname "$0")/lib.sh"
test_sqlite_only "it turns the database back into SQLite's schema 6 (sqlite_master, PRAGMA user_version)"

cat >inno.ini <<\EOT
[mileage.idea.adopted]
points = 20
EOT
INNO_CONFIG=$TRASH/inno.ini
export INNO_CONFIG

test_expect_success 'setup: an adopted idea, turned back into schema 6' '
	setup_staff &&
	printf "%s\n" submitted,title,source,employee_id \
	    2007-03-05,분수대,staff,E02 >ideas.csv &&
	idea-submit -q ideas.csv &&
	idea-review -q --idea=1 --date=2007-06-12 --decision=adopted \
	    --dept=총무과 >/dev/null &&
	review=$(db_value "SELECT id FROM idea_review WHERE idea_id = 1") &&
	# Undo the commands and migrations 0009 and 0008 (the change log and the chained trail) first.
	sqlite3 "$INNO_DB" "SELECT '"'DROP TRIGGER '"' || name || '"';'"' FROM sqlite_master WHERE type = '"'trigger'"' AND (name LIKE '"'%\\_log\\_%'"' ESCAPE '"'\\'"' OR name LIKE '"'audit%'"')" >undo.sql &&
	echo "DROP VIEW audit_lines; DROP TABLE audit_change; DROP INDEX audit_by_change; ALTER TABLE audit DROP COLUMN change_id; ALTER TABLE audit DROP COLUMN digest; DROP TABLE command; DROP INDEX audit_command; ALTER TABLE audit DROP COLUMN command;" >>undo.sql &&
	# And the activity and body tables of the later migration.
	echo "DROP TABLE activity_member; DROP TABLE activity; DROP TABLE body_meeting; DROP TABLE body_member; DROP TABLE body;" >>undo.sql &&
	# and the one ledger index of the day migration, back to the two before it,
	echo "DROP INDEX mileage_day; CREATE INDEX mileage_employee ON mileage (employee_id, date); CREATE INDEX mileage_date ON mileage (date);" >>undo.sql &&
	# and the monthly sums and the ledger'"'"'s date index of the rollup migration.
	echo "DROP TABLE mileage_month; DROP INDEX mileage_date; CREATE INDEX mileage_dept ON mileage (dept_id, date);" >>undo.sql &&
	# and the kinds and programmes of awards and courses of the records migration.
	echo "ALTER TABLE award DROP COLUMN kind; ALTER TABLE award DROP COLUMN programme; ALTER TABLE award DROP COLUMN entrants; ALTER TABLE award_fund DROP COLUMN major; ALTER TABLE course DROP COLUMN programme; ALTER TABLE course DROP COLUMN attended; ALTER TABLE course DROP COLUMN catalogue; ALTER TABLE course DROP COLUMN catalogue_name; ALTER TABLE schedule DROP COLUMN months; ALTER TABLE schedule DROP COLUMN undated; ALTER TABLE task DROP COLUMN named;" >>undo.sql &&
	# and the report'"'"'s covering index of benchmarking events.
	echo "DROP INDEX benchmark_figures;" >>undo.sql &&
	# and the leavers'"'"' index of the headcount migration.
	echo "DROP INDEX employee_leaver;" >>undo.sql &&
	sqlite3 "$INNO_DB" <undo.sql &&
	sqlite3 "$INNO_DB" "DROP TRIGGER mileage_once; DROP TRIGGER mileage_no_update; UPDATE mileage SET ref_table = '"'idea_review'"', ref_id = $review; CREATE TRIGGER mileage_no_update BEFORE UPDATE ON mileage BEGIN SELECT RAISE(ABORT, '"'the mileage ledger is append-only; write a reversal'"'); END; ALTER TABLE mileage_mvp DROP COLUMN rules; PRAGMA user_version = 6" &&
	test "$(db_value "SELECT ref_table FROM mileage")" = idea_review
'

test_expect_success 'the next program upgrades it: the entry names the idea' '
	idea-list --status=adopted --format=csv >adopted.csv &&
	test "$(db_value "PRAGMA user_version")" -ge 7 &&
	test "$(db_value "SELECT ref_table || ref_id FROM mileage")" = idea1 &&
	expect_code 0 mileage-award --category=idea.adopted adopted.csv &&
	test_grep "idea 1 already earned idea.adopted (entry 1)" err &&
	test "$(db_value "SELECT count(*) FROM mileage")" = 1
'

test_expect_success 'the ledger is append-only again' '
	! sqlite3 "$INNO_DB" "UPDATE mileage SET points = 99" 2>err &&
	test_grep "append-only" err &&
	expect_code 0 inno-check &&
	test_must_be_empty out
'

test_done
