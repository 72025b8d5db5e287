#!/bin/sh
# One policy for mileage an event earns (inno.ini(5), "Mileage for
# events"): whichever program records the event, the same cap gives the
# same outcome.  A cap limits the points, never the event: the idea, the
# decision or the membership is recorded, the mileage is trimmed or
# withheld, and the clerk gets a note.  A closed month withholds it too.
. "$(dirname "$0")/lib.sh"

cat >base.ini <<\EOT
[mileage.idea.submitted]
points = 2
month_cap = 20
[mileage.idea.adopted]
points = 20
[mileage.club.join]
points = 20
EOT
INNO_NOW=2007-07-15
export INNO_NOW

# $1 the cap action.  E02 has 20 points in May from one adoption, under a
# cap of 25: a second adoption and a club membership each exceed it.
setup_month() {
	db_fresh &&
	{ printf "[mileage]\nperson_month_cap = 25\ncap_action = %s\n" "$1" &&
	  cat base.ini; } >inno.ini &&
	setup_staff &&
	printf "%s\n" submitted,title,source,employee_id \
	    2007-05-02,첫째,staff,E02 2007-05-03,둘째,staff,E02 >ideas.csv &&
	idea-submit -q -c inno.ini ideas.csv &&
	idea-review -q -c inno.ini --idea=1 --date=2007-05-10 \
	    --decision=adopted --dept=총무과 >/dev/null &&
	club-register -q --name=정책품질관리 --kind=strategic --leader=E01 \
	    --registered=2007-03-01 >/dev/null
}

test_expect_success 'reject: an adoption over the cap is recorded, its mileage withheld' '
	setup_month reject &&
	test "$(db_value "SELECT sum(points) FROM mileage")" = 24 &&
	expect_code 0 idea-review -c inno.ini --idea=2 --date=2007-05-11 \
	    --decision=adopted --dept=총무과 &&
	echo 2 >expect && test_cmp expect out &&
	echo "idea-review: note: no mileage written: mileage: E02: 20 points in idea.adopted would exceed the per-person monthly cap of 25 points for 2007-05 (24 used)" >expect &&
	test_cmp expect err &&
	test "$(db_value "SELECT status FROM idea WHERE id = 2")" = adopted &&
	test "$(db_value "SELECT sum(points) FROM mileage")" = 24
'

test_expect_success 'reject: a club membership over the same cap: the same outcome' '
	expect_code 0 club-join -c inno.ini --club=정책품질관리 \
	    --employee-id=E02 --joined=2007-05-12 &&
	echo 1 >expect && test_cmp expect out &&
	echo "club-join: note: no mileage written: mileage: E02: 20 points in club.join would exceed the per-person monthly cap of 25 points for 2007-05 (24 used)" >expect &&
	test_cmp expect err &&
	test "$(db_value "SELECT count(*) FROM club_member")" = 1 &&
	test "$(db_value "SELECT sum(points) FROM mileage")" = 24
'

test_expect_success 'trim: both programs trim the points to what the cap leaves' '
	setup_month trim &&
	expect_code 0 idea-review -c inno.ini --idea=2 --date=2007-05-11 \
	    --decision=adopted --dept=총무과 &&
	echo "idea-review: note: mileage: E02: 20 points in idea.adopted trimmed to 1 by the per-person monthly cap of 25 points for 2007-05 (24 used)" >expect &&
	test_cmp expect err &&
	expect_code 0 club-join -c inno.ini --club=정책품질관리 \
	    --employee-id=E02 --joined=2007-05-12 &&
	echo "club-join: note: mileage: E02: 20 points in club.join trimmed to 0 by the per-person monthly cap of 25 points for 2007-05 (25 used); no entry written" >expect &&
	test_cmp expect err &&
	test "$(db_value "SELECT group_concat(points) FROM mileage")" = "2,2,20,1"
'

# The shipped configuration rejects over a cap: the 11th idea of a month
# is recorded all the same, with the note saying its mileage is withheld.
test_expect_success 'the 11th idea of a month is recorded; its mileage is not' '
	db_fresh && setup_staff &&
	i=0 && echo submitted,title,source,employee_id >many.csv &&
	while test $i -lt 11; do
		i=$((i + 1)) && echo "2007-05-$((i + 10)),아이디어 $i,staff,E05" >>many.csv
	done &&
	expect_code 0 idea-submit -c "$SRC_DIRECTORY/share/inno.ini" many.csv &&
	test_must_be_empty out &&
	cat >expect <<-\EOT &&
	idea-submit: many.csv:12: note: no mileage written: mileage: E05: 2 points in idea.submitted would exceed the monthly cap of 20 points in category idea.submitted for 2007-05 (20 used)
	idea-submit: 11 ideas written
	EOT
	test_cmp expect err &&
	test "$(db_value "SELECT count(*) FROM idea")" = 11 &&
	test "$(db_value "SELECT count(*) || '\'','\'' || sum(points) FROM mileage")" = "10,20"
'

# A closed month takes no entry: the event is recorded, the mileage
# withheld with a note, to be given by hand in an open month.
test_expect_success 'a closed month withholds the mileage, not the decision' '
	setup_month reject &&
	mileage-mvp -q -c inno.ini --month=2007-05 --close >/dev/null &&
	expect_code 0 idea-review -c inno.ini --idea=2 --date=2007-05-20 \
	    --decision=adopted --dept=총무과 &&
	echo "idea-review: note: no mileage written: mileage: month 2007-05 is closed and cannot change: date the entry or correction in an open month instead" >expect &&
	test_cmp expect err &&
	test "$(db_value "SELECT status FROM idea WHERE id = 2")" = adopted &&
	expect_code 0 mileage-award -c inno.ini --idea-id=2 --employee-id=E02 \
	    --category=idea.adopted --date=2007-06-01 &&
	test "$(db_value "SELECT count(*) FROM mileage WHERE ref_table = '"'idea'"' AND ref_id = 2 AND category = '"'idea.adopted'"'")" = 1
'

test_done
