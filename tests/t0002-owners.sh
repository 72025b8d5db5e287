#!/bin/sh
# The ownership map held against the code: only a table's owner under lib/
# names it in SQL (tests/tools/owners.sh).  While modules are still being
# moved to their owners' functions, the places that name another module's
# table are listed below; the list may only shrink, so a new place is a
# failure and a place that is fixed must leave the list.
. "$(dirname "$0")/lib.sh"

cat >allowed <<\EOT
lib/award.c: names dept (owned by lib/staff.c)
lib/benchmark.c: names employee (owned by lib/staff.c)
lib/budget.c: names dept (owned by lib/staff.c)
lib/club.c: names dept (owned by lib/staff.c)
lib/club.c: names employee (owned by lib/staff.c)
lib/club.c: names group_member (owned by lib/group.c)
lib/course.c: names dept (owned by lib/staff.c)
lib/course.c: names employee (owned by lib/staff.c)
lib/idea.c: names dept (owned by lib/staff.c)
lib/idea.c: names employee (owned by lib/staff.c)
lib/knowledge.c: names dept (owned by lib/staff.c)
lib/knowledge.c: names employee (owned by lib/staff.c)
lib/mileage.c: names dept (owned by lib/staff.c)
lib/mileage.c: names employee (owned by lib/staff.c)
lib/mvp.c: names dept (owned by lib/staff.c)
lib/mvp.c: names employee (owned by lib/staff.c)
lib/mvp.c: names mileage (owned by lib/mileage.c)
lib/mvp.c: names mileage_close (owned by lib/mileage.c)
lib/report.c: names award (owned by lib/award.c)
lib/report.c: names award_fund (owned by lib/award.c)
lib/report.c: names benchmark (owned by lib/benchmark.c)
lib/report.c: names budget (owned by lib/budget.c)
lib/report.c: names club (owned by lib/club.c)
lib/report.c: names club_grant (owned by lib/club.c)
lib/report.c: names course (owned by lib/course.c)
lib/report.c: names dept (owned by lib/staff.c)
lib/report.c: names employee (owned by lib/staff.c)
lib/report.c: names enrolment (owned by lib/course.c)
lib/report.c: names idea (owned by lib/idea.c)
lib/report.c: names idea_review (owned by lib/idea.c)
lib/report.c: names knowledge (owned by lib/knowledge.c)
lib/report.c: names knowledge_eval (owned by lib/knowledge.c)
lib/report.c: names mileage (owned by lib/mileage.c)
lib/report.c: names mileage_mvp (owned by lib/mvp.c)
lib/report.c: names schedule (owned by lib/schedule.c)
lib/report.c: names task (owned by lib/task.c)
lib/report.c: names task_member (owned by lib/task.c)
lib/report.c: names task_milestone (owned by lib/task.c)
lib/report.c: names team (owned by lib/staff.c)
lib/task.c: names audit (owned by lib/audit.c)
lib/task.c: names dept (owned by lib/staff.c)
lib/task.c: names employee (owned by lib/staff.c)
EOT
sort allowed >allowed.sorted

test_expect_success 'every table is named only by its owner, or by an allowed place' '
	sh "$SRC_DIRECTORY/tests/tools/owners.sh" >report 2>owners.err
	code=$? &&
	test_must_be_empty owners.err &&
	if test -s report; then test "$code" = 1; else test "$code" = 0; fi &&
	sort report >report.sorted &&
	comm -23 report.sorted allowed.sorted >new &&
	test_must_be_empty new
'

test_expect_success 'a place fixed since is no longer allowed' '
	comm -13 report.sorted allowed.sorted >fixed &&
	test_must_be_empty fixed
'

test_expect_success 'a table named outside its owner is reported, exit 1' '
	mkdir tree &&
	cp -R "$SRC_DIRECTORY/lib" "$SRC_DIRECTORY/cmd" tree/ &&
	mkdir tree/share && cp -R "$SRC_DIRECTORY/share/schema" tree/share/ &&
	sh "$SRC_DIRECTORY/tests/tools/owners.sh" "$TRASH/tree" >before
	! grep "^lib/club.c: names budget " before &&
	cat >>tree/lib/club.c <<-\EOT &&

	static const char planted[] = "SELECT * FROM dept";
	static const char planted2[] = "SELECT amount FROM budget WHERE id = ?";
	EOT
	expect_code 1 sh "$SRC_DIRECTORY/tests/tools/owners.sh" "$TRASH/tree" &&
	test_grep "^lib/club.c: names dept (owned by lib/staff.c)$" out &&
	test_grep "^lib/club.c: names budget (owned by lib/budget.c)$" out &&
	test_must_be_empty err
'

test_expect_success 'the owner naming its own table is not reported' '
	cat >>tree/lib/budget.c <<-\EOT &&

	static const char planted[] = "SELECT amount FROM budget_spend";
	EOT
	sh "$SRC_DIRECTORY/tests/tools/owners.sh" "$TRASH/tree" >after
	! grep "^lib/budget.c: names budget" after
'

test_expect_success 'a table missing from the map is reported, exit 1' '
	cat >tree/share/schema/9999-planted.sql <<-\EOT &&
	CREATE TABLE planted (id INTEGER PRIMARY KEY);
	EOT
	expect_code 1 sh "$SRC_DIRECTORY/tests/tools/owners.sh" "$TRASH/tree" &&
	test_grep "^planted: no owner$" out
'

test_done
