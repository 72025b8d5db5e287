#!/bin/sh
# The monthly rollup (mileage_month): every way an entry reaches the ledger
# (an award, a batch, a reversal, an event's mileage) adds to its month's
# cell in the same transaction, the caps read it, and inno-check holds it
# against the ledger.
. "$(dirname "$0")/lib.sh"

cat >mileage.ini <<\EOT
[mileage]
person_month_cap = 50
[mileage.idea.adopted]
points = 20
min = 1
max = 50
[mileage.cs.praise]
points = 5
kind = cs
EOT
INNO_CONFIG=$TRASH/mileage.ini
INNO_NOW=2007-06-15
export INNO_CONFIG INNO_NOW

# The ledger's sums per month, recipient, department, category and kind,
# as the rollup should hold them.
ledger_sums() {
	db_value "SELECT substr(date, 1, 7), coalesce(employee_id, 0), dept_id,
	    category, kind, sum(points), count(*), count(reverses), max(date)
	    FROM mileage GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5"
}
rollup() {
	db_value "SELECT month, employee_id, dept_id, category, kind, points,
	    entries, reversals, last FROM mileage_month ORDER BY 1, 2, 3, 4, 5"
}
# The rollup equals the ledger's sums, and inno-check agrees.
rollup_matches() {
	ledger_sums >want &&
	rollup >got &&
	test -s want &&
	test_cmp want got &&
	expect_code 0 inno-check &&
	test_must_be_empty out
}

test_expect_success 'an award from options adds its cell' '
	setup_staff &&
	expect_code 0 mileage-award --employee-id=E01 --category=idea.adopted \
	    --date=2007-05-02 &&
	echo "2007-05|1|1|idea.adopted|innovation|20|1|0|2007-05-02" >expect &&
	rollup >actual &&
	test_cmp expect actual &&
	rollup_matches
'

test_expect_success 'a batch adds to the cells it shares and makes the rest' '
	cat >batch.csv <<-\EOF &&
	employee_id,dept,date,category,points
	E01,,2007-05-20,idea.adopted,10
	E01,,2007-05-21,cs.praise,
	E07,,2007-04-30,idea.adopted,
	,총무과,2007-05-03,idea.adopted,
	EOF
	expect_code 0 mileage-award -q batch.csv &&
	test_must_be_empty err &&
	cat >expect <<-\EOF &&
	2007-04|7|3|idea.adopted|innovation|20|1|0|2007-04-30
	2007-05|0|2|idea.adopted|innovation|20|1|0|2007-05-03
	2007-05|1|1|cs.praise|cs|5|1|0|2007-05-21
	2007-05|1|1|idea.adopted|innovation|30|2|0|2007-05-20
	EOF
	rollup >actual &&
	test_cmp expect actual &&
	rollup_matches
'

test_expect_success 'a dry run and a refused batch leave the rollup as it was' '
	rollup >before &&
	expect_code 0 mileage-award -q -n batch.csv &&
	printf "employee_id,date,category\nE02,2007-05-02,idea.adopted\nE99,2007-05-02,idea.adopted\n" >bad.csv &&
	expect_code 1 mileage-award -q bad.csv &&
	rollup >after &&
	test_cmp before after &&
	rollup_matches
'

test_expect_success 'the cap counts the month from the rollup, batch rows included' '
	printf "employee_id,date,category,points\nE01,2007-05-25,idea.adopted,10\nE01,2007-05-26,idea.adopted,10\n" >over.csv &&
	expect_code 1 mileage-award -q over.csv &&
	test_grep "the per-person monthly cap of 50 points for 2007-05 (45 used)" err &&
	printf "employee_id,date,category,points\nE01,2007-05-25,idea.adopted,15\n" >fits.csv &&
	expect_code 0 mileage-award -q fits.csv &&
	expect_code 1 mileage-award --employee-id=E01 --category=cs.praise \
	    --date=2007-05-27 &&
	test_grep "(50 used)" err &&
	rollup_matches
'

test_expect_success 'a reversal takes its entry out of the same cell' '
	expect_code 0 mileage-award --reverse=1 --date=2007-06-01 &&
	expect_code 0 mileage-award --reverse=2 &&
	test "$(db_value "SELECT points || '\'' '\'' || entries || '\'' '\'' || reversals
	    FROM mileage_month WHERE month = '\''2007-05'\'' AND employee_id = 1
	    AND category = '\''idea.adopted'\''")" = "35 4 1" &&
	test "$(db_value "SELECT points FROM mileage_month WHERE month =
	    '\''2007-06'\'' AND employee_id = 1")" = -20 &&
	rollup_matches
'

test_expect_success 'mileage an event earns, and its undoing, keep the rollup' '
	printf "%s\n" submitted,title,source,employee_id \
	    2007-06-02,분수대,staff,E02 >ideas.csv &&
	idea-submit -q ideas.csv &&
	idea-review -q --idea=1 --date=2007-06-12 --decision=adopted \
	    --dept=총무과 >/dev/null &&
	test "$(db_value "SELECT points FROM mileage_month WHERE month =
	    '\''2007-06'\'' AND employee_id = 2")" = 20 &&
	rollup_matches &&
	idea-review -q --idea=1 --date=2007-06-13 --decision=rejected \
	    >/dev/null &&
	test "$(db_value "SELECT points || '\'' '\'' || entries FROM mileage_month
	    WHERE month = '\''2007-06'\'' AND employee_id = 2")" = "0 2" &&
	rollup_matches
'

test_expect_success 'inno-check reports a cell changed behind the programs'"'"' back' '
	db_copy "$INNO_DB" saved.db >/dev/null &&
	db_exec "UPDATE mileage_month SET points = points + 5
	    WHERE month = '\''2007-04'\''" &&
	expect_code 1 inno-check &&
	echo "mileage: 2007-04, E07, department 사회복지과, category idea.adopted: the ledger holds 20 points in 1 entries, its monthly sums (mileage_month) 25 points in 1 entries" >expect &&
	grep "^mileage: " out >actual &&
	test_cmp expect actual
'

test_expect_success 'inno-check reports a cell deleted, or one made up' '
	db_copy "$(db_name saved.db)" "$INNO_DB" >/dev/null &&
	db_exec "DELETE FROM mileage_month WHERE month = '\''2007-04'\'';
	    INSERT INTO mileage_month (month, employee_id, dept_id, category,
	    kind, points, entries, reversals, last) VALUES ('\''2007-03'\'', 8, 3,
	    '\''cs.praise'\'', '\''cs'\'', 99, 1, 0, '\''2007-03-09'\'')" &&
	expect_code 1 inno-check &&
	cat >expect <<-\EOF &&
	mileage: 2007-03, E08, department 사회복지과, category cs.praise: the ledger holds 0 points in 0 entries, its monthly sums (mileage_month) 99 points in 1 entries
	mileage: 2007-04, E07, department 사회복지과, category idea.adopted: the ledger holds 20 points in 1 entries, its monthly sums (mileage_month) 0 points in 0 entries
	EOF
	grep "^mileage: " out >actual &&
	test_cmp expect actual
'

test_expect_success_sqlite 'it runs the SQLite migration file itself, and DROP TRIGGER without ON' \
    'the migration builds the rollup from the ledger there' '
	cp saved.db "$INNO_DB" &&
	rollup >before &&
	sqlite3 "$INNO_DB" "DROP TABLE mileage_month;
	    CREATE INDEX mileage_dept ON mileage (dept_id, date)" &&
	# The rollup migration itself, as the upgrade runs it (later
	# migrations are already in place, so it runs alone here).
	cat "$SRC_DIRECTORY"/share/schema/[0-9][0-9][0-9][0-9]-mileage-rollup.sql >rollup.sql &&
	sqlite3 "$INNO_DB" <rollup.sql &&
	# Its date index and insert trigger are what the day migration (in
	# place) replaced, and its update trigger what 0017 dropped.
	sqlite3 "$INNO_DB" "DROP INDEX mileage_date;
	    DROP TRIGGER mileage_month_log_insert;
	    DROP TRIGGER mileage_month_log_update" &&
	expect_code 0 mileage-list --by=kind &&
	rollup >after &&
	test_cmp before after &&
	rollup_matches
'

# Many cells, in an order that comes back to months already passed: each
# cell sums every entry of its month, written once at the batch's end.
test_expect_success 'a batch of many cells, months out of order' '
	db_fresh &&
	awk "BEGIN { print \"employee_id,name,grade,dept\";
	    for (i = 1; i <= 400; i++)
		printf \"P%03d,직원%d,5,부서%d\\n\", i, i, i % 7 }" >many.csv &&
	staff-import -q many.csv &&
	awk "BEGIN { print \"employee_id,date,category\";
	    for (r = 0; r < 2; r++) for (m = 0; m < 12; m++)
	    for (i = 1; i <= 400; i++) for (c = 0; c < 2; c++)
		printf \"P%03d,2006-%02d-%02d,%s\\n\", i,
		    1 + (m * 5 + r * 7) % 12, 1 + (i + r) % 28,
		    c ? \"cs.praise\" : \"idea.adopted\" }" >cells.csv &&
	sed "/^person_month_cap/d" mileage.ini >nocap.ini &&
	expect_code 0 mileage-award -q -c nocap.ini cells.csv &&
	test_must_be_empty err &&
	test "$(db_value "SELECT count(*), sum(entries), sum(points) FROM
	    mileage_month")" = "9600|19200|240000" &&
	rollup_matches
'

# The cells are the ledger's sums: an award's audit rows name its entry,
# and the cell it made, if it made one; adding to a cell is not logged
# (0017-single.sql), inno-check holds the cell against the ledger instead.
test_expect_success 'one award audits its entry and the cell it made' '
	changes=$(db_value "SELECT count(*) FROM audit_change") &&
	expect_code 0 mileage-award --employee-id=P001 \
	    --category=idea.adopted --date=2007-01-09 &&
	entry=$(cat out) &&
	cell=$(db_value "SELECT id FROM mileage_month WHERE month = '\''2007-01'\''") &&
	db_value "SELECT action, tbl, first_id, last_id, detail FROM audit
	    WHERE command = (SELECT max(id) FROM command) ORDER BY id" >actual &&
	cat >expect <<-EOF &&
	insert|mileage_month|$cell|$cell|1 monthly sum of the ledger
	insert|mileage|$entry|$entry|1 row from options
	EOF
	test_cmp expect actual &&
	expect_code 0 mileage-award --employee-id=P001 \
	    --category=idea.adopted --points=5 --date=2007-01-10 &&
	entry=$(cat out) &&
	db_value "SELECT action, tbl, first_id, last_id, detail FROM audit
	    WHERE command = (SELECT max(id) FROM command) ORDER BY id" >actual &&
	echo "insert|mileage|$entry|$entry|1 row from options" >expect &&
	test_cmp expect actual &&
	test "$(db_value "SELECT count(*) FROM audit_change")" = "$changes" &&
	test "$(db_value "SELECT points, entries, last FROM mileage_month
	    WHERE id = $cell")" = "25|2|2007-01-10" &&
	rollup_matches
'

test_done
