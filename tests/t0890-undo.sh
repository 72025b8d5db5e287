#!/bin/sh
# inno-undo: a batch of 236 tasks taken back leaves every table as it was,
# and undoing the undo brings every row back; the commands are listed in
# every format; what cannot be undone is refused and writes nothing.
. "$(dirname "$0")/lib.sh"

INNO_CONFIG=$SRC_DIRECTORY/share/inno.ini
export INNO_CONFIG

# dump FILE: every row of every table but the trail's own (the audit rows,
# the change log, the commands), in the order of its first column.
dump() {
	for t in $(db_tables | grep -v -x -e audit -e audit_change -e command); do
		echo "== $t"
		db_value "SELECT * FROM \"$t\" ORDER BY 1"
	done >"$1"
}

test_expect_success 'setup: the demo organisation' '
	staff-import -q --teams "$SRC_DIRECTORY/share/demo/teams.csv" &&
	staff-import -q "$SRC_DIRECTORY/share/demo/staff.csv" &&
	staff-import -q "$SRC_DIRECTORY/share/demo/employees.csv" &&
	dump before
'

test_expect_success 'task-add of 236 tasks is one command, listed in words' '
	expect_code 0 task-add -q "$SRC_DIRECTORY/share/demo/tasks.csv" &&
	test_must_be_empty err &&
	test "$(db_value "SELECT count(*) FROM task")" = 236 &&
	dump added &&
	expect_code 0 inno-undo --list --program=task-add \
		--columns=id,user,program,changes,undoes,undone_by --format=tsv &&
	printf "id\tuser\tprogram\tchanges\tundoes\tundone_by\n4\t%s\ttask-add\ttask: 236 added\t\t\n" \
		"$(id -un)" >expect &&
	test_cmp expect out &&
	test_must_be_empty err
'

test_expect_success 'the list in JSON, as a table, and filtered' '
	expect_code 0 inno-undo --list --format=json --columns=id,program \
		--user="$(id -un)" --since=2000-01-01 &&
	cat >expect <<-\EOT &&
	[
	{"id":1,"program":"staff-import"},
	{"id":2,"program":"staff-import"},
	{"id":3,"program":"staff-import"},
	{"id":4,"program":"task-add"}
	]
	EOT
	tr -d " " <out >got && tr -d " " <expect >want &&
	test_cmp want got &&
	expect_code 0 inno-undo --list --format=table --columns=id,changes \
		--program=task-add &&
	test_grep "^ *4  *task: 236 added *$" out &&
	expect_code 0 inno-undo --list --until=2000-01-01 --columns=id &&
	printf "id\r\n" >expect &&
	test_cmp expect out &&
	expect_code 0 inno-undo --list --user=nobody-here --format=tsv &&
	test "$(wc -l <out)" = 1
'

test_expect_success 'a dry run says what it would do and writes nothing' '
	expect_code 0 inno-undo -n 4 &&
	test_must_be_empty out &&
	echo "inno-undo: command 4 can be undone: 236 rows to delete, 0 to restore, 0 to put back, 0 ledger entries to write (nothing written)" >expect &&
	test_cmp expect err &&
	dump now &&
	test_cmp added now &&
	test "$(db_value "SELECT count(*) FROM command")" = 4
'

test_expect_success 'undoing the batch leaves every table as before' '
	expect_code 0 inno-undo 4 &&
	test_must_be_empty out &&
	echo "inno-undo: command 4 undone by command 5: 236 rows deleted, 0 restored, 0 put back, 0 ledger entries written" >expect &&
	test_cmp expect err &&
	dump undone &&
	test_cmp before undone &&
	expect_code 0 inno-check -q &&
	test_must_be_empty err
'

test_expect_success 'the undo is a command of its own, and audited' '
	expect_code 0 inno-undo --list --columns=id,program,changes,undoes,undone_by,args --format=tsv &&
	tail -n 2 out >got &&
	# The arguments start with "-", which a spreadsheet would take for
	# a formula: the listing quotes them, as every listing does.
	printf "4\ttask-add\ttask: 236 added\t\t5\t\047-q %s\n5\tinno-undo\ttask: 236 deleted\t4\t\t4\n" \
		"$SRC_DIRECTORY/share/demo/tasks.csv" >expect &&
	test_cmp expect got &&
	test "$(db_value "SELECT count(*) FROM audit WHERE command = 5 AND action = '\''delete'\'' AND tbl = '\''task'\'' AND first_id = 1 AND last_id = 236")" = 1
'

test_expect_success 'the batch can be applied again once undone' '
	again=$(db_copy "$INNO_DB" again.db) &&
	expect_code 0 task-add -d "$again" "$SRC_DIRECTORY/share/demo/tasks.csv" &&
	test_grep "236" err &&
	test "$(db_value -d "$again" "SELECT count(*) FROM task")" = 236
'

test_expect_success 'undoing the undo brings every row back' '
	expect_code 0 inno-undo -q 5 &&
	test_must_be_empty out &&
	test_must_be_empty err &&
	dump redone &&
	test_cmp added redone &&
	expect_code 0 inno-check -q &&
	test_must_be_empty err
'

test_expect_success 'a command is undone once' '
	expect_code 1 inno-undo 4 &&
	test_must_be_empty out &&
	echo "inno-undo: command 4 was undone already, by command 5" >expect &&
	test_cmp expect err
'

test_expect_success 'an undone undo undone again is refused the same way' '
	expect_code 1 inno-undo 5 &&
	echo "inno-undo: command 5 was undone already, by command 6" >expect &&
	test_cmp expect err
'

test_expect_success 'a schema upgrade is not undone' '
	expect_code 1 inno-undo 1 &&
	test_must_be_empty out &&
	echo "inno-undo: command 1 cannot be undone: it did \"migrate\", which no undo takes back" >expect &&
	test_cmp expect err &&
	dump now &&
	test_cmp added now
'

test_expect_success 'a command that does not exist' '
	expect_code 1 inno-undo 99 &&
	test_must_be_empty out &&
	echo "inno-undo: command 99: no such command" >expect &&
	test_cmp expect err
'

test_expect_success 'usage errors' '
	expect_code 2 inno-undo &&
	test_must_be_empty out &&
	test_grep "^inno-undo: missing operand: a command id" err &&
	expect_code 2 inno-undo x1 &&
	test_grep "^inno-undo: x1: " err &&
	expect_code 2 inno-undo --since=2007-13-01 --list &&
	test_grep "^inno-undo: --since=2007-13-01: " err &&
	expect_code 2 inno-undo --program=task-add 4 &&
	test_grep "^inno-undo: --since, --until, --program and --user go with --list" err &&
	expect_code 2 inno-undo 4 5 &&
	test_must_be_empty out
'

test_expect_success 'a command written with sqlite3 is reported by inno-check' '
	db_exec "INSERT INTO command (id, at, uid, \"user\", program, pid) VALUES (99, '\''2026-01-01T00:00:00Z'\'', 0, '\''x'\'', '\''task-add'\'', 1)" &&
	expect_code 1 inno-check &&
	test_grep "^audit: command 99 has no audit rows (written outside the inno programs)$" out &&
	! db_exec "DELETE FROM command WHERE id = 99" 2>err &&
	test_grep "the command list is append-only" err
'

test_expect_success '--help and completion' '
	expect_code 0 inno-undo --help &&
	test_grep "^usage: inno-undo" out &&
	test_grep "\-\-list" out &&
	test_must_be_empty err &&
	expect_code 0 inno-undo --complete -- --pro &&
	test_grep "^--program" out &&
	expect_code 0 inno-undo --complete -- --program= &&
	test_grep "task-add" out
'

test_done
