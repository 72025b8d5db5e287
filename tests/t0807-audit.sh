#!/bin/sh
# The audit trail: every write of every program leaves an audit row with
# the real Unix user (from the process, not $USER), every row of every
# table is covered by an insert audit range, and inno-check reports a row
# written behind the programs' backs.  The writes are the demo's
# (tests/demo.sh), so each area's programs are covered as they land there.
. "$(dirname "$0")/lib.sh"

me=$(id -un)
myuid=$(id -u)

test_expect_success_sqlite 'it lists the tables from sqlite_master, their rows by rowid' \
    'a fresh database: the rows migrations put in' '
	printf "employee_id,name,grade,dept\n" >empty.csv &&
	INNO_DB=$TRASH/fresh.db staff-import -q empty.csv &&
	sqlite3 fresh.db "SELECT name FROM sqlite_master WHERE type = '\''table'\''
		AND name NOT LIKE '\''sqlite_%'\''" >tables &&
	while read -r t; do
		echo "$t $(sqlite3 fresh.db "SELECT coalesce(max(rowid), 0) FROM \"$t\"")"
	done <tables >seeded
'

test_expect_success 'run the demo against a test database' '
	sed -e "s|^db=.*|db=\$INNO_DB|" \
	    -e "s|^PATH=.*|PATH=$BIN_DIRECTORY:\$PATH|" \
	    "$SRC_DIRECTORY/tests/demo.sh" >demo.sh &&
	(cd "$SRC_DIRECTORY" && USER=mallory LOGNAME=mallory \
		sh "$TRASH/demo.sh" "$INNO_BUILD") >demo.out 2>demo.err &&
	test_must_be_empty demo.err
'

test_expect_success 'every writer the demo ran left audit rows' '
	sed -n "s/^\([a-z][a-z-]*\) .*-d \"\$db\".*/\1/p" demo.sh | sort -u >ran &&
	db_value "SELECT DISTINCT program FROM audit WHERE action <> '\''migrate'\''" |
		sort >audited &&
	comm -23 ran audited >silent &&
	grep -v -x -e staff-list -e inno-check -e inno-export -e ".*-list" \
		silent >writers_without_audit || :
	test_must_be_empty writers_without_audit
'

test_expect_success 'every audit row names the real user, not $USER' '
	echo "$myuid|$me" >expect &&
	db_value "SELECT DISTINCT uid, user FROM audit" >actual &&
	test_cmp expect actual
'

test_expect_success_sqlite 'it lists the tables from sqlite_master, their rows by rowid' \
    'every row of every table is covered by an insert audit range' '
	db_value "SELECT name FROM sqlite_master WHERE type = '\''table'\''
		AND name NOT LIKE '\''sqlite_%'\''
		AND name NOT IN ('\''audit'\'', '\''audit_change'\'', '\''command'\'', '\''batch'\'')" >tables &&
	while read -r t; do
		seeded=$(sed -n "s/^$t //p" seeded) &&
		db_value "SELECT count(*) FROM '\''$t'\'' x WHERE x.rowid > ${seeded:-0}
			AND NOT EXISTS (SELECT 1 FROM audit a WHERE a.tbl = '\''$t'\''
			AND a.action = '\''insert'\'' AND x.rowid BETWEEN a.first_id
			AND a.last_id)" >n &&
		if [ "$(cat n)" != 0 ]; then
			echo "$t: $(cat n) rows without an insert audit entry"
		fi
	done <tables >uncovered &&
	test_must_be_empty uncovered
'

test_expect_success 'inno-check finds the demo database clean' '
	expect_code 0 inno-check &&
	test_must_be_empty out &&
	test_must_be_empty err &&
	db_copy "$INNO_DB" demo-clean.db >/dev/null
'

test_expect_success 'a row inserted with sqlite3 is reported, exit 1' '
	db_exec "INSERT INTO dept (name) VALUES ('\''몰래과'\'');
		INSERT INTO employee (employee_id, name, grade, dept_id)
		VALUES ('\''Z99'\'', '\''몰래'\'', 5,
		(SELECT id FROM dept WHERE name = '\''몰래과'\''))" &&
	dept=$(db_value "SELECT id FROM dept WHERE name = '\''몰래과'\''") &&
	emp=$(db_value "SELECT id FROM employee WHERE employee_id = '\''Z99'\''") &&
	expect_code 1 inno-check &&
	test_grep "^dept: row $dept has no audit entry (written outside the inno programs)$" out &&
	test_grep "^employee: row $emp has no audit entry (written outside the inno programs)$" out
'

test_expect_success 'the rows written behind the back stay reported once removed' '
	dept=$(db_value "SELECT id FROM dept WHERE name = '\''몰래과'\''") &&
	emp=$(db_value "SELECT id FROM employee WHERE employee_id = '\''Z99'\''") &&
	db_exec "DELETE FROM employee WHERE employee_id = '\''Z99'\'';
		DELETE FROM dept WHERE name = '\''몰래과'\''" &&
	expect_code 1 inno-check &&
	cat >expect <<-EOT &&
	dept: row $dept has no audit entry (written outside the inno programs)
	employee: row $emp has no audit entry (written outside the inno programs)
	employee: row $emp was deleted outside the inno programs (no audit entry covers it)
	dept: row $dept was deleted outside the inno programs (no audit entry covers it)
	EOT
	test_cmp expect out
'

test_expect_success 'the audit trail is append-only' '
	! db_exec "DELETE FROM audit WHERE id = 2" 2>err &&
	test_grep "the audit trail is append-only" err &&
	! db_exec "UPDATE audit SET \"user\" = '\''x'\'' WHERE id = 2" 2>err &&
	test_grep "the audit trail is append-only" err &&
	! db_exec "DELETE FROM audit_change" 2>err &&
	test_grep "the change log is append-only" err &&
	! db_exec "UPDATE audit_change SET last_id = first_id - 1" 2>err &&
	test_grep "the change log is append-only" err
'

test_expect_success_sqlite 'DROP and CREATE TRIGGER in SQLite'\''s syntax' \
    'removing the audit row of a program write is reported too' '
	INNO_DB=$TRASH/demo-clean.db && export INNO_DB &&
	printf "employee_id,name,grade,dept\nZ98,감사,5,총무과\n" >one.csv &&
	staff-import -q one.csv &&
	id=$(db_value "SELECT id FROM employee WHERE employee_id = '\''Z98'\''") &&
	a=$(db_value "SELECT id FROM audit WHERE tbl = '\''employee'\''
		AND first_id <= $id AND last_id >= $id") &&
	sqlite3 "$INNO_DB" "DROP TRIGGER audit_no_delete;
		DELETE FROM audit WHERE id = $a;
		CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
		BEGIN
			SELECT RAISE(ABORT, '\''the audit trail is append-only'\'');
		END;" &&
	expect_code 1 inno-check &&
	test_grep "^employee: row $id has no audit entry (written outside the inno programs)$" out
'

if [ "$myuid" -eq 0 ] && setpriv --reuid=nobody --regid=nogroup \
    --clear-groups -- true 2>/dev/null; then
	test_expect_success 'a write as another user is audited as that user' '
		mkdir shared && chmod 777 shared && chmod 711 "$TRASH" &&
		printf "employee_id,name,grade,dept\nN01,남,5,총무과\n" >shared/n.csv &&
		chmod 644 shared/n.csv &&
		USER=root setpriv --reuid=nobody --regid=nogroup --clear-groups -- \
			env INNO_DB="$TRASH/shared/inno.db" staff-import -q shared/n.csv &&
		echo "65534|nobody|staff-import|insert|employee" >expect &&
		sqlite3 shared/inno.db "SELECT uid, user, program, action, tbl
			FROM audit WHERE tbl = '\''employee'\''" >actual &&
		test_cmp expect actual
	'
else
	test_count=$((test_count + 1))
	echo "ok $test_count # SKIP cannot switch to another user here"
fi

test_done
