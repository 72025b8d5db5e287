-- 0001-core.sql: the audit trail, batch identities, and the organisation.
-- The PostgreSQL translation of share/schema/0001-core.sql.
--
-- Dates are ISO text (YYYY-MM-DD), money is an integer count of won, and
-- every table that programs write is covered by the audit trail: a row's id
-- lies in the [first_id, last_id] range of an 'insert' audit row for its
-- table (inno-check reports rows that do not).
--
-- share/schema/pg/NNNN-NAME.sql translates share/schema/NNNN-NAME.sql, one
-- for one, so that a database has the same tables, columns (same names, in
-- the same order), constraints, indexes and triggers on either engine, and
-- a row written by the same statement is the same row.  The files are
-- applied in order, all that a database lacks in one transaction.  How
-- the translation goes, once for all the files:
--
-- The version.  PostgreSQL has no PRAGMA user_version: inno_schema holds
-- it, one row, and each file ends by setting it to its own number, so a
-- database says which files it has had however they were applied (by the
-- library, or by psql -v ON_ERROR_STOP=1 -1 -f FILE in order).  inno_schema
-- and inno_sequence (0008) are this engine's bookkeeping, as
-- sqlite_sequence is SQLite's: they are not among the tables.
--
-- Types.  SQLite's INTEGER holds 64 bits: bigint, for every integer
-- column (money, counts and ids alike).  TEXT is text COLLATE "C": SQLite
-- compares text byte by byte (BINARY), which for UTF-8 is the order of
-- code points, as the C collation is; so a CHECK (left >= joined), a
-- unique index, an ORDER BY and a regular expression's [0-9] mean the same
-- whatever locale the database was created with.
--
-- Ids.  INTEGER PRIMARY KEY is bigint PRIMARY KEY, and a BEFORE INSERT
-- trigger gives a row without one the id SQLite gives it: the largest
-- plus one (inno_next_id, below; the audit trail, the change log and the
-- ledger have triggers of their own, the change log's being
-- AUTOINCREMENT: the largest ever given plus one, kept in
-- inno_sequence).  A value given is kept, as SQLite keeps it.  A
-- sequence would not do: it is not transactional, and a rolled-back
-- insert would leave a gap where SQLite leaves none, so a batch refused
-- would still change the ids of the next one, a copy of a database would
-- not give the same ids, and the audit trail's ranges and the checks that
-- read a gap in the trail, the log or the ledger as a row removed would
-- not hold.  Two writers at once then want the same id and the second
-- fails on the key instead of leaving a gap; the programs, as on SQLite
-- (BEGIN IMMEDIATE), write one transaction at a time, which the engine
-- holds with a lock every writer takes first, since the trail's chain and
-- the change log's runs (0008) read the last row before they append.
--
-- Names.  user, left and end are reserved words in PostgreSQL and are
-- written "user", "left" and "end"; the column is still named user.
--
-- Checks and triggers.  A CHECK is the same expression; x GLOB 'pattern'
-- is x ~ '^regex$' matching the same strings.  A SQLite trigger is a
-- PL/pgSQL trigger function and a trigger of the same name on the same
-- table; a WHEN condition with a subquery, which PostgreSQL's WHEN cannot
-- hold, is tested first thing in the function.  RAISE(ABORT, message) is
-- RAISE EXCEPTION with the same message and SQLSTATE 23000
-- (integrity_constraint_violation), the class SQLite's SQLITE_CONSTRAINT
-- maps to; it ends the transaction, not only the statement as in SQLite.
-- TRUNCATE, which SQLite has not, would empty a table without one row
-- trigger: the append-only tables refuse it and the logged tables log
-- each row it removes, as a DELETE of every row is logged.
--
-- Every foreign key is DEFERRABLE INITIALLY IMMEDIATE: checked at each
-- statement, as SQLite checks one, and put off to the commit where the
-- library puts SQLite's off (PRAGMA defer_foreign_keys, SET CONSTRAINTS
-- ALL DEFERRED here): inno-undo putting rows back in the order of the
-- change log, inno-copy loading tables that refer to each other.
--
-- A REFERENCES to a table a later statement creates, which SQLite accepts,
-- is added to the table with ALTER TABLE once the other table exists.
--
-- Statements that rewrite rows a database already held (a migration that
-- repairs or moves old data) are translated too, and do nothing on a new
-- database, which has none of those rows; each file says so.

-- SQLite's functions, for the modules' SQL.  The modules write each
-- statement once, in SQLite's dialect; the engine's translation
-- (lib/db-pg-sql.c) renames the calls whose name or meaning differs to
-- these, which reproduce what SQLite answers for what the modules ask.
-- They are made first, in the schema the migrations run in, so that a
-- later migration may call them too.

-- sum: SQLite's sum of integers is an integer (PostgreSQL's sum of
-- bigint is numeric, read back as a real), its sum of a comparison counts
-- the true ones (sum(a = b)), and no row, or only NULLs, gives NULL.
CREATE FUNCTION inno_sum_int(s bigint, x integer) RETURNS bigint
LANGUAGE sql IMMUTABLE AS
'SELECT CASE WHEN x IS NULL THEN s ELSE coalesce(s, 0) + x END';
CREATE FUNCTION inno_sum_bool(s bigint, x boolean) RETURNS bigint
LANGUAGE sql IMMUTABLE AS
'SELECT CASE WHEN x IS NULL THEN s ELSE coalesce(s, 0) + x::integer END';
CREATE AGGREGATE inno_sum(bigint) (SFUNC = int8pl, STYPE = bigint);
CREATE AGGREGATE inno_sum(integer) (SFUNC = inno_sum_int, STYPE = bigint);
CREATE AGGREGATE inno_sum(boolean) (SFUNC = inno_sum_bool, STYPE = bigint);
CREATE AGGREGATE inno_sum(double precision) (SFUNC = float8pl,
	STYPE = double precision);
CREATE AGGREGATE inno_sum(numeric) (SFUNC = numeric_add, STYPE = numeric);

-- total: SQLite's sum as a real, 0.0 when there is nothing to add.
CREATE FUNCTION inno_total_step(s double precision, x double precision)
RETURNS double precision LANGUAGE sql IMMUTABLE STRICT AS 'SELECT s + x';
CREATE FUNCTION inno_total_step(s double precision, x bigint)
RETURNS double precision LANGUAGE sql IMMUTABLE STRICT AS
'SELECT s + x::double precision';
CREATE FUNCTION inno_total_step(s double precision, x integer)
RETURNS double precision LANGUAGE sql IMMUTABLE STRICT AS 'SELECT s + x';
CREATE FUNCTION inno_total_step(s double precision, x numeric)
RETURNS double precision LANGUAGE sql IMMUTABLE STRICT AS
'SELECT s + x::double precision';
CREATE FUNCTION inno_total_step(s double precision, x boolean)
RETURNS double precision LANGUAGE sql IMMUTABLE STRICT AS
'SELECT s + x::integer';
CREATE AGGREGATE inno_total(bigint) (SFUNC = inno_total_step,
	STYPE = double precision, INITCOND = '0');
CREATE AGGREGATE inno_total(integer) (SFUNC = inno_total_step,
	STYPE = double precision, INITCOND = '0');
CREATE AGGREGATE inno_total(boolean) (SFUNC = inno_total_step,
	STYPE = double precision, INITCOND = '0');
CREATE AGGREGATE inno_total(double precision) (SFUNC = inno_total_step,
	STYPE = double precision, INITCOND = '0');
CREATE AGGREGATE inno_total(numeric) (SFUNC = inno_total_step,
	STYPE = double precision, INITCOND = '0');

-- SQLite's time value x after its modifiers, as a timestamp in UTC and
-- the year, month and day SQLite would print, or NULL where SQLite gives
-- NULL (a value or a modifier it does not read).  SQLite keeps the
-- fields it parsed until a modifier moves the time: date('2023-02-30')
-- is 2023-02-30, but a day later is 2023-03-03.  A month or a year is
-- added to the fields, and the day then overflows into the next month:
-- 2023-01-31 +1 month is 2023-03-03.  Read: YYYY-MM-DD, with a time
-- HH:MM[:SS[.SSS]] after a space or T and a zone (Z, +HH:MM), 'now'
-- (UTC), a Julian day number.  Modifiers: N days, hours, minutes,
-- seconds, months, years (N signed, maybe fractional), start of day,
-- month, year, weekday N; utc and localtime change nothing, since the
-- programs keep every time in UTC.  Years before 1 are refused, as
-- PostgreSQL has no year 0.
CREATE FUNCTION inno_time(x text, mods text[], OUT ts timestamp,
	OUT y integer, OUT mo integer, OUT d integer)
LANGUAGE plpgsql STABLE AS $$
DECLARE
	m text[];
	md text;
	n numeric;
	whole integer;
	secs numeric := 0;
	months integer;
BEGIN
	IF x IS NULL THEN
		RETURN;
	END IF;
	x := rtrim(x);
	IF lower(x) = 'now' THEN
		ts := date_trunc('milliseconds', now() AT TIME ZONE 'UTC');
	ELSIF x ~ '^[0-9]+(\.[0-9]*)?$' THEN
		ts := to_timestamp((x::numeric - 2440587.5) * 86400)
		    AT TIME ZONE 'UTC';
	ELSE
		m := regexp_match(x, '^([0-9]{4})-([0-9]{2})-([0-9]{2})'
		    '(?:[ T]([0-9]{2}):([0-9]{2})(?::([0-9]{2}(?:\.[0-9]*)?))?)?'
		    '(Z|[+-][0-9]{2}:[0-9]{2})?$', 'i');
		IF m IS NULL THEN
			RETURN;
		END IF;
		y := m[1]::integer;
		mo := m[2]::integer;
		d := m[3]::integer;
		IF mo NOT BETWEEN 1 AND 12 OR d NOT BETWEEN 1 AND 31 OR
		    coalesce(m[4]::integer, 0) > 24 OR
		    coalesce(m[5]::integer, 0) > 59 OR
		    coalesce(m[6]::numeric, 0) >= 60 OR y < 1 THEN
			y := NULL;
			mo := NULL;
			d := NULL;
			RETURN;
		END IF;
		secs := coalesce(m[4]::integer, 0) * 3600 +
		    coalesce(m[5]::integer, 0) * 60 + coalesce(m[6]::numeric, 0);
		ts := make_date(y, mo, 1) + (d - 1) + secs * interval '1 second';
		IF m[7] IS NOT NULL AND upper(m[7]) <> 'Z' THEN
			ts := ts - (m[7] || ':00')::interval;
			y := NULL;
		END IF;
	END IF;
	FOREACH md IN ARRAY coalesce(mods, '{}') LOOP
		IF md IS NULL THEN
			ts := NULL;
			EXIT;
		END IF;
		md := lower(md);
		m := regexp_match(md, '^([+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))'
		    '\s*(day|hour|minute|second|month|year)s?$');
		IF m IS NOT NULL THEN
			n := m[1]::numeric;
			IF m[2] IN ('month', 'year') THEN
				-- The whole months on the fields, the rest as
				-- 30 (or 365) days, as SQLite does.
				IF y IS NULL THEN
					y := extract(year FROM ts);
					mo := extract(month FROM ts);
					d := extract(day FROM ts);
				END IF;
				whole := trunc(n);
				months := y * 12 + mo - 1 +
				    CASE m[2] WHEN 'year' THEN whole * 12
				    ELSE whole END;
				IF months NOT BETWEEN 12 AND 9999 * 12 + 11 THEN
					ts := NULL;
					EXIT;
				END IF;
				ts := make_date(months / 12, months % 12 + 1, 1) +
				    (d - 1) + (ts - date_trunc('day', ts)) +
				    (n - whole) * CASE m[2] WHEN 'year'
				    THEN 365 ELSE 30 END * interval '1 day';
			ELSE
				ts := ts + n * ('1 ' || m[2])::interval;
			END IF;
			y := NULL;
		ELSIF md IN ('start of day', 'start of month',
		    'start of year') THEN
			IF y IS NULL OR md = 'start of day' THEN
				ts := date_trunc(substr(md, 10), ts);
				y := NULL;
			ELSIF md = 'start of month' THEN
				d := 1;
				ts := make_date(y, mo, 1);
			ELSE
				mo := 1;
				d := 1;
				ts := make_date(y, 1, 1);
			END IF;
		ELSIF md ~ '^weekday [0-6]$' THEN
			ts := ts + ((substr(md, 9)::integer -
			    extract(dow FROM ts)::integer + 7) % 7) *
			    interval '1 day';
			y := NULL;
		ELSIF md NOT IN ('utc', 'localtime') THEN
			ts := NULL;
			EXIT;
		END IF;
		IF ts IS NULL OR extract(year FROM ts) NOT BETWEEN 1 AND 9999 THEN
			ts := NULL;
			EXIT;
		END IF;
	END LOOP;
	IF ts IS NULL THEN
		y := NULL;
		mo := NULL;
		d := NULL;
	ELSIF y IS NULL THEN
		y := extract(year FROM ts);
		mo := extract(month FROM ts);
		d := extract(day FROM ts);
	END IF;
END
$$;

-- date(x, modifiers...): YYYY-MM-DD, or NULL (see inno_time).
CREATE FUNCTION inno_date(x text, VARIADIC mods text[] DEFAULT '{}')
RETURNS text LANGUAGE sql STABLE AS $$
SELECT CASE WHEN t.y IS NOT NULL THEN lpad(t.y::text, 4, '0') || '-' ||
    lpad(t.mo::text, 2, '0') || '-' || lpad(t.d::text, 2, '0') END
FROM inno_time(x, mods) AS t
$$;

-- strftime(format, x, modifiers...) for SQLite 3.40's conversions: %d
-- %f %H %j %J %m %M %s %S %w %W %Y %%; another one gives NULL, as there.
CREATE FUNCTION inno_strftime(fmt text, x text, VARIADIC mods text[]
	DEFAULT '{}')
RETURNS text LANGUAGE plpgsql STABLE AS $$
DECLARE
	t record;
	out text := '';
	i integer := 1;
	c text;
	v text;
BEGIN
	SELECT * INTO t FROM inno_time(x, mods);
	IF fmt IS NULL OR t.ts IS NULL THEN
		RETURN NULL;
	END IF;
	WHILE i <= length(fmt) LOOP
		c := substr(fmt, i, 1);
		IF c <> '%' THEN
			out := out || c;
			i := i + 1;
			CONTINUE;
		END IF;
		c := substr(fmt, i + 1, 1);
		v := CASE c
		    WHEN 'd' THEN lpad(t.d::text, 2, '0')
		    WHEN 'm' THEN lpad(t.mo::text, 2, '0')
		    WHEN 'Y' THEN lpad(t.y::text, 4, '0')
		    WHEN 'H' THEN to_char(t.ts, 'HH24')
		    WHEN 'M' THEN to_char(t.ts, 'MI')
		    WHEN 'S' THEN to_char(t.ts, 'SS')
		    WHEN 'f' THEN to_char(t.ts, 'SS.MS')
		    WHEN 'j' THEN to_char(t.ts, 'DDD')
		    WHEN 'w' THEN extract(dow FROM t.ts)::text
		    -- Weeks that start on a Monday, the first one 01.
		    WHEN 'W' THEN lpad(((extract(doy FROM t.ts)::integer + 6 -
			(extract(isodow FROM t.ts)::integer - 1)) / 7)::text,
			2, '0')
		    WHEN 's' THEN floor(extract(epoch FROM t.ts))::bigint::text
		    WHEN 'J' THEN rtrim(rtrim(round(extract(epoch FROM t.ts) /
			86400 + 2440587.5, 8)::text, '0'), '.')
		    WHEN '%' THEN '%'
		    END;
		IF v IS NULL THEN
			RETURN NULL;
		END IF;
		out := out || v;
		i := i + 2;
	END LOOP;
	RETURN out;
END
$$;

-- JSON text without the spaces between its tokens, as SQLite writes the
-- arrays and objects it returns.
CREATE FUNCTION inno_json_min(j text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT AS $$
SELECT regexp_replace(j, '("(?:[^"\\]|\\.)*")|[ \t\n\r]+', '\1', 'g')
$$;

-- A JSON value as SQLite's JSON functions return it: a string unquoted,
-- a number as written, true and false as 1 and 0, null as NULL, an
-- array or an object as its JSON text.
CREATE FUNCTION inno_json_value(v json) RETURNS text
LANGUAGE sql IMMUTABLE STRICT AS $$
SELECT CASE json_typeof(v) WHEN 'string' THEN v #>> '{}'
    WHEN 'number' THEN btrim(v::text)
    WHEN 'boolean' THEN CASE btrim(v::text) WHEN 'true' THEN '1' ELSE '0' END
    WHEN 'null' THEN NULL ELSE inno_json_min(v::text) END
$$;

-- The node of j at path ($, .key, ."key", [N], in any sequence), or
-- NULL when there is none; a path SQLite would not read is an error, as
-- there.
CREATE FUNCTION inno_json_node(j text, path text) RETURNS json
LANGUAGE plpgsql IMMUTABLE STRICT AS $$
DECLARE
	keys text[] := '{}';
	rest text;
	m text[];
	node json := j::json;
BEGIN
	IF left(path, 1) <> '$' THEN
		RAISE EXCEPTION 'bad JSON path: %', path;
	END IF;
	rest := substr(path, 2);
	WHILE rest <> '' LOOP
		m := regexp_match(rest, '^(?:\."([^"]*)"|\.([^.[]+)|\[([0-9]+)\])');
		IF m IS NULL THEN
			RAISE EXCEPTION 'bad JSON path: %', path;
		END IF;
		-- A key looks into an object, an index into an array only.
		IF m[3] IS NOT NULL THEN
			IF json_typeof(node) <> 'array' THEN
				RETURN NULL;
			END IF;
			node := node -> m[3]::integer;
		ELSE
			IF json_typeof(node) <> 'object' THEN
				RETURN NULL;
			END IF;
			node := node -> coalesce(m[1], m[2]);
		END IF;
		IF node IS NULL THEN
			RETURN NULL;
		END IF;
		rest := substr(rest, length(coalesce('."' || m[1] || '"',
		    '.' || m[2], '[' || m[3] || ']')) + 1);
	END LOOP;
	RETURN node;
END
$$;

-- json_extract(j, path): the value there (inno_json_value), NULL when
-- there is none.
CREATE FUNCTION inno_json_extract(j text, path text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT AS
'SELECT inno_json_value(inno_json_node(j, path))';

-- json_each(j): a row for each element of an array or member of an
-- object, in the document's order (a scalar is one row), with SQLite's
-- columns: value as inno_json_value gives it, type SQLite's name for it,
-- atom the value of a scalar, and the key's path from the top.
CREATE FUNCTION inno_json_each(j text) RETURNS TABLE (key text,
	value text, type text, atom text, id bigint, fullkey text, path text)
LANGUAGE sql IMMUTABLE STRICT AS $$
WITH doc (v) AS (SELECT j::json),
e (key, fullkey, v, n) AS (
	SELECT (a.n - 1)::text, '$[' || (a.n - 1) || ']', a.v, a.n
	FROM doc, json_array_elements(doc.v) WITH ORDINALITY AS a (v, n)
	WHERE json_typeof(doc.v) = 'array'
	UNION ALL
	SELECT o.k, CASE WHEN o.k ~ '^[A-Za-z_][A-Za-z0-9_]*$'
	    THEN '$.' || o.k ELSE '$."' || o.k || '"' END, o.v, o.n
	FROM doc, json_each(doc.v) WITH ORDINALITY AS o (k, v, n)
	WHERE json_typeof(doc.v) = 'object'
	UNION ALL
	SELECT NULL, '$', doc.v, 1 FROM doc
	WHERE json_typeof(doc.v) NOT IN ('array', 'object'))
SELECT e.key, inno_json_value(e.v),
    CASE json_typeof(e.v) WHEN 'string' THEN 'text'
    WHEN 'number' THEN CASE WHEN btrim(e.v::text) ~ '^-?[0-9]+$'
	THEN 'integer' ELSE 'real' END
    WHEN 'boolean' THEN btrim(e.v::text)
    ELSE json_typeof(e.v) END,
    CASE WHEN json_typeof(e.v) NOT IN ('array', 'object')
	THEN inno_json_value(e.v) END,
    e.n, e.fullkey, '$'
FROM e ORDER BY e.n
$$;

-- SQLite's j ->> 0, j ->> 'key' and j -> ... on JSON held as text (a
-- json_each row's value): ->> the value (inno_json_value), -> its JSON
-- text.  A text key is a path when it starts with $, else the path $.key
-- or, for [N], $[N], as there.
CREATE FUNCTION inno_json_path(k text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT AS
'SELECT CASE left(k, 1) WHEN ''$'' THEN k WHEN ''['' THEN ''$'' || k
    ELSE ''$.'' || k END';
CREATE FUNCTION inno_json_get(j text, k integer) RETURNS text
LANGUAGE sql IMMUTABLE STRICT AS
'SELECT inno_json_extract(j, ''$['' || k || '']'')';
CREATE FUNCTION inno_json_get(j text, k text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT AS
'SELECT inno_json_extract(j, inno_json_path(k))';
CREATE FUNCTION inno_json_get_json(j text, k integer) RETURNS text
LANGUAGE sql IMMUTABLE STRICT AS
'SELECT inno_json_min(inno_json_node(j, ''$['' || k || '']'')::text)';
CREATE FUNCTION inno_json_get_json(j text, k text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT AS
'SELECT inno_json_min(inno_json_node(j, inno_json_path(k))::text)';
CREATE OPERATOR ->> (LEFTARG = text, RIGHTARG = integer,
	FUNCTION = inno_json_get);
CREATE OPERATOR ->> (LEFTARG = text, RIGHTARG = text,
	FUNCTION = inno_json_get);
CREATE OPERATOR -> (LEFTARG = text, RIGHTARG = integer,
	FUNCTION = inno_json_get_json);
CREATE OPERATOR -> (LEFTARG = text, RIGHTARG = text,
	FUNCTION = inno_json_get_json);

-- printf(format, args...) with each argument as text (the translation
-- casts them): %s, %d and %i, %f, %% and %c, with the flags - + space 0
-- and , (thousands), a width and a precision, either of them * (from
-- the arguments).  As in SQLite a missing argument is NULL, NULL is ''
-- for %s and 0 for a number, a number is read from the start of the
-- text ('12abc' is 12, true is 1), and widths count bytes.
CREATE FUNCTION inno_printf(fmt text, VARIADIC args text[] DEFAULT '{}')
RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
	out text := '';
	i integer := 1;
	j integer;
	k integer := 1;
	m text[];
	flags text;
	width integer;
	prec integer;
	a text;
	v numeric;
	s text;
	sign text;
BEGIN
	IF fmt IS NULL THEN
		RETURN NULL;
	END IF;
	WHILE i <= length(fmt) LOOP
		j := strpos(substr(fmt, i), '%');
		IF j = 0 THEN
			RETURN out || substr(fmt, i);
		END IF;
		out := out || substr(fmt, i, j - 1);
		i := i + j - 1;
		m := regexp_match(substr(fmt, i),
		    '^%([-+ 0#,!]*)([0-9]*|\*)(\.(?:[0-9]*|\*))?(l{0,2})(.)');
		IF m IS NULL THEN
			RETURN out;
		END IF;
		i := i + 1 + length(m[1]) + length(m[2]) +
		    coalesce(length(m[3]), 0) + length(m[4]) + 1;
		flags := m[1];
		IF m[2] = '*' THEN
			width := coalesce(substring(args[k] FROM
			    '^\s*([+-]?[0-9]+)')::integer, 0);
			k := k + 1;
			IF width < 0 THEN
				flags := flags || '-';
				width := -width;
			END IF;
		ELSE
			width := nullif(m[2], '')::integer;
		END IF;
		IF m[3] = '.*' THEN
			prec := abs(coalesce(substring(args[k] FROM
			    '^\s*([+-]?[0-9]+)')::integer, 0));
			k := k + 1;
		ELSE
			prec := nullif(substr(m[3], 2), '')::integer;
			IF m[3] = '.' THEN
				prec := 0;
			END IF;
		END IF;
		IF m[5] = '%' THEN
			out := out || '%';
			CONTINUE;
		END IF;
		a := args[k];
		k := k + 1;
		IF m[5] IN ('s', 'z', 'c') THEN
			s := coalesce(a, '');
			IF m[5] = 'c' THEN
				s := left(s, 1);
			ELSIF prec IS NOT NULL THEN
				s := left(s, prec);
			END IF;
		ELSIF m[5] IN ('d', 'i', 'f') THEN
			v := CASE lower(a) WHEN 'true' THEN 1 WHEN 'false' THEN 0
			    ELSE substring(a FROM '^\s*([+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)')::numeric
			    END;
			v := coalesce(v, 0);
			IF m[5] = 'f' THEN
				s := round(abs(v), coalesce(prec, 6))::text;
			ELSE
				s := trunc(abs(v))::text;
				IF strpos(flags, ',') > 0 THEN
					s := reverse(regexp_replace(reverse(s),
					    '([0-9]{3})(?=[0-9])', '\1,', 'g'));
				END IF;
				IF prec IS NOT NULL THEN
					s := lpad(s, greatest(prec, length(s)), '0');
				END IF;
			END IF;
			sign := CASE WHEN v < 0 AND s ~ '[1-9]' THEN '-'
			    WHEN strpos(flags, '+') > 0 THEN '+'
			    WHEN strpos(flags, ' ') > 0 THEN ' ' ELSE '' END;
			IF strpos(flags, '0') > 0 AND strpos(flags, '-') = 0 AND
			    width IS NOT NULL THEN
				s := lpad(s, greatest(width - length(sign),
				    length(s)), '0');
			END IF;
			s := sign || s;
		ELSE
			RAISE EXCEPTION 'inno_printf: %% not supported: %', m[5];
		END IF;
		IF width IS NOT NULL AND octet_length(s) < width THEN
			IF strpos(flags, '-') > 0 THEN
				s := s || repeat(' ', width - octet_length(s));
			ELSE
				s := repeat(' ', width - octet_length(s)) || s;
			END IF;
		END IF;
		out := out || s;
	END LOOP;
	RETURN out;
END
$$;

-- SQLite's char(N, ...): the string of those code points.
CREATE FUNCTION inno_char(VARIADIC c bigint[]) RETURNS text LANGUAGE sql
IMMUTABLE AS $$
	SELECT coalesce(string_agg(chr(CAST(x AS integer)), '' ORDER BY n), '')
	FROM unnest(c) WITH ORDINALITY AS u (x, n)
$$;

-- hex(x): the bytes of x (text as UTF-8) in upper-case hexadecimal, ''
-- for NULL, as SQLite's hex().
CREATE FUNCTION inno_hex(x bytea) RETURNS text LANGUAGE sql IMMUTABLE AS
'SELECT coalesce(upper(encode(x, ''hex'')), '''')';
CREATE FUNCTION inno_hex(x text) RETURNS text LANGUAGE sql IMMUTABLE AS
'SELECT coalesce(upper(encode(convert_to(x, ''UTF8''), ''hex'')), '''')';

-- The id of a new row of the table the trigger is on, when the insert
-- gives none: the largest plus one, read from the key's index.
CREATE FUNCTION inno_next_id() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF NEW.id IS NULL THEN
		EXECUTE format('SELECT coalesce(max(id), 0) + 1 FROM %I.%I',
		    TG_TABLE_SCHEMA, TG_TABLE_NAME) INTO NEW.id;
	END IF;
	RETURN NEW;
END
$$;

CREATE TABLE inno_schema (
	version integer NOT NULL CHECK (version >= 1)
);
-- One row, whatever is inserted by hand.
CREATE UNIQUE INDEX inno_schema_one ON inno_schema ((true));

CREATE TABLE audit (
	id bigint PRIMARY KEY,		-- given by audit_next_id, see above
	at text COLLATE "C" NOT NULL,		-- UTC, from the clock
	uid bigint NOT NULL,		-- real user id of the process
	"user" text COLLATE "C" NOT NULL,
	program text COLLATE "C" NOT NULL,
	-- insert, update, delete, migrate, ...
	action text COLLATE "C" NOT NULL,
	tbl text COLLATE "C",
	first_id bigint,
	last_id bigint,
	detail text COLLATE "C" NOT NULL DEFAULT ''
);
CREATE INDEX audit_tbl ON audit (tbl, action, first_id);

-- An audit row's id is the largest plus one, as SQLite gives it, so that
-- the trail has no gap but a row removed.
CREATE FUNCTION audit_next_id() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF NEW.id IS NULL THEN
		SELECT coalesce(max(id), 0) + 1 INTO NEW.id FROM audit;
	END IF;
	RETURN NEW;
END
$$;
CREATE TRIGGER audit_next_id BEFORE INSERT ON audit
FOR EACH ROW EXECUTE FUNCTION audit_next_id();

-- A batch applied once: the same id with the same digest is not applied
-- again; the same id with another digest is refused.
CREATE TABLE batch (
	id text COLLATE "C" PRIMARY KEY,
	program text COLLATE "C" NOT NULL,
	digest text COLLATE "C" NOT NULL,
	rows bigint NOT NULL,
	applied_at text COLLATE "C" NOT NULL
);

-- 부서: a division (과), neighbourhood office (동), bureau (국), or other.
CREATE TABLE dept (
	id bigint PRIMARY KEY,		-- given by inno_next_id (0001)
	name text COLLATE "C" NOT NULL UNIQUE,
	kind text COLLATE "C" NOT NULL DEFAULT 'division'
	    CHECK (kind IN ('division', 'office', 'bureau', 'other'))
);
CREATE TRIGGER dept_next_id BEFORE INSERT ON dept
FOR EACH ROW EXECUTE FUNCTION inno_next_id();

-- 팀, with its authorised headcount (정원); the current headcount (현원)
-- is counted from employee.
CREATE TABLE team (
	id bigint PRIMARY KEY,		-- given by inno_next_id (0001)
	dept_id bigint NOT NULL REFERENCES dept (id) DEFERRABLE INITIALLY IMMEDIATE,
	name text COLLATE "C" NOT NULL,
	authorised bigint CHECK (authorised IS NULL OR authorised >= 0),
	UNIQUE (dept_id, name)
);
CREATE TRIGGER team_next_id BEFORE INSERT ON team
FOR EACH ROW EXECUTE FUNCTION inno_next_id();

CREATE TABLE employee (
	id bigint PRIMARY KEY,		-- given by inno_next_id (0001)
	employee_id text COLLATE "C" NOT NULL UNIQUE,	-- the office's own id
	name text COLLATE "C" NOT NULL,
	grade bigint NOT NULL CHECK (grade BETWEEN 1 AND 9),
	dept_id bigint NOT NULL REFERENCES dept (id) DEFERRABLE INITIALLY IMMEDIATE,
	team_id bigint REFERENCES team (id) DEFERRABLE INITIALLY IMMEDIATE,
	joined text COLLATE "C",	-- NULL: before records began
	"left" text COLLATE "C",			-- NULL: still employed
	CHECK ("left" IS NULL OR joined IS NULL OR "left" >= joined)
);
CREATE TRIGGER employee_next_id BEFORE INSERT ON employee
FOR EACH ROW EXECUTE FUNCTION inno_next_id();
CREATE INDEX employee_dept ON employee (dept_id);

INSERT INTO inno_schema (version) VALUES (1);
