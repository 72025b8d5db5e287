-- 0011-mvp-schemes.sql: MVP results per scheme.
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

CREATE TABLE mileage_mvp_schemes (
	id INTEGER PRIMARY KEY,
	scheme TEXT NOT NULL DEFAULT 'default' CHECK (length(scheme) BETWEEN 1
	    AND 64),
	month TEXT NOT NULL CHECK (month GLOB
	    '[12][0-9][0-9][0-9]-[01][0-9]' OR month GLOB
	    '[12][0-9][0-9][0-9]'),
	place INTEGER NOT NULL DEFAULT 1 CHECK (place >= 1),
	employee_id INTEGER REFERENCES employee (id),
	person_points INTEGER,
	dept_id INTEGER REFERENCES dept (id),
	dept_points INTEGER,
	dept_headcount INTEGER CHECK (dept_headcount IS NULL OR
	    dept_headcount >= 0),
	dept_score TEXT NOT NULL DEFAULT 'total'
	    CHECK (dept_score IN ('total', 'per_head')),
	computed_at TEXT NOT NULL,
	rules TEXT,
	UNIQUE (scheme, month, place)
);
INSERT INTO mileage_mvp_schemes (id, scheme, month, place, employee_id,
    person_points, dept_id, dept_points, dept_headcount, dept_score,
    computed_at, rules)
SELECT id, 'default', month, 1, employee_id, person_points, dept_id,
    dept_points, dept_headcount, dept_score, computed_at, rules
FROM mileage_mvp;
DROP TABLE mileage_mvp;
ALTER TABLE mileage_mvp_schemes RENAME TO mileage_mvp;
CREATE INDEX mileage_mvp_employee ON mileage_mvp (employee_id);
CREATE INDEX mileage_mvp_dept ON mileage_mvp (dept_id);

CREATE TRIGGER mileage_mvp_log_insert AFTER INSERT ON mileage_mvp
WHEN NOT EXISTS (SELECT 1 FROM audit_change c
    WHERE c.id = (SELECT max(id) FROM audit_change) AND c.tbl = 'mileage_mvp'
    AND c.action = 'insert' AND c.id > coalesce((SELECT change_id FROM audit
    ORDER BY id DESC LIMIT 1), 0))
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('mileage_mvp', 'insert', new.id);
END;
CREATE TRIGGER mileage_mvp_log_update AFTER UPDATE ON mileage_mvp
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES ('mileage_mvp', 'update', old.id, json_object('id', old.id, 'scheme', old.scheme, 'month', old.month,
	    'place', old.place, 'employee_id', old.employee_id, 'person_points',
	    old.person_points, 'dept_id', old.dept_id, 'dept_points',
	    old.dept_points, 'dept_headcount', old.dept_headcount, 'dept_score',
	    old.dept_score, 'computed_at', old.computed_at, 'rules', old.rules));
END;
CREATE TRIGGER mileage_mvp_log_delete AFTER DELETE ON mileage_mvp
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES ('mileage_mvp', 'delete', old.id, json_object('id', old.id, 'scheme', old.scheme, 'month', old.month,
	    'place', old.place, 'employee_id', old.employee_id, 'person_points',
	    old.person_points, 'dept_id', old.dept_id, 'dept_points',
	    old.dept_points, 'dept_headcount', old.dept_headcount, 'dept_score',
	    old.dept_score, 'computed_at', old.computed_at, 'rules', old.rules));
END;
