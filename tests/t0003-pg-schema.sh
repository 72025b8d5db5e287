#!/bin/sh
# The PostgreSQL migrations (share/schema/pg) against the SQLite ones: on a
# throwaway cluster of its own (tests/pg/cluster.sh), the PostgreSQL files
# applied in order give the tables, columns, keys, indexes, checks and
# triggers a database the programs made has; the SQLite rows copied over
# are the same rows; and the same statements, run on both, leave both
# with the same rows, the change log's old rows as the same JSON text, the
# same ids after a rollback, and are refused alike by the append-only
# ledger and trail and by a GLOB check.
. "$(dirname "$0")/lib.sh"
# The SQLite side is a file, whatever engine the suite runs on.
INNO_DB=$TRASH/inno.db
export INNO_DB

test_own_cluster "$TRASH/killed"

# pg ARGS...: psql on the test's database, unaligned, fields split by |,
# as the sqlite3 shell prints them; errors in one line.
pg() {
	"$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -v VERBOSITY=terse -At -F '|' \
	    -d "$PGDB" "$@"
}
# test_line_count_at_least N FILE: FILE has N lines or more, so that a
# comparison of two lists is not one of two empty ones.
test_line_count_at_least() {
	if [ "$(wc -l <"$2")" -lt "$1" ]; then
		echo "$2: fewer than $1 lines:" >&2
		cat "$2" >&2
		return 1
	fi
}
# sq ARGS...: the sqlite3 shell on the programs' database, with the
# foreign keys on, as the library opens it.
sq() {
	sqlite3 -bail -cmd 'PRAGMA foreign_keys = ON' "$INNO_DB" "$@"
}

# A run killed before it could stop its server leaves it running; the
# next start stops it.
test_expect_success 'a server outlives the run that started it' '
	sleep 600 &
	owner=$!
	INNO_PG_OWNER=$owner sh "$CLUSTER" start "$TRASH/killed" >/dev/null
	started=$?
	kill "$owner" &&
	test "$started" = 0 &&
	pid=$(sed -n 1p "$TRASH/killed/data/postmaster.pid") &&
	ps -p "$pid" -o stat= | grep -v "^Z" &&
	echo "$pid" >killed.pid
'

test_expect_success 'a cluster starts, prints its URI, stops the one left' '
	expect_code 0 env INNO_PG_OWNER=$$ sh "$CLUSTER" start "$PG" &&
	test_cmp "$PG/uri" out &&
	test_grep "^postgresql:///postgres?host=$PG&port=[0-9]*$" out &&
	test_must_be_empty err &&
	! test -e "$TRASH/killed/data/postmaster.pid" &&
	! ps -p "$(cat killed.pid)" -o stat= | grep -v "^Z" &&
	# Recorded with the owner it was given, not the last one read.
	rec=$(grep -lx "$PG" "${TMPDIR:-/tmp}/inno-pg.$(id -u)"/*) &&
	echo $$ >expect &&
	sed -n 1p "$rec" >actual &&
	test_cmp expect actual
'
PGBIN=$(cat "$PG/bin" 2>/dev/null)
PGURI=$(cat "$PG/uri" 2>/dev/null)
PGDB=$(printf '%s\n' "$PGURI" | sed 's|^postgresql:///postgres?|postgresql:///inno?|')

test_expect_success 'the cluster takes connections on 127.0.0.1 too' '
	expect_code 0 "$PGBIN/psql" -X -At \
	    -d "postgresql://127.0.0.1:$(cat "$PG/port")/postgres" \
	    -c "SELECT current_user = '\''$(id -un)'\'', inet_server_addr()" &&
	echo "t|127.0.0.1" >expect &&
	test_cmp expect out &&
	test_must_be_empty err
'

test_expect_success 'each SQLite migration has its PostgreSQL one, named alike' '
	(cd "$SRC_DIRECTORY/share/schema" && ls *.sql) >sqlite.list &&
	(cd "$SRC_DIRECTORY/share/schema/pg" && ls *.sql) >pg.list &&
	test_cmp sqlite.list pg.list &&
	test -s pg.list
'

test_expect_success 'the PostgreSQL migrations apply in order to a new database' '
	expect_code 0 "$PGBIN/psql" -X -q -d "$PGURI" \
	    -c "CREATE DATABASE inno" &&
	test_must_be_empty out &&
	test_must_be_empty err &&
	set -- &&
	for f in "$SRC_DIRECTORY"/share/schema/pg/*.sql; do
		set -- "$@" -f "$f"
	done &&
	expect_code 0 pg -1 "$@" &&
	test_must_be_empty out &&
	test_must_be_empty err &&
	expect_code 0 pg -c "SELECT version FROM inno_schema" &&
	wc -l <pg.list | tr -d " " >expect &&
	test_cmp expect out &&
	test_must_be_empty err
'

test_expect_success 'a program makes the SQLite database, at the same version' '
	setup_staff &&
	expect_code 0 sq "PRAGMA user_version" &&
	pg -c "SELECT version FROM inno_schema" >expect &&
	test_cmp expect out &&
	test_must_be_empty err
'

# The tables of each side, as "table|position|column|type|nullable":
# INTEGER is bigint and TEXT text; a primary key is never NULL on
# PostgreSQL (SQLite lets a TEXT one be).  inno_schema and inno_sequence
# are PostgreSQL's bookkeeping, as sqlite_sequence is SQLite's.
test_expect_success 'the same tables and views, with the same columns in order' '
	sq "SELECT m.name, p.cid + 1, p.name,
	    CASE upper(p.type) WHEN '\''INTEGER'\'' THEN '\''bigint'\''
	    WHEN '\''TEXT'\'' THEN '\''text'\'' ELSE p.type END,
	    CASE WHEN p.\"notnull\" OR p.pk THEN '\''NO'\'' ELSE '\''YES'\'' END
	    FROM sqlite_schema m, pragma_table_info(m.name) p
	    WHERE m.type IN ('\''table'\'', '\''view'\'')
	    AND m.name NOT LIKE '\''sqlite_%'\''
	    ORDER BY m.name, p.cid" >sqlite.columns &&
	pg -c "SELECT table_name, row_number() OVER (PARTITION BY table_name
	    ORDER BY ordinal_position), column_name, data_type, is_nullable
	    FROM information_schema.columns
	    WHERE table_schema = current_schema()
	    AND table_name NOT IN ('\''inno_schema'\'', '\''inno_sequence'\'')
	    ORDER BY table_name COLLATE \"C\", ordinal_position" >pg.columns &&
	test_cmp sqlite.columns pg.columns &&
	test_grep "^employee|8|left|text|YES$" pg.columns &&
	test_grep "^audit_lines|3|user|text|YES$" pg.columns
'

test_expect_success 'the same primary keys, unique constraints and foreign keys' '
	sq "SELECT m.name, p.name FROM sqlite_schema m,
	    pragma_table_info(m.name) p WHERE m.type = '\''table'\''
	    AND m.name NOT LIKE '\''sqlite_%'\'' AND p.pk > 0" |
	    sort >sqlite.keys &&
	sq "SELECT m.name, (SELECT group_concat(name) FROM (SELECT name
	    FROM pragma_index_info(l.name) ORDER BY seqno))
	    FROM sqlite_schema m, pragma_index_list(m.name) l
	    WHERE m.type = '\''table'\'' AND l.origin = '\''u'\''" |
	    sed "s/^/unique|/" | sort >>sqlite.keys &&
	sq "SELECT m.name, f.\"from\", f.\"table\", f.\"to\"
	    FROM sqlite_schema m, pragma_foreign_key_list(m.name) f
	    WHERE m.type = '\''table'\''" | sed "s/^/fk|/" | sort >>sqlite.keys &&
	pg -c "SELECT t.relname, a.attname FROM pg_constraint c
	    JOIN pg_class t ON t.oid = c.conrelid
	    JOIN pg_attribute a ON a.attrelid = t.oid
	    AND a.attnum = ANY (c.conkey)
	    WHERE c.contype = '\''p'\''
	    AND t.relnamespace = current_schema()::regnamespace
	    AND t.relname NOT IN ('\''inno_schema'\'', '\''inno_sequence'\'')" |
	    sort >pg.keys &&
	pg -c "SELECT t.relname, (SELECT string_agg(a.attname, '\'','\''
	    ORDER BY k.n) FROM unnest(c.conkey) WITH ORDINALITY AS k (attnum, n)
	    JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum)
	    FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
	    WHERE c.contype = '\''u'\''
	    AND t.relnamespace = current_schema()::regnamespace" |
	    sed "s/^/unique|/" | sort >>pg.keys &&
	pg -c "SELECT t.relname, a.attname, r.relname, ra.attname
	    FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
	    JOIN pg_class r ON r.oid = c.confrelid
	    JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = c.conkey[1]
	    JOIN pg_attribute ra ON ra.attrelid = r.oid
	    AND ra.attnum = c.confkey[1]
	    WHERE c.contype = '\''f'\''
	    AND t.relnamespace = current_schema()::regnamespace" |
	    sed "s/^/fk|/" | sort >>pg.keys &&
	test_cmp sqlite.keys pg.keys &&
	test_grep "^fk|idea|adopted_by|idea_review|id$" pg.keys &&
	test_grep "^unique|mileage_mvp|scheme,month,place$" pg.keys
'

# "table|index|unique|partial|columns", the indexes a migration names (not
# those SQLite or PostgreSQL make for a key or a UNIQUE constraint).
test_expect_success 'the same indexes, by name, table and columns' '
	sq "SELECT m.tbl_name, m.name, l.\"unique\", l.partial,
	    (SELECT group_concat(name) FROM (SELECT name
	    FROM pragma_index_info(m.name) ORDER BY seqno))
	    FROM sqlite_schema m JOIN pragma_index_list(m.tbl_name) l
	    ON l.name = m.name WHERE m.type = '\''index'\''
	    AND m.sql IS NOT NULL" | sort >sqlite.indexes &&
	pg -c "SELECT t.relname, i.relname, x.indisunique::int,
	    (x.indpred IS NOT NULL)::int, (SELECT string_agg(a.attname, '\'','\''
	    ORDER BY k.n) FROM unnest(x.indkey::int2[]) WITH ORDINALITY
	    AS k (attnum, n) JOIN pg_attribute a ON a.attrelid = t.oid
	    AND a.attnum = k.attnum)
	    FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
	    JOIN pg_class t ON t.oid = x.indrelid
	    WHERE t.relnamespace = current_schema()::regnamespace
	    AND t.relname NOT IN ('\''inno_schema'\'', '\''inno_sequence'\'')
	    AND NOT EXISTS (SELECT 1 FROM pg_constraint c
	    WHERE c.conindid = x.indexrelid)" | sort >pg.indexes &&
	test_cmp sqlite.indexes pg.indexes &&
	test_grep "^employee|employee_leaver|0|1|dept_id,left$" pg.indexes
'

# SQLite keeps no list of a table's checks; its CREATE TABLE text, with
# every ALTER TABLE ADD COLUMN in it, says CHECK once for each.
test_expect_success 'every table has as many CHECK constraints' '
	sq "SELECT name, (length(sql) - length(replace(sql, '\''CHECK'\'',
	    '\'''\''))) / 5 FROM sqlite_schema WHERE type = '\''table'\''
	    AND sql LIKE '\''%CHECK%'\''" | sort >sqlite.checks &&
	pg -c "SELECT t.relname, count(*) FROM pg_constraint c
	    JOIN pg_class t ON t.oid = c.conrelid WHERE c.contype = '\''c'\''
	    AND t.relnamespace = current_schema()::regnamespace
	    AND t.relname NOT IN ('\''inno_schema'\'', '\''inno_sequence'\'')
	    GROUP BY 1" | sort >pg.checks &&
	test_cmp sqlite.checks pg.checks &&
	test_grep "^mileage|5$" pg.checks
'

# "table|trigger|timing|event".  PostgreSQL has more: the triggers that
# give every table's ids (NAME_next_id), and for TRUNCATE one
# a table that refuses it (beside a _no_delete) or logs it (beside a
# _log_delete).
test_expect_success 'the same triggers, on the same tables and events' '
	sq "SELECT tbl_name, name, substr(sql, 1, instr(sql, '\'' ON '\'') - 1)
	    FROM sqlite_schema WHERE type = '\''trigger'\''" |
	    awk -F "|" "{ split(\$3, w, \" \"); print \$1 \"|\" \$2 \"|\" w[4] \"|\" w[5] }" \
	    >sqlite.triggers &&
	test_line_count_at_least 100 sqlite.triggers &&
	sq "SELECT m.name FROM sqlite_schema m, pragma_table_info(m.name) p
	    WHERE m.type = '\''table'\'' AND p.name = '\''id'\'' AND p.pk = 1
	    AND p.type = '\''INTEGER'\''" \
	    >id.tables &&
	test_line_count_at_least 40 id.tables &&
	{
		cat sqlite.triggers &&
		sed "s/.*/&|&_next_id|BEFORE|INSERT/" id.tables
	} | sort >expect &&
	pg -c "SELECT event_object_table, trigger_name, action_timing,
	    event_manipulation FROM information_schema.triggers
	    WHERE trigger_schema = current_schema()" | sort >pg.triggers &&
	test_cmp expect pg.triggers &&
	sed -n -e "s/^\([a-z_]*\)|\([a-z_]*\)_no_delete|.*/\1|\2_no_truncate/p" \
	    -e "s/^\([a-z_]*\)|\([a-z_]*\)_log_delete|.*/\1|\2_log_truncate/p" \
	    sqlite.triggers | sort >expect &&
	pg -c "SELECT c.relname, t.tgname FROM pg_trigger t
	    JOIN pg_class c ON c.oid = t.tgrelid
	    WHERE NOT t.tgisinternal AND t.tgtype & 32 <> 0
	    AND t.tgtype & 2 <> 0
	    AND c.relnamespace = current_schema()::regnamespace" |
	    sort >pg.truncate &&
	test_cmp expect pg.truncate &&
	test_grep "^mileage|mileage_no_truncate$" pg.truncate
'

# row_to_json(OLD) writes the text SQLite's json_object writes when the
# latter names every column in the table's order, by its own name.
test_expect_success 'every SQLite change-log trigger keeps the whole row, in order' '
	sq "SELECT tbl_name, name, replace(replace(sql, char(10), '\'' '\''),
	    char(9), '\'' '\'') FROM sqlite_schema WHERE type = '\''trigger'\''
	    AND sql LIKE '\''%json_object(%'\''" |
	    sed -e "s/|[^|]*json_object(/|/" -e "s/)) *; *END;* *$//" \
	    -e "s/'\''\([a-z_]*\)'\'', *old\.\1 *\(,\|$\) */\1,/g" \
	    -e "s/,$//" >sqlite.json &&
	test_line_count_at_least 70 sqlite.json &&
	sq "SELECT m.name, (SELECT group_concat(name) FROM (SELECT name
	    FROM pragma_table_info(m.name) ORDER BY cid))
	    FROM sqlite_schema m WHERE m.type = '\''table'\''" >columns &&
	awk -F "|" "NR == FNR { cols[\$1] = \$2; next }
	    { print \$1 \"|\" \$2 \"|\" cols[\$1] }" columns sqlite.json >want &&
	test_cmp want sqlite.json
'

# The rows the program wrote, copied into PostgreSQL as they are (the
# triggers held back, as a restore does), with each identity's sequence
# and the log's largest id set where SQLite has them.
cat >setval.sql <<\EOT
DO $$
DECLARE
	t text;
BEGIN
	FOR t IN SELECT table_name FROM information_schema.columns
	    WHERE table_schema = current_schema()
	    AND column_name = 'id' AND is_identity = 'YES' LOOP
		EXECUTE format('SELECT setval(pg_get_serial_sequence('
		    '%L, ''id''), coalesce(max(id), 0) + 1, false) '
		    'FROM %I', t, t);
	END LOOP;
END
$$;
EOT

test_expect_success 'the SQLite rows copy into PostgreSQL unchanged' '
	sq "SELECT name FROM sqlite_schema WHERE type = '\''table'\''
	    AND name NOT LIKE '\''sqlite_%'\'' ORDER BY name" >tables &&
	test_line_count_at_least 40 tables &&
	{
		echo "SET session_replication_role = replica;" &&
		while read -r t; do
			sqlite3 "$INNO_DB" ".mode insert $t" \
			    "SELECT * FROM $t ORDER BY id" || exit 1
		done <tables &&
		echo "SET session_replication_role = DEFAULT;" &&
		cat setval.sql &&
		echo "UPDATE inno_sequence SET seq = $(sq "SELECT seq
		    FROM sqlite_sequence WHERE name = '\''audit_change'\''");"
	} >copy.sql &&
	test_grep "^INSERT INTO employee VALUES(1,'\''E01'\''" copy.sql &&
	expect_code 0 pg -1 -f copy.sql &&
	test_must_be_empty out &&
	test_must_be_empty err
'

# dump DIR [TABLE...]: the tables (every table and the view), row by row
# in id order, from both sides, into DIR/sqlite and DIR/pg.
dump() {
	d=$1
	shift
	# shellcheck disable=SC2046
	[ $# -gt 0 ] || set -- $(cat tables) audit_lines
	mkdir -p "$d/sqlite" "$d/pg" &&
	for t do
		sq "SELECT * FROM $t ORDER BY id" >"$d/sqlite/$t" &&
		pg -c "SELECT * FROM $t ORDER BY id" >"$d/pg/$t" || return 1
	done
}

test_expect_success 'both sides hold the same rows' '
	dump copied &&
	diff -r -u copied/sqlite copied/pg &&
	test_grep "^1|E01|김민수|5|" copied/pg/employee &&
	test -s copied/pg/audit_change
'

# The same statements on both sides: updates and deletes that the change
# log keeps as old rows (text with a quote, a backslash, a tab, a line
# break and a control character, and NULLs), inserts in runs that an
# audit row ends, a rolled-back transaction, and the ledger.
printf '\001' >ctl
cat >same.sql <<EOT
UPDATE employee SET grade = 6 WHERE employee_id = 'E01';
INSERT INTO dept (name) VALUES ('기획예산과');
INSERT INTO dept (name, kind) VALUES ('감사담당관', 'other');
INSERT INTO audit (at, uid, "user", program, action, tbl, first_id,
    last_id, detail, change_id)
SELECT '2007-07-01T09:00:00Z', 0, 'clerk', 't0003', 'insert', 'dept',
    min(id), max(id), '', (SELECT max(id) FROM audit_change)
FROM dept WHERE name IN ('기획예산과', '감사담당관');
INSERT INTO dept (name) VALUES ('민원여권과');
DELETE FROM dept WHERE name = '감사담당관';
UPDATE team SET authorised = 3 WHERE id = 1;
INSERT INTO schedule (section, starts, ends, what, months)
VALUES ('tasks', '2007-07-01', '2007-12-31', '"보고회" \\ 1차	탭
둘째 줄 $(cat ctl)', '2007-07 2007-12');
UPDATE schedule SET precision = 'month' WHERE section = 'tasks';
DELETE FROM schedule WHERE section = 'tasks';
BEGIN;
UPDATE dept SET kind = 'office' WHERE id = 1;
INSERT INTO mileage (date, dept_id, category, kind, points)
VALUES ('2007-05-15', 1, 'cs.praise', 'cs', 10);
INSERT INTO audit (at, uid, "user", program, action, detail)
VALUES ('2007-07-01T09:01:00Z', 0, 'clerk', 't0003', 'rolled back', '');
ROLLBACK;
UPDATE dept SET kind = 'office' WHERE id = 1;
INSERT INTO mileage (date, employee_id, dept_id, category, kind, points,
    ref_table, ref_id)
VALUES ('2007-05-14', 1, 1, 'idea.adopted', 'innovation', 20, 'idea', 7);
INSERT INTO mileage (date, dept_id, category, kind, points)
VALUES ('2007-05-15', 1, 'cs.praise', 'cs', 10);
INSERT INTO audit (at, uid, "user", program, action, detail)
VALUES ('2007-07-01T09:02:00Z', 0, 'clerk', 't0003', 'committed', '');
EOT

test_expect_success 'the same statements run on both sides' '
	expect_code 0 sq <same.sql &&
	test_must_be_empty out &&
	test_must_be_empty err &&
	expect_code 0 pg -f same.sql &&
	test_must_be_empty out &&
	test_must_be_empty err
'

test_expect_success 'an update writes the same change-log row on both' '
	cat >expect <<-\EOT &&
	employee|update|1|{"id":1,"employee_id":"E01","name":"김민수","grade":5,"dept_id":1,"team_id":1,"joined":null,"left":null}
	EOT
	sq "SELECT tbl, action, first_id, old_row FROM audit_change
	    WHERE tbl = '\''employee'\'' AND action = '\''update'\''" >sqlite.row &&
	test_cmp expect sqlite.row &&
	pg -c "SELECT tbl, action, first_id, old_row FROM audit_change
	    WHERE tbl = '\''employee'\'' AND action = '\''update'\''" >pg.row &&
	test_cmp expect pg.row
'

# The schedule row as the change log keeps it, escaped as JSON.
cat >escaped <<\EOT
{"id":1,"section":"tasks","starts":"2007-07-01","ends":"2007-12-31","precision":"day","what":"\"보고회\" \\ 1차\t탭\n둘째 줄 \u0001","months":"2007-07 2007-12","undated":null}
EOT

test_expect_success 'both sides hold the same rows after them' '
	dump changed &&
	diff -r -u changed/sqlite changed/pg &&
	grep -F "|schedule|update|1||$(cat escaped)" changed/pg/audit_change &&
	test "$(grep -c "^[0-9]*|dept|insert|" changed/pg/audit_change)" = \
	    "$(($(grep -c "^[0-9]*|dept|insert|" copied/pg/audit_change) + 2))" &&
	test "$(tail -n 1 changed/pg/audit | cut -d "|" -f 6)" = committed &&
	cut -d "|" -f 1 changed/pg/mileage >ids &&
	printf "1\n2\n" >expect &&
	test_cmp expect ids
'

test_expect_success 'the ledger refuses an update on both sides' '
	expect_code 19 sq "UPDATE mileage SET points = 30 WHERE id = 1" &&
	test_must_be_empty out &&
	test_grep "the mileage ledger is append-only; write a reversal" err &&
	expect_code 1 pg -c "UPDATE mileage SET points = 30 WHERE id = 1" &&
	test_must_be_empty out &&
	echo "ERROR:  the mileage ledger is append-only; write a reversal" >expect &&
	test_cmp expect err &&
	pg -c "SELECT points FROM mileage WHERE id = 1" >points &&
	echo 20 >expect &&
	test_cmp expect points
'

test_expect_success 'the ledger refuses a delete on both sides, and TRUNCATE' '
	expect_code 19 sq "DELETE FROM mileage WHERE id = 1" &&
	test_must_be_empty out &&
	test_grep "the mileage ledger is append-only; write a reversal" err &&
	expect_code 1 pg -c "DELETE FROM mileage WHERE id = 1" &&
	test_must_be_empty out &&
	echo "ERROR:  the mileage ledger is append-only; write a reversal" >expect &&
	test_cmp expect err &&
	expect_code 1 pg -c "TRUNCATE mileage" &&
	test_must_be_empty out &&
	test_cmp expect err &&
	pg -c "SELECT count(*) FROM mileage" >count &&
	echo 2 >expect &&
	test_cmp expect count
'

test_expect_success 'the trail and the change log refuse edits on both sides' '
	for sql in "UPDATE audit SET detail = '\''x'\''" \
	    "DELETE FROM audit_change WHERE id = 1"; do
		case $sql in
		*audit_change*) msg="the change log is append-only" ;;
		*) msg="the audit trail is append-only" ;;
		esac &&
		expect_code 19 sq "$sql" &&
		test_grep "$msg" err &&
		expect_code 1 pg -c "$sql" &&
		echo "ERROR:  $msg" >expect &&
		test_cmp expect err || exit 1
	done
'

test_expect_success 'a record earns its mileage once, again once reversed' '
	earn="INSERT INTO mileage (date, employee_id, dept_id, category, kind,
	    points, ref_table, ref_id) VALUES ('\''2007-05-16'\'', 1, 1,
	    '\''idea.adopted'\'', '\''innovation'\'', 20, '\''idea'\'', 7)" &&
	msg="this record already earned its mileage in this category" &&
	expect_code 19 sq "$earn" &&
	test_grep "$msg" err &&
	expect_code 1 pg -c "$earn" &&
	echo "ERROR:  $msg" >expect &&
	test_cmp expect err &&
	reverse="INSERT INTO mileage (date, employee_id, dept_id, category,
	    kind, points, reverses) VALUES ('\''2007-05-16'\'', 1, 1,
	    '\''idea.adopted'\'', '\''innovation'\'', -20, 1)" &&
	expect_code 0 sq "$reverse" &&
	expect_code 0 sq "$earn" &&
	test_must_be_empty err &&
	expect_code 0 pg -c "$reverse" -c "$earn" &&
	test_must_be_empty err &&
	dump earned mileage audit_change &&
	diff -u earned/sqlite/mileage earned/pg/mileage &&
	diff -u earned/sqlite/audit_change earned/pg/audit_change &&
	test "$(wc -l <earned/pg/mileage)" -eq 4
'

# A month is [12][0-9][0-9][0-9]-[01][0-9] (GLOB): the same months are
# taken and refused on both sides.
test_expect_success 'a GLOB check and its regular expression agree' '
	for m in 2007-05 1999-00 2007-13 2007-5 3007-05 2007-05x " 2007-05" \
	    2007-0a 2007_05 "２００７-05" "2007-05
"; do
		sq "INSERT INTO mileage_close (month, closed_at)
		    VALUES ('\''$m'\'', '\''2007-07-01'\'')" >/dev/null 2>&1
		s=$?
		pg -c "INSERT INTO mileage_close (month, closed_at)
		    VALUES ('\''$m'\'', '\''2007-07-01'\'')" >/dev/null 2>&1
		echo "$m|$s|$?"
	done >taken &&
	cat >expect <<-\EOT &&
	2007-05|0|0
	1999-00|0|0
	2007-13|0|0
	2007-5|19|1
	3007-05|19|1
	2007-05x|19|1
	 2007-05|19|1
	2007-0a|19|1
	2007_05|19|1
	２００７-05|19|1
	2007-05
	|19|1
	EOT
	test_cmp expect taken &&
	dump closed mileage_close audit_change &&
	diff -u closed/sqlite/mileage_close closed/pg/mileage_close
'

test_expect_success 'TRUNCATE of a logged table logs each row it removes' '
	pg -c "SELECT max(id) FROM audit_change" >before &&
	expect_code 0 pg -c "BEGIN" \
	    -c "INSERT INTO schedule (section, starts, ends, what)
		VALUES ('\''tasks'\'', '\''2007-08-01'\'', '\''2007-08-31'\'', '\''가'\''),
		('\''tasks'\'', '\''2007-09-01'\'', '\''2007-09-30'\'', '\''나'\'')" \
	    -c "TRUNCATE schedule" \
	    -c "SELECT id - $(cat before), tbl, action, first_id, old_row
		FROM audit_change WHERE id > $(cat before) ORDER BY id" \
	    -c "ROLLBACK" &&
	cat >expect <<-\EOT &&
	1|schedule|insert|1|
	2|schedule|delete|1|{"id":1,"section":"tasks","starts":"2007-08-01","ends":"2007-08-31","precision":"day","what":"가","months":null,"undated":null}
	3|schedule|delete|2|{"id":2,"section":"tasks","starts":"2007-09-01","ends":"2007-09-30","precision":"day","what":"나","months":null,"undated":null}
	EOT
	test_cmp expect out &&
	test_must_be_empty err &&
	pg -c "SELECT seq FROM inno_sequence" >after &&
	test_cmp before after
'

test_expect_success 'the cluster stops and leaves no server running' '
	pid=$(sed -n 1p "$PG/data/postmaster.pid") &&
	expect_code 0 sh "$CLUSTER" stop "$PG" &&
	test_must_be_empty out &&
	test_must_be_empty err &&
	! test -e "$PG/data/postmaster.pid" &&
	! ps -p "$pid" -o stat= | grep -v "^Z" &&
	expect_code 0 sh "$CLUSTER" stop "$PG" &&
	test_must_be_empty err
'

test_done
