-- 0015-mileage-day.sql: one ledger index, in the order entries arrive.
-- The PostgreSQL translation of share/schema/0015-mileage-day.sql (see
-- 0001-core.sql for how the translation goes).
--
-- mileage_employee (employee_id, date) put every entry of a batch at a
-- random place in an index larger than any page cache: a 1,000,000-row
-- batch spent most of its time reading and writing that index's pages.
-- mileage_date (date) served the periods.  mileage_day (date, employee_id)
-- serves both: entries arrive in date order (as exports are), so a batch
-- appends at the end of the index; a period is a range of it; and the
-- entries of one person are a seek per day (lib/mileage.c,
-- inno_mileage_query), a few thousand seeks for ten years, whatever the
-- length of the ledger.
DROP INDEX mileage_employee;
DROP INDEX mileage_date;
CREATE INDEX mileage_day ON mileage (date, employee_id);

-- The rollup's insert trigger logged the first cell of each run of
-- inserts, with three subqueries for every cell a batch writes.  The cells
-- are derived from the ledger: lib/mileage.c writes the audit row of the
-- cells it creates, inno-check holds every cell against the ledger (a
-- cell made behind the programs' back is a difference), and an undo
-- takes them back through the ledger, never as rows of their own.
DROP TRIGGER mileage_month_log_insert ON mileage_month;

-- A department's headcount in a period (inno_dept_headcount: the MVP's
-- per-head score, the fairness check, the reports) counts its staff
-- employed on some day of it.  On (dept_id) alone that read every
-- member's row, 300,000 rows for a month's MVP in an organisation of that
-- size; with the dates in the index it reads the index alone.  The index
-- still serves every query by department.
DROP INDEX employee_dept;
CREATE INDEX employee_dept ON employee (dept_id, joined, "left");

UPDATE inno_schema SET version = 15;
