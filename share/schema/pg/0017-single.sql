-- 0017-single.sql: the rollup's cells are no longer logged as they change.
-- The PostgreSQL translation of share/schema/0017-single.sql (see
-- 0001-core.sql for how the translation goes).
--
-- The update trigger wrote a change-log row, the cell's old values as
-- JSON, for every entry appended: one award wrote that row, its index
-- entry and the log's sequence, and then an audit row of its own to cover
-- it, five pages of its ten.  The cells are derived from the ledger, as
-- 0015-mileage-day.sql says of the insert trigger it dropped: the ledger
-- entry's audit row says who wrote it, inno-check holds every cell against
-- the ledger (a cell changed behind the programs' back is a difference,
-- whoever changed it), and an undo takes a cell back through the ledger,
-- never through its old values.  The delete trigger stays: no program
-- deletes a cell, so it costs nothing, and a deletion is still named.
DROP TRIGGER mileage_month_log_update ON mileage_month;

-- The audit rows written after a change, for the update rule
-- (lib/audit.c, check_updates and inno_audit_later), are of updates and
-- deletes only: an insert's audit row, which every write of a record
-- appends, no longer adds to this index.
DROP INDEX audit_by_change;
CREATE INDEX audit_by_change ON audit (tbl, action, change_id)
    WHERE action IN ('update', 'delete');

UPDATE inno_schema SET version = 17;
