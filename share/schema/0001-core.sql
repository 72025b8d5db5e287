-- 0001-core.sql: the audit trail, batch identities, and the organisation.
--
-- Dates are ISO text (YYYY-MM-DD), money is an integer count of won, and
-- every table that programs write is covered by the audit trail: a row's id
-- lies in the [first_id, last_id] range of an 'insert' audit row for its
-- table (inno-check reports rows that do not).

CREATE TABLE audit (
	id INTEGER PRIMARY KEY,
	at TEXT NOT NULL,		-- UTC, from the clock
	uid INTEGER NOT NULL,		-- real user id of the process
	user TEXT NOT NULL,
	program TEXT NOT NULL,
	action TEXT NOT NULL,		-- insert, update, delete, migrate, ...
	tbl TEXT,
	first_id INTEGER,
	last_id INTEGER,
	detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_tbl ON audit (tbl, action, first_id);

-- A batch applied once: the same id with the same digest is not applied
-- again; the same id with another digest is refused.
CREATE TABLE batch (
	id TEXT PRIMARY KEY,
	program TEXT NOT NULL,
	digest TEXT NOT NULL,
	rows INTEGER NOT NULL,
	applied_at TEXT NOT NULL
);

-- 부서: a division (과), neighbourhood office (동), bureau (국), or other.
CREATE TABLE dept (
	id INTEGER PRIMARY KEY,
	name TEXT NOT NULL UNIQUE,
	kind TEXT NOT NULL DEFAULT 'division'
	    CHECK (kind IN ('division', 'office', 'bureau', 'other'))
);

-- 팀, with its authorised headcount (정원); the current headcount (현원)
-- is counted from employee.
CREATE TABLE team (
	id INTEGER PRIMARY KEY,
	dept_id INTEGER NOT NULL REFERENCES dept (id),
	name TEXT NOT NULL,
	authorised INTEGER CHECK (authorised IS NULL OR authorised >= 0),
	UNIQUE (dept_id, name)
);

CREATE TABLE employee (
	id INTEGER PRIMARY KEY,
	employee_id TEXT NOT NULL UNIQUE,	-- the office's own id
	name TEXT NOT NULL,
	grade INTEGER NOT NULL CHECK (grade BETWEEN 1 AND 9),
	dept_id INTEGER NOT NULL REFERENCES dept (id),
	team_id INTEGER REFERENCES team (id),
	joined TEXT,			-- NULL: before records began
	left TEXT,			-- NULL: still employed
	CHECK (left IS NULL OR joined IS NULL OR left >= joined)
);
CREATE INDEX employee_dept ON employee (dept_id);
