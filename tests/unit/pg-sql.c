/*
 * Unit tests of lib/db-pg-sql.c, the modules' SQL in PostgreSQL's
 * dialect: one table of SQLite statements and the text each must become,
 * byte for byte, then the parameter count and the RETURNING flag.
 *
 * With --translate SQL it prints the translation of SQL instead and
 * exits, so that tests/t0004-pg-sql.sh can run the same text on a server.
 */
#include <stdlib.h>
#include <string.h>

#include "db-pg-sql.h"
#include "tap.h"

static const struct {
	const char *in, *want;
} cases[] = {
	/* a. placeholders, numbered as SQLite numbers them */
	{"SELECT ?", "SELECT $1"},
	{"SELECT ?, ?, ?", "SELECT $1, $2, $3"},
	{"SELECT ?3, ?, ?1, ?", "SELECT $3, $4, $1, $5"},
	{"SELECT '?', \"?\", ? -- ?\n/* ? */", "SELECT '?', \"?\", $1 -- ?\n/* ? */"},
	{"SELECT 'it''s ?', ?", "SELECT 'it''s ?', $1"},
	{"SELECT \"a\"\"?\" FROM t WHERE x = ?", "SELECT \"a\"\"?\" FROM t WHERE x = $1"},

	/* b. INSERT OR IGNORE */
	{"INSERT OR IGNORE INTO t (a) VALUES (?)",
	    "INSERT INTO t (a) VALUES ($1) ON CONFLICT DO NOTHING"},
	{"INSERT OR IGNORE INTO t (a) VALUES (?) RETURNING id",
	    "INSERT INTO t (a) VALUES ($1) ON CONFLICT DO NOTHING RETURNING id"},
	{"INSERT OR IGNORE INTO t (a) VALUES (?);",
	    "INSERT INTO t (a) VALUES ($1) ON CONFLICT DO NOTHING;"},
	{"insert or ignore into t (a) select a from u\n",
	    "insert into t (a) select a from u ON CONFLICT DO NOTHING\n"},
	{"INSERT INTO t (a) VALUES (1) ON CONFLICT (a) DO NOTHING",
	    "INSERT INTO t (a) VALUES (1) ON CONFLICT (a) DO NOTHING"},

	/* c. reserved words that are names in the schema */
	{"SELECT user, a.user FROM audit", "SELECT \"user\", a.\"user\" FROM audit"},
	{"INSERT INTO audit (at, user) VALUES (?, ?)",
	    "INSERT INTO audit (at, \"user\") VALUES ($1, $2)"},
	{"SELECT left FROM e LEFT JOIN d ON d.id = e.d LEFT OUTER JOIN f ON 1",
	    "SELECT \"left\" FROM e LEFT JOIN d ON d.id = e.d LEFT OUTER JOIN f ON 1"},
	{"UPDATE m SET left = ? WHERE left IS NULL AND m.left < m.joined",
	    "UPDATE m SET \"left\" = $1 WHERE \"left\" IS NULL AND m.\"left\" < m.joined"},
	{"SELECT id, start, end FROM course WHERE c.end > ?",
	    "SELECT id, start, \"end\" FROM course WHERE c.\"end\" > $1"},
	{"SELECT max(end) AS end, CASE WHEN a THEN 1 ELSE 2 END FROM c",
	    "SELECT max(\"end\") AS \"end\", CASE WHEN a THEN 1 ELSE 2 END FROM c"},
	{"SELECT CASE a WHEN 1 THEN CASE WHEN b THEN c.end END ELSE (CASE WHEN 1 THEN 2 END) END, end",
	    "SELECT CASE a WHEN 1 THEN CASE WHEN b THEN c.\"end\" END ELSE (CASE WHEN 1 THEN 2 END) END, \"end\""},
	{"SELECT 'user', \"user\", -- user\n left_x FROM users",
	    "SELECT 'user', \"user\", -- user\n left_x FROM users"},
	{"SELECT sum FROM temp.inno_sums", "SELECT sum FROM pg_temp.inno_sums"},

	/* d. functions */
	{"SELECT ifnull(a, 0), IFNULL(b, 1)", "SELECT coalesce(a, 0), coalesce(b, 1)"},
	{"SELECT instr(?11, '|' || t.field || '|') > 0",
	    "SELECT strpos($11, '|' || t.field || '|') > 0"},
	{"SELECT group_concat(x, '; ') FROM t",
	    "SELECT string_agg(CAST(x AS text), '; ') FROM t"},
	{"SELECT group_concat(x) FROM t",
	    "SELECT string_agg(CAST(x AS text), ',') FROM t"},
	{"SELECT group_concat(inno_employee_name(m.employee_id), ', ')",
	    "SELECT string_agg(CAST(inno_employee_name(m.employee_id) AS text), ', ')"},
	{"SELECT group_concat(DISTINCT x)",
	    "SELECT string_agg(DISTINCT CAST(x AS text), ',')"},
	{"SELECT max(a), min(b), max(a, b), min(a, (b), c), max((a, b))",
	    "SELECT max(a), min(b), greatest(a, b), least(a, (b), c), max((a, b))"},
	{"SET last = max(last, excluded.last)", "SET last = greatest(last, excluded.last)"},
	{"SELECT sum(x), total(y), avg(z), SUM(n > 0)",
	    "SELECT inno_sum(x), inno_total(y), avg(z), inno_sum(n > 0)"},
	{"SELECT date(d, '+1 day'), strftime('%Y', d)",
	    "SELECT inno_date(d, '+1 day'), inno_strftime('%Y', d)"},
	{"SELECT json_extract(?1, '$.id') FROM json_each(?2) AS j",
	    "SELECT inno_json_extract($1, '$.id') FROM inno_json_each($2) AS j"},
	{"SELECT printf('%d of %s', a, count(m.id))",
	    "SELECT inno_printf('%d of %s', CAST((a) AS text), CAST((count(m.id)) AS text))"},
	{"SELECT printf('none')", "SELECT inno_printf('none')"},
	{"SELECT printf('%s %d', k, printf('%d', b + 1))",
	    "SELECT inno_printf('%s %d', CAST((k) AS text), CAST((inno_printf('%d', CAST((b + 1) AS text))) AS text))"},
	{"SELECT hex(x)", "SELECT inno_hex(x)"},
	{"SELECT char(10, 9) || x", "SELECT inno_char(10, 9) || x"},
	{"SELECT t.date, date, sum, m.sum(1), \"date\"(x), date (d)",
	    "SELECT t.date, date, sum, m.sum(1), \"date\"(x), inno_date (d)"},
	{"SELECT json_object('id', id)", "SELECT json_build_object('id', id)"},

	/* e. casts */
	{"SELECT CAST(substr(d, 6, 2) AS INTEGER), CAST(x AS TEXT), CAST(y AS REAL)",
	    "SELECT CAST(substr(d, 6, 2) AS bigint), CAST(x AS TEXT), CAST(y AS double precision)"},
	{"SELECT CAST(? AS name), cast(? as integer), CAST(a AS INTEGER[])",
	    "SELECT CAST($1 AS name), cast($2 as bigint), CAST(a AS INTEGER[])"},
	{"SELECT CAST((SELECT x AS integer FROM t) AS integer)",
	    "SELECT CAST((SELECT x AS integer FROM t) AS bigint)"},

	{"CREATE TEMP TABLE IF NOT EXISTS inno_sums (area TEXT NOT NULL, key INTEGER NOT NULL, r REAL, PRIMARY KEY (area, key))",
	    "CREATE TEMP TABLE IF NOT EXISTS inno_sums (area TEXT NOT NULL, key bigint NOT NULL, r double precision, PRIMARY KEY (area, key))"},

	/* f. IS */
	{"WHERE a IS ? AND b IS ?2 AND c IS coalesce(d, 'x')",
	    "WHERE a IS NOT DISTINCT FROM $1 AND b IS NOT DISTINCT FROM $2 AND c IS NOT DISTINCT FROM coalesce(d, 'x')"},
	{"WHERE a IS NOT ? OR b IS NOT ''",
	    "WHERE a IS DISTINCT FROM $1 OR b IS DISTINCT FROM ''"},
	{"WHERE a IS NULL AND b IS NOT NULL AND c IS TRUE AND d IS NOT FALSE AND e IS DISTINCT FROM f",
	    "WHERE a IS NULL AND b IS NOT NULL AND c IS TRUE AND d IS NOT FALSE AND e IS DISTINCT FROM f"},

	/* g. ORDER BY */
	{"SELECT a FROM t ORDER BY a", "SELECT a FROM t ORDER BY a NULLS FIRST"},
	{"SELECT a FROM t ORDER BY a DESC, b, c ASC LIMIT 1",
	    "SELECT a FROM t ORDER BY a DESC NULLS LAST, b NULLS FIRST, c ASC NULLS FIRST LIMIT 1"},
	{"SELECT a FROM t ORDER BY 1, 5 DESC, 2\n",
	    "SELECT a FROM t ORDER BY 1 NULLS FIRST, 5 DESC NULLS LAST, 2 NULLS FIRST\n"},
	{"SELECT a FROM t ORDER BY a NULLS LAST, b DESC NULLS FIRST;",
	    "SELECT a FROM t ORDER BY a NULLS LAST, b DESC NULLS FIRST;"},
	{"SELECT lag(id) OVER (ORDER BY id), rank() OVER (PARTITION BY k ORDER BY sum(p) DESC) FROM t",
	    "SELECT lag(id) OVER (ORDER BY id NULLS FIRST), rank() OVER (PARTITION BY k ORDER BY inno_sum(p) DESC NULLS LAST) FROM t"},
	{"SELECT (SELECT x FROM u ORDER BY x DESC LIMIT 1) FROM t ORDER BY f(a, b), (c + d) OFFSET 2",
	    "SELECT (SELECT x FROM u ORDER BY x DESC NULLS LAST LIMIT 1) FROM t ORDER BY f(a, b) NULLS FIRST, (c + d) NULLS FIRST OFFSET 2"},
	{"SELECT a FROM t ORDER BY m.role <> 'leader', m.left IS NOT NULL, b",
	    "SELECT a FROM t ORDER BY m.role <> 'leader' NULLS FIRST, m.\"left\" IS NOT NULL NULLS FIRST, b NULLS FIRST"},
	{"INSERT INTO m SELECT a FROM t GROUP BY 1 ORDER BY 1, 2 ON CONFLICT (a) DO NOTHING",
	    "INSERT INTO m SELECT a FROM t GROUP BY 1 ORDER BY 1 NULLS FIRST, 2 NULLS FIRST ON CONFLICT (a) DO NOTHING"},
	{"SELECT a FROM t ORDER BY a -- why\n",
	    "SELECT a FROM t ORDER BY a NULLS FIRST -- why\n"},
	{"SELECT a FROM t ORDER BY 'x,y', \"o\"\"d\" COLLATE \"C\" DESC",
	    "SELECT a FROM t ORDER BY 'x,y' NULLS FIRST, \"o\"\"d\" COLLATE \"C\" DESC NULLS LAST"},

	/* h. LIMIT -1 */
	{"SELECT a FROM t LIMIT -1 OFFSET 5", "SELECT a FROM t LIMIT ALL OFFSET 5"},
	{"SELECT a FROM t LIMIT -10", "SELECT a FROM t LIMIT -10"},

	/* joins and subqueries */
	{"SELECT 1 FROM day CROSS JOIN mileage m ON m.date = day.d WHERE 1",
	    "SELECT 1 FROM day INNER JOIN mileage m ON m.date = day.d WHERE 1"},
	{"SELECT 1 FROM a CROSS JOIN b WHERE a.x = b.x",
	    "SELECT 1 FROM a CROSS JOIN b WHERE a.x = b.x"},
	{"SELECT x FROM (SELECT 1 AS x) WHERE x > 0",
	    "SELECT x FROM (SELECT 1 AS x) AS inno_1 WHERE x > 0"},
	{"SELECT * FROM (SELECT 1) s, (SELECT 2) JOIN (SELECT 3) AS t ON 1",
	    "SELECT * FROM (SELECT 1) s, (SELECT 2) AS inno_1 JOIN (SELECT 3) AS t ON 1"},
	{"SELECT (SELECT group_concat(x, ' ') FROM (SELECT a AS x FROM m ORDER BY m.id)) AS e",
	    "SELECT (SELECT string_agg(CAST(x AS text), ' ') FROM (SELECT a AS x FROM m ORDER BY m.id NULLS FIRST) AS inno_1) AS e"},
	{"SELECT x FROM (WITH w AS (SELECT 1 AS x) SELECT x FROM w)",
	    "SELECT x FROM (WITH w AS (SELECT 1 AS x) SELECT x FROM w) AS inno_1"},
	{"SELECT a IN (SELECT 1), f((SELECT 2)) FROM t WHERE EXISTS (SELECT 1)",
	    "SELECT a IN (SELECT 1), f((SELECT 2)) FROM t WHERE EXISTS (SELECT 1)"},

	/* parameters first seen where their type shows */
	{"SELECT a FROM t WHERE (?4 IS NULL OR joined <= ?4) AND b = ?1",
	    "SELECT a FROM t WHERE (joined <= $4 OR $4 IS NULL) AND b = $1"},
	{"SELECT a FROM t WHERE ?2 IS NULL OR m.c = ?2 ORDER BY a",
	    "SELECT a FROM t WHERE m.c = $2 OR $2 IS NULL ORDER BY a NULLS FIRST"},
	{"SELECT (SELECT 1 FROM u WHERE ? IS NULL OR u.x = ?) FROM t",
	    "SELECT (SELECT 1 FROM u WHERE u.x = $2 OR $1 IS NULL) FROM t"},
	{"SELECT a FROM t WHERE x AND ?1 IS NULL OR y",
	    "SELECT a FROM t WHERE x AND $1 IS NULL OR y"},
	{"SELECT a FROM t WHERE (?1 IS NULL)", "SELECT a FROM t WHERE ($1 IS NULL)"},

	/* the table's columns in ON CONFLICT DO UPDATE */
	{"INSERT INTO m (k, p, last) VALUES (?1, ?2, ?3) ON CONFLICT (k) DO UPDATE SET p = p + excluded.p, n = n + 1, last = max(last, excluded.last) RETURNING id",
	    "INSERT INTO m (k, p, last) VALUES ($1, $2, $3) ON CONFLICT (k) DO UPDATE SET p = m.p + excluded.p, n = m.n + 1, last = greatest(m.last, excluded.last) RETURNING id"},
	{"INSERT INTO m (k) VALUES (1) ON CONFLICT (k) DO UPDATE SET left = CASE WHEN left IS NULL THEN CAST(excluded.k AS TEXT) END",
	    "INSERT INTO m (k) VALUES (1) ON CONFLICT (k) DO UPDATE SET \"left\" = CASE WHEN m.\"left\" IS NULL THEN CAST(excluded.k AS TEXT) END"},
	{"INSERT INTO m (k) VALUES (1) ON CONFLICT (k) DO UPDATE SET p = (SELECT p FROM u), q = q",
	    "INSERT INTO m (k) VALUES (1) ON CONFLICT (k) DO UPDATE SET p = (SELECT p FROM u), q = m.q"},

	/* SQLite's unary + that keeps a query off an index */
	{"SELECT a FROM i WHERE +i.submitted >= ?1 AND +i.d <= ?2 AND x = +1 AND y = a + b",
	    "SELECT a FROM i WHERE i.submitted >= $1 AND i.d <= $2 AND x = +1 AND y = a + b"},

	/* i. everything else as it is */
	{"  SELECT\ta ->> 0,\n  b || 'x' -- c\n FROM \"t\" /* d */  ",
	    "  SELECT\ta ->> 0,\n  b || 'x' -- c\n FROM \"t\" /* d */  "},
	{"SELECT 'unterminated", "SELECT 'unterminated"},
	{"SELECT 1 /* open", "SELECT 1 /* open"},
	{"SELECT '김민수', 이름 FROM t", "SELECT '김민수', 이름 FROM t"},
	{"", ""},
};

static void
test_cases(void)
{
	size_t i;
	char what[96];

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *got = inno_pg_sql(cases[i].in, NULL, NULL);

		snprintf(what, sizeof what, "translates \"%.60s\"",
		    cases[i].in);
		tap_str(got, cases[i].want, what);
		free(got);
	}
}

static void
test_counts(void)
{
	static const struct {
		const char *in;
		int nparams, returning;
	} counts[] = {
		{"SELECT 1", 0, 0},
		{"SELECT ?, ?", 2, 0},
		{"SELECT ?7, ?", 8, 0},
		{"SELECT ?2 WHERE '?9' = \"?9\"", 2, 0},
		{"INSERT INTO t (a) VALUES (?) RETURNING id", 1, 1},
		{"INSERT INTO t (a) VALUES (?) returning id, a", 1, 1},
		{"SELECT 'RETURNING', \"returning\" FROM t", 0, 0},
		{"WITH x AS (INSERT INTO t VALUES (1) RETURNING id) SELECT id FROM x",
		    0, 0},
	};
	size_t i;
	char what[96];

	for (i = 0; i < sizeof counts / sizeof counts[0]; i++) {
		int n = -1, r = -1;
		char *got = inno_pg_sql(counts[i].in, &n, &r);

		snprintf(what, sizeof what, "counts \"%.60s\"",
		    counts[i].in);
		tap_ok(got != NULL && n == counts[i].nparams &&
		    r == counts[i].returning, what);
		if (got == NULL || n != counts[i].nparams ||
		    r != counts[i].returning)
			printf("#   got %d and %d, want %d and %d\n", n, r,
			    counts[i].nparams, counts[i].returning);
		free(got);
	}
}

int
main(int argc, char *argv[])
{
	if (argc == 3 && strcmp(argv[1], "--translate") == 0) {
		char *s = inno_pg_sql(argv[2], NULL, NULL);

		if (s == NULL)
			return 1;
		printf("%s\n", s);
		free(s);
		return fflush(stdout) != 0;
	}
	test_cases();
	test_counts();
	return tap_done();
}
