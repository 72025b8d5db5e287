#!/bin/sh
# The modules' SQL on PostgreSQL: on a throwaway cluster of its own
# (tests/pg/cluster.sh), with the PostgreSQL migrations applied, the
# translation of lib/db-pg-sql.c (through build/tests/pg-sql --translate)
# and the compatibility functions it calls (share/schema/pg/0001-core.sql)
# give the answers SQLite gives for the same text: date arithmetic with
# SQLite's month overflow and its NULL for what it cannot read, strftime,
# json_extract and json_each on arrays and objects, ->> on JSON text,
# printf, sum and total, group_concat, NULL ordering, IS, casts.  Then
# real statements copied from lib/ prepare on the migrated database, and
# those the translation cannot make valid are refused as this file says.
. "$(dirname "$0")/lib.sh"

case $INNO_BUILD in
/*) TRANSLATE=$INNO_BUILD/tests/pg-sql ;;
*) TRANSLATE=$SRC_DIRECTORY/$INNO_BUILD/tests/pg-sql ;;
esac
test_own_cluster

# pg ARGS...: psql on the test's database, unaligned, fields split by |,
# as the sqlite3 shell prints them; errors in one line.
pg() {
	"$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -v VERBOSITY=terse -At -F '|' \
	    -d "$PGDB" "$@"
}

test_expect_success 'a cluster starts with the PostgreSQL migrations' '
	expect_code 0 env INNO_PG_OWNER=$$ sh "$CLUSTER" start "$PG" &&
	PGBIN=$(cat "$PG/bin") &&
	"$PGBIN/psql" -X -q -d "$(cat "$PG/uri")" -c "CREATE DATABASE inno" &&
	set -- &&
	for f in "$SRC_DIRECTORY"/share/schema/pg/*.sql; do
		set -- "$@" -f "$f"
	done &&
	PGDB=$(sed "s|^postgresql:///postgres?|postgresql:///inno?|" \
	    "$PG/uri") &&
	expect_code 0 pg -1 "$@" &&
	test_must_be_empty out &&
	test_must_be_empty err
'
PGBIN=$(cat "$PG/bin" 2>/dev/null)
PGDB=$(sed "s|^postgresql:///postgres?|postgresql:///inno?|" "$PG/uri" \
    2>/dev/null)

# answers FILE: each statement of FILE (one a line) and what it gives,
# from SQLite (FILE.sqlite) and from PostgreSQL after the translation
# (FILE.pg), a statement's error among its rows.
answers() {
	while IFS= read -r sql; do
		printf '> %s\n' "$sql" >>"$1.sqlite"
		sqlite3 -bail :memory: "$sql" >>"$1.sqlite" 2>&1
		printf '> %s\n' "$sql" >>"$1.pg"
		pg -c "$("$TRANSLATE" --translate "$sql")" >>"$1.pg" 2>&1
	done <"$1"
}

cat >cases.sql <<\EOT
SELECT date('2023-01-31', '+1 month'), date('2024-01-31', '+1 month'), date('2023-03-31', '-1 month'), date('2024-02-29', '+1 year')
SELECT date('2023-12-31', '+1 day'), date('2024-03-01', '-1 day'), date('2023-01-10', '+30 days'), date('2023-01-10', '-10 days')
SELECT date('2023-02-30'), date('2023-02-30', '+0 days'), date('2023-02-30', '+1 month'), date('2023-02-32'), date('2023-13-01'), date('2023-1-01'), date('x'), date(NULL)
SELECT date('2023-05-17', 'start of month'), date('2023-05-17', 'start of year'), date('2023-05-17', 'weekday 0'), date('2023-05-17', 'weekday 3')
SELECT date('2023-01-31', '+1 month', 'start of month'), date('2023-05-17', 'start of month', '+1 month', '-1 day'), date('2023-01-01', '+1.5 months')
SELECT date('2023-01-01T23:30:00Z', '+1 hour'), date('2023-01-01 23:00:00+05:00'), date('2023-01-01 10:00', '+14 hours'), date('2023-01-01', 'nonsense'), date('2023-01-01', '+1 fortnight')
SELECT date('2007-05-14', '+' || 14 || ' days'), date('2007-05-14', '+0 days'), date('2460000.5')
WITH RECURSIVE day(d) AS (SELECT '2024-02-27' UNION ALL SELECT date(d, '+1 day') FROM day WHERE d < '2024-03-02') SELECT group_concat(d, ' ') FROM day
SELECT strftime('%Y-%m-%d', '2023-05-17'), strftime('%W %w %j', '2023-01-01'), strftime('%W %w %j', '2023-12-31'), strftime('%W', '2024-01-01'), strftime('%W', '2023-01-02')
SELECT strftime('%s', '2023-05-17 12:00:00'), strftime('%H:%M:%S', '2023-05-17T08:09:10Z'), strftime('%Y-%m', '2023-05-17', '+8 months'), strftime('%%d %d', '2023-05-17'), strftime('%f', '2023-05-17 01:02:03.456')
SELECT json_extract('{"a":1,"b":"x","c":[1,{"d":2.5}],"e":null,"f":true}', '$.a'), json_extract('{"a":1,"b":"x","c":[1,{"d":2.5}],"e":null,"f":true}', '$.b'), json_extract('{"a":1,"b":"x","c":[1,{"d":2.5}],"e":null,"f":true}', '$.c')
SELECT json_extract('{"c":[1,{"d":2.5}],"e":null,"f":true,"g":false}', '$.c[1].d'), json_extract('{"e":null}', '$.e'), json_extract('{"f":true,"g":false}', '$.f') || json_extract('{"f":true,"g":false}', '$.g'), json_extract('{"a":1}', '$.zz'), json_extract('[1]', '$[5]')
SELECT json_extract('[10,"y",[1, 2],{"k": "v"}]', '$[0]'), json_extract('[10,"y",[1, 2]]', '$[1]'), json_extract('[10,"y",[1, 2]]', '$[2]'), json_extract('[10,"y",[1, 2]]', '$[2][1]'), json_extract('{"a b":{"c":"d"}}', '$."a b".c')
SELECT json_extract('{"s":"line\nnext \"q\" \u00e9"}', '$.s'), json_extract('{"id":7,"program":"p"}', '$.id')
SELECT key, value, type, atom, fullkey FROM json_each('[1,"two",[3, 4],{"five": 5},null,true,2.5,-3]')
SELECT key, value, type, atom, fullkey, path FROM json_each('{"a":1,"b c":"x","d":{"e": [1]},"f":false}')
SELECT key, value, type FROM json_each('5')
SELECT count(*) FROM json_each('[]')
SELECT value FROM json_each('["x","y","z"]') WHERE value NOT IN (SELECT value FROM json_each('["y"]')) ORDER BY value DESC
SELECT j.value ->> 0, j.value ->> 1, j.value -> 2, j.value ->> 2 FROM json_each('[[1,"a",[2]],[3,"b",{"c":1}]]') AS j
SELECT j.value ->> 'name', j.value ->> '$.n', j.value -> 'name' FROM json_each('[{"name":"김민수","n":1},{"name":"x"}]') AS j
SELECT printf('%d people, fewer than its %d participating employees', 5, 7), printf('%s %d + %d views / %d = %d', 'work', 10, 25, 5, 15)
SELECT printf('%5d|%-5d|%05d|%+d|%,d|%d', 42, 42, 42, 42, 1234567, -3), printf('%.3s|%5s|%-5s|', 'abcdef', 'ab', 'ab'), printf('%d %s|', NULL, NULL), printf('100%%')
SELECT printf('%s', 2.5), printf('%d', 2.5), printf('%d', '12abc'), printf('%s and %s'), printf('%s on %s', '가', date('2023-01-31', '+1 month')), printf('%d', 1 = 1)
SELECT printf('club %s: member %s joined on %s after leaving on %s', 'c', 'E01', '2007-05-01', NULL)
WITH v(x) AS (VALUES (1), (2), (NULL), (4)) SELECT sum(x), CAST(total(x) AS INTEGER), sum(x > 1), sum(x IS NULL), sum(x = 2), count(*) FROM v
WITH v(x) AS (VALUES (1)) SELECT sum(x), CAST(total(x) AS INTEGER), coalesce(sum(x), 0), sum(x > 0) FROM v WHERE x > 1
SELECT sum(x) FROM (SELECT 9223372036854775807 AS x UNION ALL SELECT 0)
WITH v(k, x) AS (VALUES ('a', 1), ('a', 2), ('b', 3)) SELECT k, sum(x), sum(x = 2), sum(x) / 2 FROM v GROUP BY k ORDER BY k
WITH v(x) AS (VALUES (1), (2), (3)) SELECT group_concat(x), group_concat(x, '; ') FROM (SELECT x FROM v ORDER BY x)
WITH v(x) AS (VALUES ('b'), ('a'), (NULL)) SELECT group_concat(x, ' '), count(*) FROM (SELECT x FROM v ORDER BY x DESC)
WITH v(x) AS (VALUES (2), (NULL), (1)) SELECT x FROM v ORDER BY x
WITH v(x) AS (VALUES (2), (NULL), (1)) SELECT x FROM v ORDER BY x DESC
WITH v(x, y) AS (VALUES (1, NULL), (1, 2), (NULL, 3), (2, NULL)) SELECT x, y FROM v ORDER BY x, y DESC
WITH v(x) AS (VALUES (2), (NULL), (1)) SELECT x, row_number() OVER (ORDER BY x), rank() OVER (ORDER BY x DESC) FROM v ORDER BY 2
WITH v(x) AS (VALUES (2), (NULL), (1)) SELECT (SELECT group_concat(coalesce(CAST(x AS TEXT), 'null'), ',') FROM (SELECT x FROM v ORDER BY x)), (SELECT x FROM v ORDER BY x LIMIT 1)
WITH v(x) AS (VALUES (1), (2), (3)) SELECT x FROM v ORDER BY x LIMIT -1 OFFSET 1
SELECT max(1, 5, 3), min(4, 2), max('a', 'b'), (SELECT max(x) FROM (SELECT 1 AS x UNION ALL SELECT 7))
WITH v(x) AS (VALUES (1), (NULL)) SELECT (SELECT count(*) FROM v WHERE x IS NULL), (SELECT count(*) FROM v WHERE x IS 1), (SELECT count(*) FROM v WHERE x IS NOT 1), (SELECT count(*) FROM v WHERE x IS NOT NULL)
SELECT CAST('12' AS INTEGER) + 1, CAST(substr('2023-05-17', 6, 2) AS INTEGER), CAST(3 AS TEXT) || 'x', CAST(CAST('2.5' AS REAL) * 2 AS INTEGER)
SELECT instr('|a|b|', '|b|'), instr('abc', 'z'), ifnull(NULL, 'd'), hex('가'), hex(NULL), hex('AZ')
WITH a(x) AS (VALUES (1), (2)), b(y) AS (VALUES (2), (3)) SELECT x, y FROM a CROSS JOIN b ON b.y = a.x
SELECT count(*) FROM (SELECT 1 UNION ALL SELECT 2)
SELECT substr('2007-05-14', 1, 7), length('김민수'), '2007' || '-01-01', 7 / 2, -7 / 2, 7 % 3
EOT

test_expect_success 'the translated SQL answers as SQLite does' '
	answers cases.sql &&
	test "$(grep -c "^> " cases.sql.pg)" -eq "$(wc -l <cases.sql)" &&
	test_grep "^2023-03-03|2024-03-02|2023-03-03|2025-03-01$" cases.sql.pg &&
	test_grep "^1|two|text|two|\$\[1\]$" cases.sql.pg &&
	test_grep_not "ERROR" cases.sql.pg &&
	test_cmp cases.sql.sqlite cases.sql.pg
'

# What the lookups of lib/staff.c are on SQLite (inno_db_define), made
# here as plain functions with the columns' types, as the engine would
# make them, so that the statements that call them can be prepared.
cat >lookups.sql <<\EOT
CREATE FUNCTION inno_dept_name(bigint) RETURNS text LANGUAGE sql STABLE STRICT AS 'SELECT name FROM dept WHERE id = $1';
CREATE FUNCTION inno_dept_ref(text) RETURNS bigint LANGUAGE sql STABLE STRICT AS 'SELECT id FROM dept WHERE name = $1';
CREATE FUNCTION inno_employee_name(bigint) RETURNS text LANGUAGE sql STABLE STRICT AS 'SELECT name FROM employee WHERE id = $1';
CREATE FUNCTION inno_employee_code(bigint) RETURNS text LANGUAGE sql STABLE STRICT AS 'SELECT employee_id FROM employee WHERE id = $1';
CREATE FUNCTION inno_employee_ref(text) RETURNS bigint LANGUAGE sql STABLE STRICT AS 'SELECT id FROM employee WHERE employee_id = $1';
CREATE FUNCTION inno_employee_dept(bigint) RETURNS bigint LANGUAGE sql STABLE STRICT AS 'SELECT dept_id FROM employee WHERE id = $1';
CREATE FUNCTION inno_employee_grade(bigint) RETURNS bigint LANGUAGE sql STABLE STRICT AS 'SELECT grade FROM employee WHERE id = $1';
CREATE FUNCTION inno_employee_left(bigint) RETURNS text LANGUAGE sql STABLE STRICT AS 'SELECT "left" FROM employee WHERE id = $1';
EOT

test_expect_success 'the lookups are made' '
	expect_code 0 pg -f lookups.sql &&
	test_must_be_empty err
'

# Statements as the programs prepare them (lib/FILE.c:LINE, then the
# text with its macros expanded), which must prepare: json_each, ->>,
# group_concat, printf, IS NOT, user, left and end, optional filters,
# an upsert, ORDER BY with NULLs.
cat >works.sql <<\EOT
lib/audit.c:699	SELECT c.id, c.at, c.user, c.program, coalesce((SELECT group_concat(w, '; ') FROM (SELECT a.tbl || ': ' || sum(a.last_id - a.first_id + 1) || ' ' || CASE a.action WHEN 'insert' THEN ?5 WHEN 'update' THEN ?6 ELSE ?7 END AS w FROM audit a WHERE a.command = c.id AND a.tbl IS NOT NULL AND a.tbl NOT IN (SELECT value FROM json_each(?9)) AND a.first_id IS NOT NULL AND a.action IN ('insert', 'update', 'delete') GROUP BY a.tbl, a.action ORDER BY min(a.id))), CASE WHEN EXISTS (SELECT 1 FROM audit a WHERE a.command = c.id AND a.action = 'migrate') THEN ?8 END, '') AS changes, c.undoes, (SELECT min(u.id) FROM command u WHERE u.undoes = c.id) AS undone_by, c.args FROM command c WHERE (?1 IS NULL OR substr(c.at, 1, 10) >= ?1) AND (?2 IS NULL OR substr(c.at, 1, 10) <= ?2) AND (?3 IS NULL OR c.program = ?3) AND (?4 IS NULL OR c.user = ?4) ORDER BY c.id
lib/audit.c:179	INSERT INTO command (at, uid, user, program, args, pid, undoes) VALUES (?, ?, ?, ?, ?, ?, nullif(?, 0))
lib/body.c:288	SELECT group_concat(x, ', ') FROM (SELECT name AS x FROM body_member WHERE body_id = ?1 AND name IS NOT NULL AND (?2 IS NULL OR joined <= ?2) ORDER BY id)
lib/club.c:194	SELECT joined FROM club_member WHERE club_id = ?1 AND employee_id = ?2 AND (left IS NULL OR left >= ?3) AND (?4 IS NULL OR joined <= ?4) LIMIT 1
lib/club.c:514	SELECT printf('club %s: member %s joined on %s after leaving on %s', c.name, inno_employee_code(m.employee_id), m.joined, m.left) FROM club_member m JOIN club c ON c.id = m.club_id WHERE m.left < m.joined
lib/club.c:524	SELECT printf('club %s: member %s has overlapping memberships from %s and from %s', c.name, inno_employee_code(a.employee_id), a.joined, b.joined) FROM club_member a JOIN club_member b ON b.club_id = a.club_id AND b.employee_id = a.employee_id AND b.id > a.id AND (a.left IS NULL OR a.left >= b.joined) AND (b.left IS NULL OR b.left >= a.joined) JOIN club c ON c.id = a.club_id
lib/course.c:109	SELECT id, start, end FROM course WHERE name = ?1 AND (?2 = 0 OR round = ?2) ORDER BY round
lib/course.c:321	SELECT name, kind, count(*) AS rounds, min(start) AS start, max(end) AS end, sum(hours) AS hours, sum(enrolled) AS enrolled, sum(completed) AS completed, sum(dropped) AS dropped, sum(attended) AS attended FROM (SELECT c.id, c.name, c.kind, c.round, c.start, c.end, c.hours, c.target, CASE WHEN ?6 < c.start THEN 'planned' WHEN ?6 <= c.end THEN 'in progress' ELSE 'finished' END AS state, (SELECT count(*) FROM enrolment n WHERE n.course_id = c.id AND n.status <> 'dropped') AS enrolled, (SELECT count(*) FROM enrolment n WHERE n.course_id = c.id AND n.status = 'completed' AND (?4 IS NULL OR n.completed BETWEEN ?4 AND ?5)) AS completed, (SELECT count(*) FROM enrolment n WHERE n.course_id = c.id AND n.status = 'dropped') AS dropped, c.programme, c.attended, c.catalogue, c.catalogue_name FROM course c WHERE (?1 IS NULL OR c.kind = ?1) AND (?2 IS NULL OR c.name = ?2) AND (?3 = 0 OR c.round = ?3) AND (?4 IS NULL OR (c.start <= ?5 AND c.end >= ?4)) AND (?7 IS NULL OR ?7 = ?7) AND (?8 IS NULL OR c.programme = ?8 OR (?9 AND c.programme IS NULL))) GROUP BY name, kind ORDER BY min(start), name
lib/fairness.c:303	SELECT first_id, last_id, user, detail FROM audit_lines WHERE tbl = 'mileage' AND action = 'insert' AND last_id >= ?1 AND first_id <= ?2 ORDER BY first_id
lib/idea.c:539	SELECT i.id, CASE WHEN i.adopted_by IS NULL THEN 'adopted, but it names no review that adopted it' ELSE printf('adopted, but review %d, which it names, did not adopt it', i.adopted_by) END FROM idea i WHERE i.status = 'adopted' AND NOT EXISTS (SELECT 1 FROM idea_review r WHERE r.id = i.adopted_by AND r.idea_id = i.id AND r.decision = 'adopted')
lib/knowledge.c:399	SELECT k.id, printf('status %s, but the latest evaluation is %s', k.status, coalesce(e.verdict, 'none')) FROM knowledge k LEFT JOIN knowledge_eval e ON e.id = (SELECT max(id) FROM knowledge_eval WHERE knowledge_id = k.id) WHERE k.status IS NOT coalesce(e.verdict, 'submitted')
lib/mileage.c:799	INSERT INTO mileage_month (month, employee_id, dept_id, category, kind, points, entries, reversals, last) VALUES (substr(?1, 1, 7), ?2, ?3, ?4, ?5, ?6, 1, ?7, ?1) ON CONFLICT (month, employee_id, dept_id, category, kind) DO UPDATE SET points = points + excluded.points, entries = entries + 1, reversals = reversals + excluded.reversals, last = max(last, excluded.last) RETURNING id, entries
lib/staff.c:724	SELECT id, name IS NOT ?2 OR grade IS NOT ?3 OR team_id IS NOT ?5, dept_id IS NOT ?4 OR joined IS NOT ?6 OR left IS NOT ?7 FROM employee WHERE employee_id = ?1
lib/activity.c:247	SELECT a.id, a.programme, a.kind, a.date, a.ends, a.title, a.times, a.people, a.items, a.units, a.depts, a.winners, (SELECT group_concat(x, ' ') FROM (SELECT inno_employee_code(m.employee_id) AS x FROM activity_member m WHERE m.activity_id = a.id ORDER BY m.id)) AS employees, a.covers_from, a.covers_to, a.note FROM activity a WHERE (?1 IS NULL OR a.programme = ?1) AND (?2 IS NULL OR a.kind = ?2) AND (?3 IS NULL OR a.date >= ?3) AND (?4 IS NULL OR a.date <= ?4) ORDER BY a.date, a.id
lib/idea.c:399	WITH h AS (SELECT i.*, (SELECT max(r.id) FROM idea_review r WHERE r.idea_id = i.id AND r.decision IS NOT NULL AND (?8 IS NULL OR r.date <= ?8)) AS dec, (SELECT max(r.id) FROM idea_review r WHERE r.idea_id = i.id AND r.decision IN ('rejected', 'pending') AND (?8 IS NULL OR r.date <= ?8)) AS off FROM idea i WHERE (?8 IS NULL OR i.submitted <= ?8)), s AS (SELECT h.id, h.submitted, h.title, h.source, h.employee_id, h.proposer, h.dept_id, h.content, coalesce(d.decision, 'pending') AS status, d.date AS decided, CASE WHEN d.decision = 'adopted' THEN (SELECT r.assigned_id FROM idea_review r WHERE r.idea_id = h.id AND r.assigned_id IS NOT NULL AND r.id > coalesce(h.off, 0) AND (?8 IS NULL OR r.date <= ?8) ORDER BY r.id DESC LIMIT 1) END AS assigned_id, CASE WHEN d.decision = 'adopted' THEN coalesce((SELECT r.implementation FROM idea_review r WHERE r.idea_id = h.id AND r.implementation IS NOT NULL AND r.id > coalesce(h.off, 0) AND (?8 IS NULL OR r.date <= ?8) ORDER BY r.id DESC LIMIT 1), 'planned') END AS implementation FROM h LEFT JOIN idea_review d ON d.id = h.dec), f AS (SELECT * FROM s WHERE (?1 IS NULL OR status = ?1) AND (?2 IS NULL OR source = ?2) AND (?6 IS NULL OR assigned_id = inno_dept_ref(?6)) AND (?7 IS NULL OR (status = 'pending' AND submitted < ?7)) AND ?5 IS NOT ''), fp AS (SELECT * FROM f WHERE (?3 IS NULL OR submitted >= ?3) AND (?4 IS NULL OR submitted <= ?4)), rv AS (SELECT r.* FROM idea_review r JOIN f ON f.id = r.idea_id WHERE r.decision IS NOT NULL AND r.meeting_id IS NOT NULL AND (?3 IS NULL OR r.date >= ?3) AND (?4 IS NULL OR r.date <= ?4) AND (?8 IS NULL OR r.date <= ?8)) SELECT id, submitted, title, source, inno_employee_code(employee_id) AS employee_id, proposer, inno_dept_name(dept_id) AS dept, status, decided, coalesce(decided, submitted) AS date, inno_dept_name(assigned_id) AS assigned, implementation, CASE WHEN status = 'pending' THEN date(submitted, ?5) END AS due, content FROM fp ORDER BY id
lib/undo.c:259	SELECT json_extract(?, '$.' || ?)
lib/idea.c:464	SELECT i.title FROM idea i WHERE +i.submitted >= ?1 AND +i.submitted <= ?2 AND +i.submitted <= ?3 AND (SELECT r.decision FROM idea_review r WHERE r.idea_id = i.id AND r.decision IS NOT NULL AND r.date <= ?3 ORDER BY r.id DESC LIMIT 1) = 'adopted' ORDER BY i.id LIMIT ?4
lib/mileage.c:605	WITH RECURSIVE day(d) AS (SELECT ?1 UNION ALL SELECT date(d, '+1 day') FROM day WHERE d < ?2) SELECT coalesce(sum(m.points), 0) FROM day CROSS JOIN mileage m ON m.date = day.d AND m.employee_id = ?3 WHERE ?4 IS NULL OR m.category = ?4
lib/mileage.c:2392	SELECT rank, inno_employee_code(e) AS employee_id, inno_employee_name(e) AS name, inno_dept_name(inno_employee_dept(e)) AS dept, innovation, cs, points FROM (SELECT rank() OVER (ORDER BY sum(m.points) DESC) AS rank, m.employee_id AS e, coalesce(sum(CASE m.kind WHEN 'innovation' THEN m.points END), 0) AS innovation, coalesce(sum(CASE m.kind WHEN 'cs' THEN m.points END), 0) AS cs, sum(m.points) AS points FROM mileage m WHERE m.employee_id IS NOT NULL AND m.date BETWEEN ?1 AND ?2 GROUP BY m.employee_id) WHERE rank <= ?3 ORDER BY rank, innovation DESC, 2
lib/staff.c:1021	UPDATE employee SET name = ?2, grade = ?3, dept_id = ?4, team_id = ?5, joined = ?6, left = ?7 WHERE employee_id = ?1 AND (name IS NOT ?2 OR grade IS NOT ?3 OR dept_id IS NOT ?4 OR team_id IS NOT ?5 OR joined IS NOT ?6 OR left IS NOT ?7)
lib/batch.c:823	SELECT json_object('id', id, 'program', program, 'digest', digest, 'rows', rows, 'applied_at', applied_at) FROM batch WHERE id = ?
lib/mileage.c:2070	SELECT m.id, m.date, inno_employee_code(m.employee_id) AS employee_id, inno_employee_name(m.employee_id) AS name, inno_dept_name(m.dept_id) AS dept, m.category, m.kind, m.points, m.reason, m.ref, m.ref_table, m.ref_id, m.reverses FROM (WITH RECURSIVE day(d) AS (SELECT coalesce(?5, (SELECT min(date) FROM mileage)) UNION ALL SELECT date(d, '+1 day') FROM day WHERE d < coalesce(?6, (SELECT max(date) FROM mileage))) SELECT d FROM day) AS day CROSS JOIN mileage m ON m.date = day.d AND m.employee_id = inno_employee_ref(?1) WHERE ?1 IS NOT NULL AND (?2 IS NULL OR m.dept_id = inno_dept_ref(?2)) AND (?3 IS NULL OR m.category = ?3) AND (?4 IS NULL OR m.kind = ?4) ORDER BY m.date, m.id
EOT

# Statements the translation cannot make valid PostgreSQL, each with the
# server's refusal: they need the module's SQL to change (a cast, a
# column in GROUP BY, no alias in WHERE, a CASE instead of a boolean
# used as a number) or the engine's lookups to take these types.  A
# line that starts to prepare is good news: move it to works.sql.
cat >refused.sql <<\EOT
lib/staff.c:397	UPDATE employee SET name = j.value ->> 1, grade = j.value ->> 2, dept_id = j.value ->> 3, team_id = j.value ->> 4, joined = j.value ->> 5, left = j.value ->> 6 FROM json_each(?1) AS j WHERE employee.id = j.value ->> 0
lib/staff.c:1402	SELECT j.key, e.employee_id, e.name, e.grade, d.name FROM json_each(?1) AS j CROSS JOIN employee AS e ON e.id = j.value LEFT JOIN dept AS d ON d.id = e.dept_id ORDER BY j.key
lib/mileage.c:2425	SELECT j.value ->> 0 AS rank, inno_employee_code(j.value ->> 1) AS employee_id, inno_employee_name(j.value ->> 1) AS name, inno_dept_name(inno_employee_dept(j.value ->> 1)) AS dept, j.value ->> 2 AS innovation, j.value ->> 3 AS cs, j.value ->> 4 AS points FROM json_each(?1) AS j ORDER BY 1, 5 DESC, 2
lib/batch.c:834	INSERT OR IGNORE INTO batch (id, program, digest, rows, applied_at) VALUES (json_extract(?1, '$.id'), json_extract(?1, '$.program'), json_extract(?1, '$.digest'), json_extract(?1, '$.rows'), json_extract(?1, '$.applied_at'))
lib/audit.c:891	SELECT DISTINCT (SELECT a.command FROM audit a WHERE a.tbl = c.tbl AND a.action = c.action AND a.action IN ('update', 'delete') AND a.first_id <= c.first_id AND a.last_id >= c.first_id AND a.change_id >= c.id ORDER BY a.id LIMIT 1) AS cmd FROM audit_change c, (SELECT DISTINCT tbl, first_id, last_id FROM audit WHERE command = ?1 AND tbl IS NOT NULL AND first_id IS NOT NULL) m WHERE c.tbl = m.tbl AND c.first_id BETWEEN m.first_id AND m.last_id AND c.action IN ('update', 'delete') AND c.id > (SELECT max(l.change_id) FROM audit l WHERE l.command = ?1) AND c.tbl NOT IN (SELECT value FROM json_each(?2)) AND cmd IS NOT NULL AND cmd <> ?1 ORDER BY cmd
lib/task.c:1991	SELECT m.task_id, inno_employee_code(m.employee_id), inno_employee_left(m.employee_id) AS gone FROM task_member m WHERE m.left IS NULL AND gone IS NOT NULL AND EXISTS (SELECT 1 FROM task t WHERE t.id = m.task_id AND t.status IN ('selected', 'in_progress')) ORDER BY m.id
lib/audit.c:450	SELECT c.tbl, c.first_id FROM audit_change c WHERE c.action = 'insert' AND NOT coalesce((SELECT a.last_id >= c.first_id AND a.change_id >= c.id FROM audit a WHERE a.tbl = c.tbl AND a.action = 'insert' AND a.first_id <= c.first_id ORDER BY a.first_id DESC LIMIT 1), 0) ORDER BY c.id LIMIT 1000
lib/staff.c:1118	SELECT d.name AS dept, t.name AS team, t.authorised, count(e.id) AS current FROM team t JOIN dept d ON d.id = t.dept_id LEFT JOIN (SELECT e.* FROM employee e JOIN dept d ON d.id = e.dept_id LEFT JOIN team t ON t.id = e.team_id WHERE (?1 IS NULL OR d.name = ?1) AND (?2 IS NULL OR t.name = ?2) AND (?3 = 0 OR e.grade = ?3) AND (?4 IS NULL OR ((e.joined IS NULL OR e.joined <= ?4) AND (e.left IS NULL OR e.left >= ?4)))) e ON e.team_id = t.id WHERE (?1 IS NULL OR d.name = ?1) AND (?2 IS NULL OR t.name = ?2) GROUP BY t.id ORDER BY d.name, t.id
lib/task.c:1391	WITH ft AS (SELECT t.* FROM task t WHERE (?1 IS NULL OR t.status = ?1) AND (?2 IS NULL OR t.field = ?2) AND (?13 IS NULL OR t.origin = ?13) AND (?3 = 0 OR (?3 = 1) = (instr(?12, '|' || t.field || '|') > 0)) AND (?4 IS NULL OR t.dept_id = inno_dept_ref(?4)) AND (?5 IS NULL OR EXISTS (SELECT 1 FROM task_member m WHERE m.task_id = t.id AND m.employee_id = inno_employee_ref(?5))) AND (?6 IS NULL OR ((t.start IS NOT NULL OR t.due IS NOT NULL) AND (t.start IS NULL OR t.start <= ?7) AND (t.due IS NULL OR t.due >= ?6)) OR EXISTS (SELECT 1 FROM task_milestone ms WHERE ms.task_id = t.id AND ms.due BETWEEN ?6 AND ?7)) AND (?8 = 0 OR (t.status <> 'dropped' AND EXISTS (SELECT 1 FROM task_milestone ms WHERE ms.task_id = t.id AND ms.done IS NULL AND ms.due < ?9))) AND (?10 IS NULL OR (t.status NOT IN ('completed', 'dropped') AND (t.due BETWEEN ?9 AND ?10 OR EXISTS (SELECT 1 FROM task_milestone ms WHERE ms.task_id = t.id AND ms.done IS NULL AND ms.due BETWEEN ?9 AND ?10))))), st (n, status) AS (VALUES (1, 'pool'), (2, 'selected'), (3, 'in_progress'), (4, 'completed'), (5, 'dropped')) SELECT st.status, count(t.id) AS tasks, coalesce(sum(instr(?12, '|' || t.field || '|') > 0), 0) AS focus, coalesce(sum(t.budget), 0) AS budget FROM st LEFT JOIN ft t ON t.status = st.status GROUP BY st.n ORDER BY st.n
lib/idea.c:443	WITH last AS (SELECT r.idea_id, max(r.id) AS id, r.decision FROM idea_review r WHERE r.decision IS NOT NULL AND r.date <= ?3 GROUP BY r.idea_id) SELECT (SELECT count(*) FROM idea WHERE submitted >= ?1 AND submitted <= ?2 AND submitted <= ?3), count(*), count(*) FILTER (WHERE l.decision = 'adopted'), count(*) FILTER (WHERE l.decision = 'rejected'), count(*) FILTER (WHERE l.decision = 'pending'), (SELECT count(*) FROM idea_meeting m WHERE EXISTS (SELECT 1 FROM idea_review r JOIN idea i ON i.id = r.idea_id WHERE r.meeting_id = m.id AND r.decision IS NOT NULL AND r.date >= ?1 AND r.date <= ?2 AND r.date <= ?3 AND i.submitted <= ?3)) FROM last l JOIN idea i ON i.id = l.idea_id WHERE i.submitted >= ?1 AND i.submitted <= ?2 AND i.submitted <= ?3
lib/benchmark.c:132	SELECT b.kind, count(*) AS events, count(DISTINCT b.institution) AS institutions, coalesce(sum(b.people), 0) AS people FROM benchmark b WHERE (?1 = 0 OR (?1 >> (CASE b.kind WHEN 'outgoing' THEN 0 WHEN 'incoming' THEN 1 ELSE 2 END)) & 1) AND (?2 IS NULL OR b.date >= ?2) AND (?3 IS NULL OR b.date <= ?3) AND (?4 IS NULL OR instr(b.institution, ?4) > 0) GROUP BY b.kind ORDER BY CASE b.kind WHEN 'outgoing' THEN 0 WHEN 'incoming' THEN 1 ELSE 2 END
lib/club.c:376	SELECT kind, name FROM (SELECT c.id, c.name, c.kind, c.topic, inno_employee_code(c.leader_id) AS leader, inno_employee_name(c.leader_id) AS leader_name, inno_dept_name(c.dept_id) AS dept, c.registered, (SELECT count(*) FROM club_member m WHERE m.club_id = c.id AND m.joined <= ?5 AND (m.left IS NULL OR m.left >= ?5)) AS members, (SELECT count(*) FROM club_grant g WHERE g.club_id = c.id AND (?3 IS NULL OR g.date BETWEEN ?3 AND ?4)) AS grants, (SELECT coalesce(sum(g.amount), 0) FROM club_grant g WHERE g.club_id = c.id AND (?3 IS NULL OR g.date BETWEEN ?3 AND ?4)) AS granted, (SELECT count(*) FROM club_activity a WHERE a.club_id = c.id AND (?3 IS NULL OR a.date BETWEEN ?3 AND ?4)) AS activities FROM club c WHERE (?1 IS NULL OR c.kind = ?1) AND (?2 IS NULL OR c.dept_id = inno_dept_ref(?2)) AND c.registered <= ?5 AND (?8 IS NULL OR c.name = ?8)) WHERE (?6 < 0 OR (grants > 0) = ?6) AND (NOT ?7 OR members > 0) AND ?9 = ?9 ORDER BY registered, id
lib/mvp.c:1179	INSERT INTO mileage_mvp (month, employee_id, person_points, dept_id, dept_points, dept_headcount, dept_score, computed_at, rules, scheme) VALUES (?1, ?2, CASE WHEN ?2 IS NULL THEN NULL ELSE ?3 END, ?4, CASE WHEN ?4 IS NULL THEN NULL ELSE ?5 END, CASE WHEN ?4 IS NULL THEN NULL ELSE ?6 END, ?7, ?8, ?9, ?10)
lib/knowledge.c:374	WITH s AS (SELECT k.id, k.kind, k.title, inno_employee_code(k.author_id) AS author, inno_dept_name(k.dept_id) AS dept, k.registered, CASE k.kind WHEN 'work' THEN ?5 WHEN 'living' THEN ?6 ELSE ?7 END AS base, coalesce((SELECT sum(v.views) FROM knowledge_view v WHERE v.knowledge_id = k.id AND v.month BETWEEN ?3 AND ?4), 0) AS views FROM knowledge k WHERE k.status = 'approved' AND k.registered BETWEEN ?1 AND ?2), t AS (SELECT s.*, CASE WHEN ?8 > 0 THEN views / ?8 ELSE 0 END AS view_points FROM s), r AS (SELECT t.*, base + view_points AS score, row_number() OVER (ORDER BY base + view_points DESC, views DESC, registered, id) AS rank FROM t) SELECT rank, CASE WHEN rank <= ?9 THEN 'best' WHEN rank <= ?9 + ?10 THEN 'excellent' END AS award, id, kind, title, author, dept, registered, base, views, view_points, score, CASE WHEN ?8 > 0 THEN printf('%s %d + %d views / %d = %d', kind, base, views, ?8, score) ELSE printf('%s %d = %d', kind, base, score) END AS basis FROM r ORDER BY rank
lib/task.c:1372	WITH RECURSIVE split (n, f, rest) AS (SELECT 0, '', substr(?11, 2) UNION ALL SELECT n + 1, substr(rest, 1, instr(rest, '|') - 1), substr(rest, instr(rest, '|') + 1) FROM split WHERE rest <> ''), agg AS (SELECT t.field, count(*) AS tasks, sum(t.status = 'pool') AS pool, sum(t.status = 'selected') AS selected, sum(t.status = 'in_progress') AS in_progress, sum(t.status = 'completed') AS completed, sum(t.status = 'dropped') AS dropped, coalesce(sum(t.budget), 0) AS budget FROM task t WHERE (?1 IS NULL OR t.status = ?1) AND (?2 IS NULL OR t.field = ?2) AND (?13 IS NULL OR t.origin = ?13) AND (?3 = 0 OR (?3 = 1) = (instr(?12, '|' || t.field || '|') > 0)) AND (?4 IS NULL OR t.dept_id = inno_dept_ref(?4)) AND (?5 IS NULL OR EXISTS (SELECT 1 FROM task_member m WHERE m.task_id = t.id AND m.employee_id = inno_employee_ref(?5))) AND (?6 IS NULL OR ((t.start IS NOT NULL OR t.due IS NOT NULL) AND (t.start IS NULL OR t.start <= ?7) AND (t.due IS NULL OR t.due >= ?6)) OR EXISTS (SELECT 1 FROM task_milestone ms WHERE ms.task_id = t.id AND ms.due BETWEEN ?6 AND ?7)) AND (?8 = 0 OR (t.status <> 'dropped' AND EXISTS (SELECT 1 FROM task_milestone ms WHERE ms.task_id = t.id AND ms.done IS NULL AND ms.due < ?9))) AND (?10 IS NULL OR (t.status NOT IN ('completed', 'dropped') AND (t.due BETWEEN ?9 AND ?10 OR EXISTS (SELECT 1 FROM task_milestone ms WHERE ms.task_id = t.id AND ms.done IS NULL AND ms.due BETWEEN ?9 AND ?10)))) GROUP BY t.field) SELECT field, focus, tasks, pool, selected, in_progress, completed, dropped, budget FROM ( SELECT s.n AS ord, s.f AS field, (instr(?12, '|' || s.f || '|') > 0) AS focus, coalesce(a.tasks, 0) AS tasks, coalesce(a.pool, 0) AS pool, coalesce(a.selected, 0) AS selected, coalesce(a.in_progress, 0) AS in_progress, coalesce(a.completed, 0) AS completed, coalesce(a.dropped, 0) AS dropped, coalesce(a.budget, 0) AS budget FROM split s LEFT JOIN agg a ON a.field = s.f WHERE s.n > 0 UNION ALL SELECT 1000000, a.field, 0, a.tasks, a.pool, a.selected, a.in_progress, a.completed, a.dropped, a.budget FROM agg a WHERE instr(?11, '|' || a.field || '|') = 0) ORDER BY ord, field
lib/task.c:1432	SELECT t.id AS task, t.title, inno_employee_code(m.employee_id) AS employee_id, inno_employee_name(m.employee_id) AS name, inno_dept_name(inno_employee_dept(m.employee_id)) AS employee_dept, m.role, m.joined, m.left FROM task_member m JOIN (SELECT t.* FROM task t WHERE (?1 IS NULL OR t.status = ?1) AND (?2 IS NULL OR t.field = ?2) AND (?13 IS NULL OR t.origin = ?13) AND (?3 = 0 OR (?3 = 1) = (instr(?12, '|' || t.field || '|') > 0)) AND (?4 IS NULL OR t.dept_id = inno_dept_ref(?4)) AND (?5 IS NULL OR EXISTS (SELECT 1 FROM task_member m WHERE m.task_id = t.id AND m.employee_id = inno_employee_ref(?5))) AND (?6 IS NULL OR ((t.start IS NOT NULL OR t.due IS NOT NULL) AND (t.start IS NULL OR t.start <= ?7) AND (t.due IS NULL OR t.due >= ?6)) OR EXISTS (SELECT 1 FROM task_milestone ms WHERE ms.task_id = t.id AND ms.due BETWEEN ?6 AND ?7)) AND (?8 = 0 OR (t.status <> 'dropped' AND EXISTS (SELECT 1 FROM task_milestone ms WHERE ms.task_id = t.id AND ms.done IS NULL AND ms.due < ?9))) AND (?10 IS NULL OR (t.status NOT IN ('completed', 'dropped') AND (t.due BETWEEN ?9 AND ?10 OR EXISTS (SELECT 1 FROM task_milestone ms WHERE ms.task_id = t.id AND ms.done IS NULL AND ms.due BETWEEN ?9 AND ?10))))) t ON t.id = m.task_id ORDER BY t.id, m.role <> 'leader', m.left IS NOT NULL, inno_employee_code(m.employee_id)
lib/mileage.c:2639	SELECT coalesce(inno_employee_code(?1), ?1)
EOT

cat >refused.expect <<\EOT
lib/staff.c:397: ERROR:  operator does not exist: bigint = text
lib/staff.c:1402: ERROR:  operator does not exist: bigint = text
lib/mileage.c:2425: ERROR:  function inno_employee_code(text) does not exist
lib/batch.c:834: ERROR:  column "rows" is of type bigint but expression is of type text
lib/audit.c:891: ERROR:  column "cmd" does not exist
lib/task.c:1991: ERROR:  column "gone" does not exist
lib/audit.c:450: ERROR:  COALESCE types boolean and integer cannot be matched
lib/staff.c:1118: ERROR:  column "d.name" must appear in the GROUP BY clause or be used in an aggregate function
lib/task.c:1391: ERROR:  column "st.status" must appear in the GROUP BY clause or be used in an aggregate function
lib/idea.c:443: ERROR:  column "r.decision" must appear in the GROUP BY clause or be used in an aggregate function
lib/benchmark.c:132: ERROR:  argument of OR must be type boolean, not type integer
lib/club.c:376: ERROR:  operator does not exist: boolean = integer
lib/mvp.c:1179: ERROR:  column "person_points" is of type bigint but expression is of type text
lib/knowledge.c:374: ERROR:  operator does not exist: text + bigint
lib/task.c:1372: ERROR:  UNION types boolean and integer cannot be matched
lib/task.c:1432: ERROR:  could not determine data type of parameter $11
lib/mileage.c:2639: ERROR:  COALESCE types text and bigint cannot be matched
EOT

TAB=$(printf '\t')

# prepared FILE: for each "file:line<TAB>statement" of FILE, file:line and
# the server's error where PREPARE of its translation fails.
prepared() {
	while IFS=$TAB read -r loc sql; do
		if ! pg -c "PREPARE p AS $("$TRANSLATE" --translate "$sql")" \
		    >/dev/null 2>one.err; then
			printf "%s: %s\n" "$loc" \
			    "$(sed "s/ at character [0-9]*$//" one.err)"
		fi
	done <"$1"
}

test_expect_success 'real statements of the modules prepare' '
	test "$(wc -l <works.sql)" -ge 20 &&
	prepared works.sql >works.failed &&
	test_must_be_empty works.failed
'

test_expect_success 'the statements it cannot translate are refused as known' '
	prepared refused.sql >refused.actual &&
	test_cmp refused.expect refused.actual
'

test_expect_success 'the cluster stops' '
	expect_code 0 sh "$CLUSTER" stop "$PG" &&
	test_must_be_empty err &&
	! test -e "$PG/data/postmaster.pid"
'

test_done
