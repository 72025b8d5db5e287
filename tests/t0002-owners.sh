#!/bin/sh
# The ownership map held against the code: only a table's owner under lib/
# names it in SQL (tests/tools/owners.sh), and no SQL is in cmd/.
. "$(dirname "$0")/lib.sh"

test_expect_success 'every table is named only by its owner' '
	expect_code 0 sh "$SRC_DIRECTORY/tests/tools/owners.sh" &&
	test_must_be_empty out &&
	test_must_be_empty err
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
