#!/bin/sh
# The caps of a batch too large for the sums it keeps in memory
# (CAP_SLOTS in lib/mileage.c): a month passed is dropped from memory, a
# row that comes back to it reads the database, and no recipient's month
# ever goes past its cap, whatever the order of the rows.
. "$(dirname "$0")/lib.sh"

cat >caps.ini <<\EOT
[mileage]
person_month_cap = 30
cap_action = trim
[mileage.idea.adopted]
points = 20
min = 1
max = 50
[mileage.contest.prize]
points = 10
min = 1
max = 50
month_cap = 15
EOT
INNO_CONFIG=$TRASH/caps.ini
export INNO_CONFIG

# 1,100 staff; in each month of 2007, for every person, 20 points of
# idea.adopted and 10 of contest.prize (30: the person's cap), then the
# same again (trimmed to 0, no entry); then a row for every person in
# January again, after the months that pushed it out of memory (2,200
# sums a month, 26,400 in all).
test_expect_success 'setup: 1,100 staff and 53,900 rows' '
	awk "BEGIN { print \"employee_id,name,grade,dept\";
	    for (i = 1; i <= 1100; i++)
		printf \"P%04d,직원%d,5,부서%d\n\", i, i, i % 9 }" >staff.csv &&
	staff-import -q staff.csv &&
	awk "BEGIN { print \"employee_id,date,category,points\";
	    for (m = 1; m <= 12; m++) for (r = 0; r < 2; r++)
	    for (i = 1; i <= 1100; i++) {
		printf \"P%04d,2007-%02d-%02d,idea.adopted,20\n\", i, m, 1 + r
		printf \"P%04d,2007-%02d-%02d,contest.prize,10\n\", i, m, 3 + r
	    }
	    for (i = 1; i <= 1100; i++)
		printf \"P%04d,2007-01-28,idea.adopted,20\n\", i }" >rows.csv &&
	test "$(wc -l <rows.csv)" = 53901
'

test_expect_success 'every month of every person ends at the cap, exactly' '
	expect_code 0 mileage-award -q rows.csv &&
	test_must_be_empty out &&
	test_must_be_empty err &&
	# Per person and month: 20 + 10, then nothing more.
	test "$(db_value "SELECT count(*), sum(points) FROM mileage")" = \
	    "26400|396000" &&
	test "$(db_value "SELECT count(*) FROM (SELECT employee_id,
	    substr(date, 1, 7), sum(points) AS s FROM mileage GROUP BY 1, 2)
	    WHERE s <> 30")" = 0 &&
	test "$(db_value "SELECT count(*), sum(points) FROM mileage
	    WHERE category = '"'contest.prize'"'")" = "13200|132000"
'

test_expect_success 'the monthly sums agree with the ledger' '
	expect_code 0 inno-check &&
	test_must_be_empty out &&
	expect_code 0 mileage-list --by=month --format=csv &&
	test "$(grep -c "^2007-" out)" = 12 &&
	test "$(grep -c "^2007-[01][0-9],2200,33000,0,33000" out)" = 12
'

# Without trimming, the same file is refused at the first row over a
# cap, and nothing is written.
test_expect_success 'with cap_action = reject, the batch writes nothing' '
	sed "s/^cap_action = trim/cap_action = reject/" caps.ini >reject.ini &&
	db_fresh &&
	staff-import -q staff.csv &&
	expect_code 1 mileage-award -q -c reject.ini rows.csv &&
	test "$(grep -c "would exceed the per-person monthly cap of 30 points for 2007-" err)" -ge 12 &&
	test "$(db_value "SELECT count(*) FROM mileage")" = 0
'

test_done
