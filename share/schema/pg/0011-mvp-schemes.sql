-- 0011-mvp-schemes.sql: MVP results per scheme.
-- The PostgreSQL translation of share/schema/0011-mvp-schemes.sql (see
-- 0001-core.sql for how the translation goes).
--
-- The office runs several MVP schemes ([mvp] and [mvp.NAME] in inno.ini):
-- the monthly innovation MVP (person and department), the monthly CS MVP,
-- the year-end top five of innovation and CS mileage combined.  Each
-- stored result now names its scheme; the results stored before are the
-- default scheme's ([mvp]).  A period is a month (YYYY-MM) or, for a
-- year-end scheme, a year (YYYY); place numbers the winners of a period
-- (1 for a month's person and department, 1 to N for a year's top N, in
-- ranking order, equal points sharing a rank).  lib/mvp.c owns the table.
--
-- SQLite cannot change a UNIQUE constraint in place: the table is rebuilt
-- with the same name and ids, and its indexes and change-log triggers
-- (0008-audit.sql, keeping the old row as 0010-undo.sql does) are made
-- again.  The copy fires no trigger, so the audit trail's record of the
-- rows is the one it had.
--
-- PostgreSQL could change the constraint in place, but not put the new
-- columns (scheme, place) where SQLite's rebuilt table has them, so it
-- rebuilds the table too.  The old table is renamed away first, with its
-- key's index, whose name the new table's would otherwise clash with;
-- the new table is then made under its own name and gets the names a
-- table made so has.  The copy is an INSERT, which would fire the new
-- table's log triggers, so they are made after it.  A database
-- made on PostgreSQL has no result yet when this runs, and copies none.

ALTER TABLE mileage_mvp RENAME TO mileage_mvp_old;
ALTER INDEX mileage_mvp_pkey RENAME TO mileage_mvp_old_pkey;
CREATE TABLE mileage_mvp (
	id bigint PRIMARY KEY,		-- given by inno_next_id (0001)
	scheme text COLLATE "C" NOT NULL DEFAULT 'default'
	    CHECK (length(scheme) BETWEEN 1 AND 64),
	month text COLLATE "C" NOT NULL CHECK (month ~
	    '^[12][0-9][0-9][0-9]-[01][0-9]$' OR month ~
	    '^[12][0-9][0-9][0-9]$'),
	place bigint NOT NULL DEFAULT 1 CHECK (place >= 1),
	employee_id bigint REFERENCES employee (id) DEFERRABLE INITIALLY IMMEDIATE,
	person_points bigint,
	dept_id bigint REFERENCES dept (id) DEFERRABLE INITIALLY IMMEDIATE,
	dept_points bigint,
	dept_headcount bigint CHECK (dept_headcount IS NULL OR
	    dept_headcount >= 0),
	dept_score text COLLATE "C" NOT NULL DEFAULT 'total'
	    CHECK (dept_score IN ('total', 'per_head')),
	computed_at text COLLATE "C" NOT NULL,
	rules text COLLATE "C",
	UNIQUE (scheme, month, place)
);
CREATE TRIGGER mileage_mvp_next_id BEFORE INSERT ON mileage_mvp
FOR EACH ROW EXECUTE FUNCTION inno_next_id();
INSERT INTO mileage_mvp (id, scheme, month, place, employee_id,
    person_points, dept_id, dept_points, dept_headcount, dept_score,
    computed_at, rules)
SELECT id, 'default', month, 1, employee_id, person_points, dept_id,
    dept_points, dept_headcount, dept_score, computed_at, rules
FROM mileage_mvp_old;
DROP TABLE mileage_mvp_old;
CREATE INDEX mileage_mvp_employee ON mileage_mvp (employee_id);
CREATE INDEX mileage_mvp_dept ON mileage_mvp (dept_id);

CREATE TRIGGER mileage_mvp_log_insert AFTER INSERT ON mileage_mvp
FOR EACH ROW EXECUTE FUNCTION inno_log_insert();
CREATE TRIGGER mileage_mvp_log_update AFTER UPDATE ON mileage_mvp
FOR EACH ROW EXECUTE FUNCTION inno_log_change();
CREATE TRIGGER mileage_mvp_log_delete AFTER DELETE ON mileage_mvp
FOR EACH ROW EXECUTE FUNCTION inno_log_change();
CREATE TRIGGER mileage_mvp_log_truncate BEFORE TRUNCATE ON mileage_mvp
FOR EACH STATEMENT EXECUTE FUNCTION inno_log_truncate();

UPDATE inno_schema SET version = 11;
