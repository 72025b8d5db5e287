-- 0003-mileage.sql: the mileage ledger, closed months and the monthly MVP.
--
-- The ledger is append-only: an entry is never updated or deleted.  A
-- correction is a reversal entry (negative points) that names the entry it
-- reverses; an entry is reversed at most once.  Each entry keeps the
-- department its recipient belonged to when it was written, and the kind of
-- its category at that time, so later moves and configuration changes do
-- not rewrite history.

CREATE TABLE mileage (
	id INTEGER PRIMARY KEY,
	date TEXT NOT NULL CHECK (date GLOB
	    '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
	employee_id INTEGER REFERENCES employee (id),	-- NULL: a department
	dept_id INTEGER NOT NULL REFERENCES dept (id),	-- as of the award
	category TEXT NOT NULL CHECK (length(category) BETWEEN 1 AND 64),
	kind TEXT NOT NULL CHECK (kind IN ('innovation', 'cs')),
	points INTEGER NOT NULL,
	reason TEXT NOT NULL DEFAULT '',
	ref TEXT,			-- free text from the source system
	ref_table TEXT,			-- the record that caused the entry
	ref_id INTEGER,
	reverses INTEGER REFERENCES mileage (id),
	CHECK ((ref_table IS NULL) = (ref_id IS NULL)),
	CHECK (reverses IS NULL OR reverses < id)
);
-- No index on the date alone: every entry has a department, and a month's
-- entries are found through mileage_dept, one department at a time.  Each
-- index costs every award; these two also serve the references.
CREATE INDEX mileage_employee ON mileage (employee_id, date);
CREATE INDEX mileage_dept ON mileage (dept_id, date);
CREATE INDEX mileage_ref ON mileage (ref_table, ref_id)
    WHERE ref_table IS NOT NULL;
CREATE UNIQUE INDEX mileage_reverses ON mileage (reverses)
    WHERE reverses IS NOT NULL;

-- The ledger cannot be edited, even by hand through the sqlite3 shell
-- without the trigger being dropped first.
CREATE TRIGGER mileage_no_update BEFORE UPDATE ON mileage
BEGIN
	SELECT RAISE(ABORT, 'the mileage ledger is append-only; write a reversal');
END;
CREATE TRIGGER mileage_no_delete BEFORE DELETE ON mileage
BEGIN
	SELECT RAISE(ABORT, 'the mileage ledger is append-only; write a reversal');
END;

-- A closed month: no entry may be dated in it any more.
CREATE TABLE mileage_close (
	id INTEGER PRIMARY KEY,
	month TEXT NOT NULL UNIQUE CHECK (month GLOB
	    '[12][0-9][0-9][0-9]-[01][0-9]'),
	closed_at TEXT NOT NULL
);

-- The MVP of a month: one row a month, whoever computes it and however
-- often.  A NULL winner means no one was eligible.
CREATE TABLE mileage_mvp (
	id INTEGER PRIMARY KEY,
	month TEXT NOT NULL UNIQUE CHECK (month GLOB
	    '[12][0-9][0-9][0-9]-[01][0-9]'),
	employee_id INTEGER REFERENCES employee (id),
	person_points INTEGER,
	dept_id INTEGER REFERENCES dept (id),
	dept_points INTEGER,
	dept_headcount INTEGER CHECK (dept_headcount IS NULL OR
	    dept_headcount >= 0),
	dept_score TEXT NOT NULL DEFAULT 'total'
	    CHECK (dept_score IN ('total', 'per_head')),
	computed_at TEXT NOT NULL
);
CREATE INDEX mileage_mvp_employee ON mileage_mvp (employee_id);
CREATE INDEX mileage_mvp_dept ON mileage_mvp (dept_id);
