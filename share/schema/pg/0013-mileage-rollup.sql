-- 0013-mileage-rollup.sql: the ledger's monthly sums, and only the indexes
-- a query needs.
-- The PostgreSQL translation of share/schema/0013-mileage-rollup.sql (see
-- 0001-core.sql for how the translation goes).
--
-- mileage_month holds, for every month, recipient, department credited,
-- category and kind, the net points of the ledger's entries dated in the
-- month, how many entries there are and how many of them are reversals,
-- and the date of the latest.  lib/mileage.c writes it in the same
-- transaction as every entry it appends (an award, a batch, a reversal,
-- an event's mileage), with no trigger: a batch sums its rows in memory
-- and writes each cell once.  The MVP, the year ranking, the caps and the
-- report's figures read it, so their cost follows the number of staff and
-- months, not the length of the ledger.  inno-check holds it against the
-- ledger and reports every cell that differs.
--
-- employee_id is 0 for a department's own entries, so that the cell's key
-- has no NULL in it and an upsert finds it.
CREATE TABLE mileage_month (
	id bigint PRIMARY KEY,		-- given by inno_next_id (0001)
	month text COLLATE "C" NOT NULL
	    CHECK (month ~ '^[12][0-9][0-9][0-9]-[01][0-9]$'),
	employee_id bigint NOT NULL,	-- employee.id; 0: a department
	dept_id bigint NOT NULL,	-- the department credited
	category text COLLATE "C" NOT NULL,
	kind text COLLATE "C" NOT NULL CHECK (kind IN ('innovation', 'cs')),
	points bigint NOT NULL,	-- net of reversals
	entries bigint NOT NULL CHECK (entries >= 0),	-- reversals included
	reversals bigint NOT NULL CHECK (reversals BETWEEN 0 AND entries),
	last text COLLATE "C" NOT NULL		-- the latest entry's date
);
CREATE TRIGGER mileage_month_next_id BEFORE INSERT ON mileage_month
FOR EACH ROW EXECUTE FUNCTION inno_next_id();
-- The one index of the sums, serving three queries: the cell a write adds
-- to (the upsert's conflict target); the months of a period, which
-- inno_mileage_sums, the year ranking and the report's figures read as a
-- range; and a recipient's month for the caps, a person's (month,
-- employee_id) or a department's own entries (month, 0, dept_id).
CREATE UNIQUE INDEX mileage_month_cell ON mileage_month (month, employee_id,
    dept_id, category, kind);

-- The months the ledger already holds (none, on a database made on
-- PostgreSQL, whose ledger is still empty here).
INSERT INTO mileage_month (month, employee_id, dept_id, category, kind,
    points, entries, reversals, last)
SELECT substr(date, 1, 7), coalesce(employee_id, 0), dept_id, category, kind,
    sum(points), count(*), count(reverses), max(date)
FROM mileage GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5;

-- The change log's three triggers (0008-audit.sql), created after the
-- rows above: those are the ledger's own sums, which inno-check holds
-- against the ledger cell by cell, so the log begins with the programs'
-- first write.
CREATE TRIGGER mileage_month_log_insert AFTER INSERT ON mileage_month
FOR EACH ROW EXECUTE FUNCTION inno_log_insert();
CREATE TRIGGER mileage_month_log_update AFTER UPDATE ON mileage_month
FOR EACH ROW EXECUTE FUNCTION inno_log_change();
CREATE TRIGGER mileage_month_log_delete AFTER DELETE ON mileage_month
FOR EACH ROW EXECUTE FUNCTION inno_log_change();
CREATE TRIGGER mileage_month_log_truncate BEFORE TRUNCATE ON mileage_month
FOR EACH STATEMENT EXECUTE FUNCTION inno_log_truncate();

-- The ledger's indexes, each with the query it serves.  mileage_dept
-- (dept_id, date) served the period sums, which now read mileage_month;
-- a period's entries (mileage-list --first/--last) are found through the
-- date, which a batch in date order (as exports are) appends at the end
-- of the index instead of all over it.
DROP INDEX mileage_dept;
-- mileage-list --first/--last, and with --dept or --by: the entries of a
-- period.
CREATE INDEX mileage_date ON mileage (date);
-- mileage_employee (employee_id, date): mileage-list --employee-id, the
-- entries of one person.  Kept as it was.
-- mileage_ref (ref_table, ref_id): whether a record earned its mileage
-- (the mileage_once trigger, inno_mileage_event, a row with idea_id or id)
-- and the reversal of an event's entries.  Partial: awards from a file
-- with no record cost it nothing.  Kept as it was.
-- mileage_reverses (reverses): an entry is reversed at most once, and
-- finding the reversal of an entry.  Partial.  Kept as it was.

UPDATE inno_schema SET version = 13;
