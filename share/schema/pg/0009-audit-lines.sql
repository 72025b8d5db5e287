-- 0009-audit-lines.sql: the audit trail as other modules read it.
-- The PostgreSQL translation of share/schema/0009-audit-lines.sql (see
-- 0001-core.sql for how the translation goes).
--
-- lib/audit.c owns the audit table; a module that shows a record's
-- history (task-log) reads the trail through this view, so that its SQL
-- never names the table itself and the trail's own columns (the chain's
-- digests, the change log's ids) stay the audit module's business.
--
-- "user" is the column: unquoted, PostgreSQL reads user as current_user.

CREATE VIEW audit_lines AS
	SELECT id, at, "user", program, action, tbl, first_id, last_id, detail
	FROM audit;

UPDATE inno_schema SET version = 9;
