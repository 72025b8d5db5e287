#!/bin/sh
# Every table the programs write can be taken back: its update and delete
# triggers keep the old row in the change log, and inno-undo knows its
# owner.  A table added by a later migration without either is caught here.
. "$(dirname "$0")/lib.sh"
test_sqlite_only "it reads the change log's triggers from sqlite_master"

test_expect_success 'setup: a database at the newest schema' '
	expect_code 0 staff-import -q --teams "$SRC_DIRECTORY/share/demo/teams.csv" &&
	test_must_be_empty out &&
	test_must_be_empty err
'

test_expect_success 'every update and delete trigger of the change log keeps the old row' '
	sqlite3 "$INNO_DB" "SELECT name FROM sqlite_master WHERE type = '"'trigger'"' AND (name LIKE '"'%\\_log\\_update'"' ESCAPE '"'\\'"' OR name LIKE '"'%\\_log\\_delete'"' ESCAPE '"'\\'"') AND sql NOT LIKE '"'%old_row%'"' ORDER BY name" >missing &&
	test_must_be_empty missing &&
	test "$(sqlite3 "$INNO_DB" "SELECT count(*) FROM sqlite_master WHERE type = '"'trigger'"' AND name LIKE '"'%\\_log\\_update'"' ESCAPE '"'\\'"'")" -gt 30
'

test_expect_success 'the old row kept names every column of its table' '
	sqlite3 "$INNO_DB" "SELECT t.name, p.name FROM sqlite_master t,
	    pragma_table_info(t.tbl_name) p WHERE t.type = '"'trigger'"' AND
	    (t.name LIKE '"'%\\_log\\_update'"' ESCAPE '"'\\'"' OR
	    t.name LIKE '"'%\\_log\\_delete'"' ESCAPE '"'\\'"') AND
	    instr(t.sql, '"'old.'"' || p.name || '"')'"') = 0 AND
	    instr(t.sql, '"'old.'"' || p.name || '"','"') = 0
	    ORDER BY 1, 2" >columns &&
	test_must_be_empty columns
'

test_expect_success 'every logged table has a handler in inno-undo' '
	sqlite3 "$INNO_DB" "SELECT DISTINCT tbl_name FROM sqlite_master WHERE type = '"'trigger'"' AND name LIKE '"'%\\_log\\_insert'"' ESCAPE '"'\\'"' ORDER BY 1" >tables &&
	test -s tables &&
	: >unhandled &&
	while read -r t; do
		grep -q "^	{\"$t\", \"[a-z]*\\.c\", " "$SRC_DIRECTORY/lib/undo.c" ||
		echo "$t" >>unhandled
	done <tables &&
	test_must_be_empty unhandled
'

test_done
