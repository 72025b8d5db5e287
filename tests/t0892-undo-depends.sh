#!/bin/sh
# inno-undo refuses a command that later commands depend on, naming them:
# an idea reviewed after its submission batch, a task changed after it was
# added.  Once those are undone, latest first, it goes through; and undone
# pairs no longer stand in the way.
. "$(dirname "$0")/lib.sh"

cat >inno.ini <<\EOT
[mileage.idea.adopted]
points = 20
EOT
INNO_CONFIG=$TRASH/inno.ini
INNO_NOW=2007-06-15
export INNO_CONFIG INNO_NOW

# The ledger and its monthly sums only grow: an undo answers entries with
# reversals, checked by their sums below.
dump() {
	for t in $(db_tables | grep -v -x -e audit -e audit_change -e command \
	    -e mileage -e mileage_month); do
		echo "== $t"
		db_value "SELECT * FROM \"$t\" ORDER BY 1"
	done >"$1"
}

test_expect_success 'setup: two ideas submitted, one reviewed' '
	setup_staff &&
	dump staff &&
	printf "%s\n" submitted,title,source,employee_id \
	    2007-03-05,분수대,staff,E02 2007-03-06,자전거길,staff,E01 >ideas.csv &&
	idea-submit -q ideas.csv &&
	dump submitted &&
	idea-review -q --idea=1 --date=2007-06-12 --decision=adopted \
	    --dept=총무과 >/dev/null &&
	dump reviewed
'

test_expect_success 'the submission is refused, naming the review' '
	at=$(db_value "SELECT at FROM command WHERE id = 3") &&
	expect_code 1 inno-undo 2 &&
	test_must_be_empty out &&
	echo "inno-undo: command 2 cannot be undone: later commands depend on it: 3 (idea-review, $at); undo those first" >expect &&
	test_cmp expect err &&
	dump now &&
	test_cmp reviewed now &&
	test "$(db_value "SELECT count(*) FROM command")" = 3
'

test_expect_success 'the review undone: the idea as submitted, its mileage reversed' '
	expect_code 0 inno-undo 3 &&
	echo "inno-undo: command 3 undone by command 4: 1 rows deleted, 1 restored, 0 put back, 1 ledger entries written" >expect &&
	test_cmp expect err &&
	dump now &&
	test_cmp submitted now &&
	test "$(db_value "SELECT sum(points) FROM mileage")" = 0 &&
	test "$(db_value "SELECT sum(points) FROM mileage_month")" = 0 &&
	expect_code 0 inno-check -q &&
	test_must_be_empty err
'

test_expect_success 'then the submission goes, the review and its undo no longer in the way' '
	expect_code 0 inno-undo -q 2 &&
	test_must_be_empty err &&
	dump now &&
	test_cmp staff now &&
	expect_code 0 inno-check -q &&
	test_must_be_empty err
'

test_expect_success 'and everything comes back, undo by undo' '
	expect_code 0 inno-undo -q 5 &&
	dump now &&
	test_cmp submitted now &&
	expect_code 0 inno-undo -q 4 &&
	dump now &&
	test_cmp reviewed now &&
	expect_code 0 inno-check -q &&
	test_must_be_empty err
'

test_expect_success 'a task changed after it was added: the addition is refused' '
	id=$(task-add --title=무인발급기 --field="고객만족 제고" --dept=총무과 \
	    --origin=own) &&
	add=$(db_value "SELECT max(id) FROM command") &&
	task-update -q --priority=7 "$id" &&
	upd=$(db_value "SELECT max(id) FROM command") &&
	at=$(db_value "SELECT at FROM command WHERE id = $upd") &&
	expect_code 1 inno-undo "$add" &&
	echo "inno-undo: command $add cannot be undone: later commands depend on it: $upd (task-update, $at); undo those first" >expect &&
	test_cmp expect err &&
	expect_code 0 inno-undo -q "$upd" &&
	test "$(db_value "SELECT priority FROM task WHERE id = $id")" != 7 &&
	expect_code 0 inno-undo -q "$add" &&
	test "$(db_value "SELECT count(*) FROM task")" = 0 &&
	expect_code 0 inno-check -q &&
	test_must_be_empty err
'

test_done
