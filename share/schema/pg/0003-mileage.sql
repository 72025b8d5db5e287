-- 0003-mileage.sql: the mileage ledger, closed months and the monthly MVP.
-- The PostgreSQL translation of share/schema/0003-mileage.sql (see
-- 0001-core.sql for how the translation goes).
--
-- The ledger is append-only: an entry is never updated or deleted.  A
-- correction is a reversal entry (negative points) that names the entry it
-- reverses; an entry is reversed at most once.  Each entry keeps the
-- department its recipient belonged to when it was written, and the kind of
-- its category at that time, so later moves and configuration changes do
-- not rewrite history.

CREATE TABLE mileage (
	id bigint PRIMARY KEY,		-- given by mileage_next_id, below
	date text COLLATE "C" NOT NULL CHECK (date ~
	    '^[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]$'),
	employee_id bigint REFERENCES employee (id) DEFERRABLE INITIALLY IMMEDIATE,	-- NULL: a department
	dept_id bigint NOT NULL REFERENCES dept (id) DEFERRABLE INITIALLY IMMEDIATE,	-- as of the award
	category text COLLATE "C" NOT NULL
	    CHECK (length(category) BETWEEN 1 AND 64),
	kind text COLLATE "C" NOT NULL CHECK (kind IN ('innovation', 'cs')),
	points bigint NOT NULL,
	reason text COLLATE "C" NOT NULL DEFAULT '',
	ref text COLLATE "C",	-- free text from the source system
	ref_table text COLLATE "C",	-- the record that caused the entry
	ref_id bigint,
	reverses bigint REFERENCES mileage (id) DEFERRABLE INITIALLY IMMEDIATE,
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

-- An entry's id is the largest plus one, as SQLite gives it: the mileage
-- module's check reads a gap in the ids as an entry deleted, and a
-- sequence would leave one for every rolled-back insert.
CREATE FUNCTION mileage_next_id() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF NEW.id IS NULL THEN
		SELECT coalesce(max(id), 0) + 1 INTO NEW.id FROM mileage;
	END IF;
	RETURN NEW;
END
$$;
CREATE TRIGGER mileage_next_id BEFORE INSERT ON mileage
FOR EACH ROW EXECUTE FUNCTION mileage_next_id();

-- The ledger cannot be edited, even by hand through psql without the
-- trigger being dropped first.  inno_refuse raises its argument; the
-- append-only tables of later files (the audit trail, the change log, the
-- commands) use it too.  TRUNCATE fires no row trigger, so it has one of
-- its own.
CREATE FUNCTION inno_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION '%', TG_ARGV[0]
	    USING ERRCODE = 'integrity_constraint_violation';
	RETURN NULL;
END
$$;
CREATE TRIGGER mileage_no_update BEFORE UPDATE ON mileage
FOR EACH ROW EXECUTE FUNCTION
    inno_refuse('the mileage ledger is append-only; write a reversal');
CREATE TRIGGER mileage_no_delete BEFORE DELETE ON mileage
FOR EACH ROW EXECUTE FUNCTION
    inno_refuse('the mileage ledger is append-only; write a reversal');
CREATE TRIGGER mileage_no_truncate BEFORE TRUNCATE ON mileage
FOR EACH STATEMENT EXECUTE FUNCTION
    inno_refuse('the mileage ledger is append-only; write a reversal');

-- A closed month: no entry may be dated in it any more.
CREATE TABLE mileage_close (
	id bigint PRIMARY KEY,		-- given by inno_next_id (0001)
	month text COLLATE "C" NOT NULL UNIQUE CHECK (month ~
	    '^[12][0-9][0-9][0-9]-[01][0-9]$'),
	closed_at text COLLATE "C" NOT NULL
);
CREATE TRIGGER mileage_close_next_id BEFORE INSERT ON mileage_close
FOR EACH ROW EXECUTE FUNCTION inno_next_id();

-- The MVP of a month: one row a month, whoever computes it and however
-- often.  A NULL winner means no one was eligible.
CREATE TABLE mileage_mvp (
	id bigint PRIMARY KEY,		-- given by inno_next_id (0001)
	month text COLLATE "C" NOT NULL UNIQUE CHECK (month ~
	    '^[12][0-9][0-9][0-9]-[01][0-9]$'),
	employee_id bigint REFERENCES employee (id) DEFERRABLE INITIALLY IMMEDIATE,
	person_points bigint,
	dept_id bigint REFERENCES dept (id) DEFERRABLE INITIALLY IMMEDIATE,
	dept_points bigint,
	dept_headcount bigint CHECK (dept_headcount IS NULL OR
	    dept_headcount >= 0),
	dept_score text COLLATE "C" NOT NULL DEFAULT 'total'
	    CHECK (dept_score IN ('total', 'per_head')),
	computed_at text COLLATE "C" NOT NULL
);
CREATE TRIGGER mileage_mvp_next_id BEFORE INSERT ON mileage_mvp
FOR EACH ROW EXECUTE FUNCTION inno_next_id();
CREATE INDEX mileage_mvp_employee ON mileage_mvp (employee_id);
CREATE INDEX mileage_mvp_dept ON mileage_mvp (dept_id);

UPDATE inno_schema SET version = 3;
