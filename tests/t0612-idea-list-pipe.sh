#!/bin/sh
# The pipe of CLI.md: idea-list's CSV feeds mileage-award directly.
. "$(dirname "$0")/lib.sh"

# The example configuration, whose idea.adopted category gives 20 points.
INNO_CONFIG=$SRC_DIRECTORY/share/inno.ini
export INNO_CONFIG

test_expect_success 'setup: two adopted ideas, one pending' '
	setup_staff &&
	printf "%s\n" "submitted,title,source,employee_id" \
	    "2007-03-05,분수대 설치,staff,E02" "2007-04-05,화장실 개선,staff,E05" \
	    "2007-04-06,주차장,staff,E06" >ideas.csv &&
	idea-submit -q ideas.csv &&
	idea-review -q --idea=1 --date=2007-06-12 --decision=adopted --dept=총무과 &&
	idea-review -q --idea=2 --date=2007-06-12 --decision=adopted --dept=총무과
'

# The example configuration already awards idea.adopted when a review
# adopts an idea.  The pipe names each idea by its id, and an idea earns
# idea.adopted once, however the entry would reach the ledger: the pipe
# adds nothing and says so, row by row, and succeeds (each proposer has
# the mileage the idea earns, which is what was asked).
test_expect_success 'adopted ideas piped after their review add no second entry' '
	idea-list --status=adopted --format=csv >adopted.csv &&
	expect_code 0 mileage-award --category=idea.adopted adopted.csv &&
	test_must_be_empty out &&
	cat >expect <<-\EOT &&
	mileage-award: adopted.csv:2: note: id: idea 1 already earned idea.adopted (entry 4); no entry written
	mileage-award: adopted.csv:3: note: id: idea 2 already earned idea.adopted (entry 5); no entry written
	mileage-award: 0 entries written
	EOT
	test_cmp expect err &&
	expect_code 0 mileage-list --category=idea.adopted --by=employee --format=csv &&
	printf "%s\r\n" employee_id,name,dept,entries,innovation,cs,points \
	    E02,이서연,창의혁신단,1,20,0,20 E05,정하늘,총무과,1,20,0,20 >expect &&
	test_cmp expect out
'

test_expect_success 'the same pipe in another category is another batch' '
	expect_code 0 mileage-award --category=contest.entry adopted.csv &&
	echo "mileage-award: 2 entries written" >expect &&
	test_cmp expect err &&
	expect_code 0 mileage-award --category=contest.entry adopted.csv &&
	test_grep "applied before" err &&
	test "$(db_value "SELECT count(*) FROM mileage WHERE category = '"'contest.entry'"'")" = 2
'

# Without a review hook the pipe is what gives the mileage, once.
test_expect_success 'with the hook off, the pipe gives the mileage, and a re-run does not' '
	printf "[idea]\nmileage_adopted =\n" >nohook.ini &&
	cat "$INNO_CONFIG" nohook.ini >off.ini &&
	printf "%s\n" "submitted,title,source,employee_id" \
	    "2007-05-05,주차장 개선,staff,E06" >more.csv &&
	idea-submit -q -c off.ini more.csv &&
	idea-review -q -c off.ini --idea=4 --date=2007-06-12 --decision=adopted --dept=총무과 &&
	test "$(db_value "SELECT count(*) FROM mileage WHERE ref_id = 4 AND category = '"'idea.adopted'"'")" = 0 &&
	idea-list --status=adopted --format=csv >adopted2.csv &&
	expect_code 0 mileage-award -c off.ini --category=idea.adopted adopted2.csv &&
	cat >expect <<-\EOT &&
	mileage-award: adopted2.csv:2: note: id: idea 1 already earned idea.adopted (entry 4); no entry written
	mileage-award: adopted2.csv:3: note: id: idea 2 already earned idea.adopted (entry 5); no entry written
	EOT
	sed "\$d" err >notes &&
	test_cmp expect notes &&
	test "$(db_value "SELECT count(*) FROM mileage WHERE ref_table = '"'idea'"' AND ref_id = 4 AND category = '"'idea.adopted'"'")" = 1 &&
	expect_code 0 mileage-award -c off.ini --category=idea.adopted --batch-id=again adopted2.csv &&
	test_grep "idea 4 already earned idea.adopted" err &&
	test "$(db_value "SELECT count(*) FROM mileage WHERE ref_id = 4 AND category = '"'idea.adopted'"'")" = 1
'

# idea-list's dept is the idea's; once its proposer moves it is not the
# proposer's.  A row already paid is skipped before its dept is looked at;
# a row that would be written must name the proposer's own department.
test_expect_success 'a proposer who moved: paid rows skip, a new row is refused' '
	printf "employee_id,name,grade,dept\nE05,정하늘,9,사회복지과\n" >move.csv &&
	staff-import -q move.csv &&
	expect_code 0 mileage-award --batch-id=moved --category=idea.adopted adopted.csv &&
	test_grep "idea 2 already earned idea.adopted" err &&
	printf "%s\n" id,employee_id,dept,date 3,E05,총무과,2007-06-13 >new.csv &&
	expect_code 1 mileage-award --category=idea.adopted new.csv &&
	test_grep "^mileage-award: new.csv:2: dept: 총무과: the employee belongs to 사회복지과" err
'

# The schema holds the rule even against a writer that skips the check.
test_expect_success 'the schema refuses a second live entry of one record' '
	! db_exec "INSERT INTO mileage (date, employee_id, dept_id, category, kind, points, ref_table, ref_id) SELECT date, employee_id, dept_id, category, kind, points, ref_table, ref_id FROM mileage WHERE ref_table = '"'idea'"' AND ref_id = 1 AND category = '"'idea.adopted'"'" 2>err &&
	test_grep "already earned" err
'

test_done
