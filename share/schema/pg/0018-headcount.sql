-- 0018-headcount.sql: a department's headcount counted without reading
-- every employee's dates.
-- The PostgreSQL translation of share/schema/0018-headcount.sql (see
-- 0001-core.sql for how the translation goes).
--
-- inno_dept_headcount (lib/staff.c) counts the staff of a department
-- employed on any day of a period, for the per-head score of the MVP and
-- the fairness check.  It read the joined and left dates of every one of
-- the department's entries in employee_dept; now it counts the entries
-- (employee_dept, by dept_id alone), less those who joined after the
-- period (employee_dept, a range of joined) and those who left before it
-- (this index, a range of left).  Only people who have left are in it,
-- so it is small and an office's usual import, of people still employed,
-- does not touch it.
CREATE INDEX employee_leaver ON employee (dept_id, "left")
    WHERE "left" IS NOT NULL;

UPDATE inno_schema SET version = 18;
