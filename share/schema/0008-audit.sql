-- 0008-audit.sql: a trail that shows what was changed behind the programs'
-- back, with the sqlite3 shell or any other client.
--
-- The programs write an audit row for every write (lib/audit.c).  Two
-- things here let inno-check tell those writes from others:
--
-- The change log.  Triggers on every table the programs write record, for
-- whatever client, the rows inserted, updated and deleted in audit_change.
-- inno-check matches the log against the audit rows.  An update or a
-- delete gets a log row of its own, and must be covered by an audit row of
-- the same action whose range holds the record, written after the change
-- (its change_id is at or beyond the change's log id) and before the
-- record's next change; so a program's audit row covers the program's own
-- change, never one made to the same record just before by another client.
-- Inserts are logged as runs, to keep a large batch cheap: an insert starts
-- a run (a log row with its id) unless the last log row is a run of the
-- same table that no audit row has seen yet, in which case it belongs to
-- that run.  A program's transaction writes its audit rows before it ends,
-- so the next insert after it, from any client, starts a new run; a run's
-- first id must lie in an 'insert' audit row of its table written after
-- the run began.  A run started behind the programs' back is reported by
-- its first id.  The cost of an inserted row is one look at the last log
-- row and the last audit row; a batch of 200,000 ledger entries writes one
-- log row.
--
-- The chain.  Each audit row stores change_id, the last change log id
-- when it was written, and digest, the SHA-256 of the previous row's
-- digest and of its own fields (lib/audit.c says exactly which).  A row
-- edited, inserted or removed in the middle of the trail breaks the chain;
-- removed rows also leave a gap in the ids.  Rows written before this
-- migration have no digest, and the chain starts after them.
--
-- Both the trail and the log are append-only (triggers below).  None of
-- this stops a user who can write the file and knows the mechanism:
-- dropping a trigger, writing, and creating it again leaves no change in
-- the log.  What it does is make a casual edit visible, and make a
-- deliberate one take steps that inno-check sees in part (a missing or
-- changed trigger is reported by its comparison of the schema with these
-- migrations).  The file's mode and group are the control that keeps
-- others out.
--
-- A later migration that rebuilds one of these tables must create its
-- three triggers again, and a new table the programs write gets the same
-- three triggers in the migration that creates it.

ALTER TABLE audit ADD COLUMN change_id INTEGER;	-- last audit_change id then
ALTER TABLE audit ADD COLUMN digest TEXT;	-- hex SHA-256, see above
-- Finds the audit rows written after a change, for the update rule.
CREATE INDEX audit_by_change ON audit (tbl, action, change_id);

-- AUTOINCREMENT, so that the id of a log row removed from the end is never
-- given again, and the gap it leaves shows.
CREATE TABLE audit_change (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	tbl TEXT NOT NULL,
	action TEXT NOT NULL
	    CHECK (action IN ('present', 'insert', 'update', 'delete')),
	first_id INTEGER NOT NULL,	-- the row, or the first of a run
	last_id INTEGER,		-- the last of a 'present' run
	CHECK (last_id >= first_id)
);
-- Finds the next change of the same row, for the update and delete rule.
CREATE INDEX audit_change_row ON audit_change (tbl, first_id, id)
    WHERE action IN ('update', 'delete');

CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN
	SELECT RAISE(ABORT, 'the audit trail is append-only');
END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN
	SELECT RAISE(ABORT, 'the audit trail is append-only');
END;
CREATE TRIGGER audit_change_no_update BEFORE UPDATE ON audit_change
BEGIN
	SELECT RAISE(ABORT, 'the change log is append-only');
END;
CREATE TRIGGER audit_change_no_delete BEFORE DELETE ON audit_change
BEGIN
	SELECT RAISE(ABORT, 'the change log is append-only');
END;

-- The rows already there when the log begins, as runs of consecutive ids:
-- 'present' rows are held to the old rule (an 'insert' audit row covers
-- each id), since the log cannot say when they were written.
INSERT INTO audit_change (tbl, action, first_id, last_id)
SELECT 'dept', 'present', min(id), max(id)
FROM (SELECT id, id - row_number() OVER (ORDER BY id) AS run FROM dept)
GROUP BY run ORDER BY run;
INSERT INTO audit_change (tbl, action, first_id, last_id)
SELECT 'team', 'present', min(id), max(id)
FROM (SELECT id, id - row_number() OVER (ORDER BY id) AS run FROM team)
GROUP BY run ORDER BY run;
INSERT INTO audit_change (tbl, action, first_id, last_id)
SELECT 'employee', 'present', min(id), max(id)
FROM (SELECT id, id - row_number() OVER (ORDER BY id) AS run FROM employee)
GROUP BY run ORDER BY run;
INSERT INTO audit_change (tbl, action, first_id, last_id)
SELECT 'task', 'present', min(id), max(id)
FROM (SELECT id, id - row_number() OVER (ORDER BY id) AS run FROM task)
GROUP BY run ORDER BY run;
INSERT INTO audit_change (tbl, action, first_id, last_id)
SELECT 'task_member', 'present', min(id), max(id)
FROM (SELECT id, id - row_number() OVER (ORDER BY id) AS run FROM task_member)
GROUP BY run ORDER BY run;
INSERT INTO audit_change (tbl, action, first_id, last_id)
SELECT 'task_milestone', 'present', min(id), max(id)
FROM (SELECT id, id - row_number() OVER (ORDER BY id) AS run FROM task_milestone)
GROUP BY run ORDER BY run;
INSERT INTO audit_change (tbl, action, first_id, last_id)
SELECT 'task_log', 'present', min(id), max(id)
FROM (SELECT id, id - row_number() OVER (ORDER BY id) AS run FROM task_log)
GROUP BY run ORDER BY run;
INSERT INTO audit_change (tbl, action, first_id, last_id)
SELECT 'task_score', 'present', min(id), max(id)
FROM (SELECT id, id - row_number() OVER (ORDER BY id) AS run FROM task_score)
GROUP BY run ORDER BY run;
INSERT INTO audit_change (tbl, action, first_id, last_id)
SELECT 'mileage_close', 'present', min(id), max(id)
FROM (SELECT id, id - row_number() OVER (ORDER BY id) AS run FROM mileage_close)
GROUP BY run ORDER BY run;
INSERT INTO audit_change (tbl, action, first_id, last_id)
SELECT 'mileage_mvp', 'present', min(id), max(id)
FROM (SELECT id, id - row_number() OVER (ORDER BY id) AS run FROM mileage_mvp)
GROUP BY run ORDER BY run;
INSERT INTO audit_change (tbl, action, first_id, last_id)
SELECT 'club', 'present', min(id), max(id)
FROM (SELECT id, id - row_number() OVER (ORDER BY id) AS run FROM club)
GROUP BY run ORDER BY run;
INSERT INTO audit_change (tbl, action, first_id, last_id)
SELECT 'club_member', 'present', min(id), max(id)
FROM (SELECT id, id - row_number() OVER (ORDER BY id) AS run FROM club_member)
GROUP BY run ORDER BY run;
INSERT INTO audit_change (tbl, action, first_id, last_id)
SELECT 'club_grant', 'present', min(id), max(id)
FROM (SELECT id, id - row_number() OVER (ORDER BY id) AS run FROM club_grant)
GROUP BY run ORDER BY run;
INSERT INTO audit_change (tbl, action, first_id, last_id)
SELECT 'club_activity', 'present', min(id), max(id)
FROM (SELECT id, id - row_number() OVER (ORDER BY id) AS run FROM club_activity)
GROUP BY run ORDER BY run;
INSERT INTO audit_change (tbl, action, first_id, last_id)
SELECT 'group_member', 'present', min(id), max(id)
FROM (SELECT id, id - row_number() OVER (ORDER BY id) AS run FROM group_member)
GROUP BY run ORDER BY run;
INSERT INTO audit_change (tbl, action, first_id, last_id)
SELECT 'course', 'present', min(id), max(id)
FROM (SELECT id, id - row_number() OVER (ORDER BY id) AS run FROM course)
GROUP BY run ORDER BY run;
INSERT INTO audit_change (tbl, action, first_id, last_id)
SELECT 'enrolment', 'present', min(id), max(id)
FROM (SELECT id, id - row_number() OVER (ORDER BY id) AS run FROM enrolment)
GROUP BY run ORDER BY run;
INSERT INTO audit_change (tbl, action, first_id, last_id)
SELECT 'benchmark', 'present', min(id), max(id)
FROM (SELECT id, id - row_number() OVER (ORDER BY id) AS run FROM benchmark)
GROUP BY run ORDER BY run;
INSERT INTO audit_change (tbl, action, first_id, last_id)
SELECT 'benchmark_member', 'present', min(id), max(id)
FROM (SELECT id, id - row_number() OVER (ORDER BY id) AS run FROM benchmark_member)
GROUP BY run ORDER BY run;
INSERT INTO audit_change (tbl, action, first_id, last_id)
SELECT 'idea', 'present', min(id), max(id)
FROM (SELECT id, id - row_number() OVER (ORDER BY id) AS run FROM idea)
GROUP BY run ORDER BY run;
INSERT INTO audit_change (tbl, action, first_id, last_id)
SELECT 'idea_meeting', 'present', min(id), max(id)
FROM (SELECT id, id - row_number() OVER (ORDER BY id) AS run FROM idea_meeting)
GROUP BY run ORDER BY run;
INSERT INTO audit_change (tbl, action, first_id, last_id)
SELECT 'idea_review', 'present', min(id), max(id)
FROM (SELECT id, id - row_number() OVER (ORDER BY id) AS run FROM idea_review)
GROUP BY run ORDER BY run;
INSERT INTO audit_change (tbl, action, first_id, last_id)
SELECT 'knowledge', 'present', min(id), max(id)
FROM (SELECT id, id - row_number() OVER (ORDER BY id) AS run FROM knowledge)
GROUP BY run ORDER BY run;
INSERT INTO audit_change (tbl, action, first_id, last_id)
SELECT 'knowledge_eval', 'present', min(id), max(id)
FROM (SELECT id, id - row_number() OVER (ORDER BY id) AS run FROM knowledge_eval)
GROUP BY run ORDER BY run;
INSERT INTO audit_change (tbl, action, first_id, last_id)
SELECT 'knowledge_view', 'present', min(id), max(id)
FROM (SELECT id, id - row_number() OVER (ORDER BY id) AS run FROM knowledge_view)
GROUP BY run ORDER BY run;
INSERT INTO audit_change (tbl, action, first_id, last_id)
SELECT 'award', 'present', min(id), max(id)
FROM (SELECT id, id - row_number() OVER (ORDER BY id) AS run FROM award)
GROUP BY run ORDER BY run;
INSERT INTO audit_change (tbl, action, first_id, last_id)
SELECT 'award_fund', 'present', min(id), max(id)
FROM (SELECT id, id - row_number() OVER (ORDER BY id) AS run FROM award_fund)
GROUP BY run ORDER BY run;
INSERT INTO audit_change (tbl, action, first_id, last_id)
SELECT 'budget', 'present', min(id), max(id)
FROM (SELECT id, id - row_number() OVER (ORDER BY id) AS run FROM budget)
GROUP BY run ORDER BY run;
INSERT INTO audit_change (tbl, action, first_id, last_id)
SELECT 'budget_spend', 'present', min(id), max(id)
FROM (SELECT id, id - row_number() OVER (ORDER BY id) AS run FROM budget_spend)
GROUP BY run ORDER BY run;
INSERT INTO audit_change (tbl, action, first_id, last_id)
SELECT 'schedule', 'present', min(id), max(id)
FROM (SELECT id, id - row_number() OVER (ORDER BY id) AS run FROM schedule)
GROUP BY run ORDER BY run;

-- Three triggers a table, but for the ledger's inserts: a row trigger makes
-- SQLite open a statement journal for every INSERT, which on the ledger's
-- batches of hundreds of thousands of entries costs about 40% more work a
-- row.  The ledger is append-only, so its ids themselves say what was
-- inserted: the mileage module's check holds every id against the insert
-- audit rows (inno_audit_check_inserted), and its rows are not in the
-- 'present' runs above either.

CREATE TRIGGER dept_log_insert AFTER INSERT ON dept
WHEN NOT EXISTS (SELECT 1 FROM audit_change c
    WHERE c.id = (SELECT max(id) FROM audit_change) AND c.tbl = 'dept'
    AND c.action = 'insert' AND c.id > coalesce((SELECT change_id FROM audit
    ORDER BY id DESC LIMIT 1), 0))
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('dept', 'insert', new.id);
END;
CREATE TRIGGER dept_log_update AFTER UPDATE ON dept
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('dept', 'update', old.id);
END;
CREATE TRIGGER dept_log_delete AFTER DELETE ON dept
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('dept', 'delete', old.id);
END;

CREATE TRIGGER team_log_insert AFTER INSERT ON team
WHEN NOT EXISTS (SELECT 1 FROM audit_change c
    WHERE c.id = (SELECT max(id) FROM audit_change) AND c.tbl = 'team'
    AND c.action = 'insert' AND c.id > coalesce((SELECT change_id FROM audit
    ORDER BY id DESC LIMIT 1), 0))
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('team', 'insert', new.id);
END;
CREATE TRIGGER team_log_update AFTER UPDATE ON team
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('team', 'update', old.id);
END;
CREATE TRIGGER team_log_delete AFTER DELETE ON team
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('team', 'delete', old.id);
END;

CREATE TRIGGER employee_log_insert AFTER INSERT ON employee
WHEN NOT EXISTS (SELECT 1 FROM audit_change c
    WHERE c.id = (SELECT max(id) FROM audit_change) AND c.tbl = 'employee'
    AND c.action = 'insert' AND c.id > coalesce((SELECT change_id FROM audit
    ORDER BY id DESC LIMIT 1), 0))
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('employee', 'insert', new.id);
END;
CREATE TRIGGER employee_log_update AFTER UPDATE ON employee
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('employee', 'update', old.id);
END;
CREATE TRIGGER employee_log_delete AFTER DELETE ON employee
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('employee', 'delete', old.id);
END;

CREATE TRIGGER task_log_insert AFTER INSERT ON task
WHEN NOT EXISTS (SELECT 1 FROM audit_change c
    WHERE c.id = (SELECT max(id) FROM audit_change) AND c.tbl = 'task'
    AND c.action = 'insert' AND c.id > coalesce((SELECT change_id FROM audit
    ORDER BY id DESC LIMIT 1), 0))
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('task', 'insert', new.id);
END;
CREATE TRIGGER task_log_update AFTER UPDATE ON task
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('task', 'update', old.id);
END;
CREATE TRIGGER task_log_delete AFTER DELETE ON task
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('task', 'delete', old.id);
END;

CREATE TRIGGER task_member_log_insert AFTER INSERT ON task_member
WHEN NOT EXISTS (SELECT 1 FROM audit_change c
    WHERE c.id = (SELECT max(id) FROM audit_change) AND c.tbl = 'task_member'
    AND c.action = 'insert' AND c.id > coalesce((SELECT change_id FROM audit
    ORDER BY id DESC LIMIT 1), 0))
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('task_member', 'insert', new.id);
END;
CREATE TRIGGER task_member_log_update AFTER UPDATE ON task_member
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('task_member', 'update', old.id);
END;
CREATE TRIGGER task_member_log_delete AFTER DELETE ON task_member
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('task_member', 'delete', old.id);
END;

CREATE TRIGGER task_milestone_log_insert AFTER INSERT ON task_milestone
WHEN NOT EXISTS (SELECT 1 FROM audit_change c
    WHERE c.id = (SELECT max(id) FROM audit_change) AND c.tbl = 'task_milestone'
    AND c.action = 'insert' AND c.id > coalesce((SELECT change_id FROM audit
    ORDER BY id DESC LIMIT 1), 0))
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('task_milestone', 'insert', new.id);
END;
CREATE TRIGGER task_milestone_log_update AFTER UPDATE ON task_milestone
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('task_milestone', 'update', old.id);
END;
CREATE TRIGGER task_milestone_log_delete AFTER DELETE ON task_milestone
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('task_milestone', 'delete', old.id);
END;

CREATE TRIGGER task_log_log_insert AFTER INSERT ON task_log
WHEN NOT EXISTS (SELECT 1 FROM audit_change c
    WHERE c.id = (SELECT max(id) FROM audit_change) AND c.tbl = 'task_log'
    AND c.action = 'insert' AND c.id > coalesce((SELECT change_id FROM audit
    ORDER BY id DESC LIMIT 1), 0))
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('task_log', 'insert', new.id);
END;
CREATE TRIGGER task_log_log_update AFTER UPDATE ON task_log
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('task_log', 'update', old.id);
END;
CREATE TRIGGER task_log_log_delete AFTER DELETE ON task_log
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('task_log', 'delete', old.id);
END;

CREATE TRIGGER task_score_log_insert AFTER INSERT ON task_score
WHEN NOT EXISTS (SELECT 1 FROM audit_change c
    WHERE c.id = (SELECT max(id) FROM audit_change) AND c.tbl = 'task_score'
    AND c.action = 'insert' AND c.id > coalesce((SELECT change_id FROM audit
    ORDER BY id DESC LIMIT 1), 0))
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('task_score', 'insert', new.id);
END;
CREATE TRIGGER task_score_log_update AFTER UPDATE ON task_score
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('task_score', 'update', old.id);
END;
CREATE TRIGGER task_score_log_delete AFTER DELETE ON task_score
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('task_score', 'delete', old.id);
END;

CREATE TRIGGER mileage_log_update AFTER UPDATE ON mileage
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('mileage', 'update', old.id);
END;
CREATE TRIGGER mileage_log_delete AFTER DELETE ON mileage
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('mileage', 'delete', old.id);
END;

CREATE TRIGGER mileage_close_log_insert AFTER INSERT ON mileage_close
WHEN NOT EXISTS (SELECT 1 FROM audit_change c
    WHERE c.id = (SELECT max(id) FROM audit_change) AND c.tbl = 'mileage_close'
    AND c.action = 'insert' AND c.id > coalesce((SELECT change_id FROM audit
    ORDER BY id DESC LIMIT 1), 0))
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('mileage_close', 'insert', new.id);
END;
CREATE TRIGGER mileage_close_log_update AFTER UPDATE ON mileage_close
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('mileage_close', 'update', old.id);
END;
CREATE TRIGGER mileage_close_log_delete AFTER DELETE ON mileage_close
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('mileage_close', 'delete', old.id);
END;

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
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('mileage_mvp', 'update', old.id);
END;
CREATE TRIGGER mileage_mvp_log_delete AFTER DELETE ON mileage_mvp
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('mileage_mvp', 'delete', old.id);
END;

CREATE TRIGGER club_log_insert AFTER INSERT ON club
WHEN NOT EXISTS (SELECT 1 FROM audit_change c
    WHERE c.id = (SELECT max(id) FROM audit_change) AND c.tbl = 'club'
    AND c.action = 'insert' AND c.id > coalesce((SELECT change_id FROM audit
    ORDER BY id DESC LIMIT 1), 0))
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('club', 'insert', new.id);
END;
CREATE TRIGGER club_log_update AFTER UPDATE ON club
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('club', 'update', old.id);
END;
CREATE TRIGGER club_log_delete AFTER DELETE ON club
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('club', 'delete', old.id);
END;

CREATE TRIGGER club_member_log_insert AFTER INSERT ON club_member
WHEN NOT EXISTS (SELECT 1 FROM audit_change c
    WHERE c.id = (SELECT max(id) FROM audit_change) AND c.tbl = 'club_member'
    AND c.action = 'insert' AND c.id > coalesce((SELECT change_id FROM audit
    ORDER BY id DESC LIMIT 1), 0))
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('club_member', 'insert', new.id);
END;
CREATE TRIGGER club_member_log_update AFTER UPDATE ON club_member
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('club_member', 'update', old.id);
END;
CREATE TRIGGER club_member_log_delete AFTER DELETE ON club_member
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('club_member', 'delete', old.id);
END;

CREATE TRIGGER club_grant_log_insert AFTER INSERT ON club_grant
WHEN NOT EXISTS (SELECT 1 FROM audit_change c
    WHERE c.id = (SELECT max(id) FROM audit_change) AND c.tbl = 'club_grant'
    AND c.action = 'insert' AND c.id > coalesce((SELECT change_id FROM audit
    ORDER BY id DESC LIMIT 1), 0))
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('club_grant', 'insert', new.id);
END;
CREATE TRIGGER club_grant_log_update AFTER UPDATE ON club_grant
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('club_grant', 'update', old.id);
END;
CREATE TRIGGER club_grant_log_delete AFTER DELETE ON club_grant
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('club_grant', 'delete', old.id);
END;

CREATE TRIGGER club_activity_log_insert AFTER INSERT ON club_activity
WHEN NOT EXISTS (SELECT 1 FROM audit_change c
    WHERE c.id = (SELECT max(id) FROM audit_change) AND c.tbl = 'club_activity'
    AND c.action = 'insert' AND c.id > coalesce((SELECT change_id FROM audit
    ORDER BY id DESC LIMIT 1), 0))
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('club_activity', 'insert', new.id);
END;
CREATE TRIGGER club_activity_log_update AFTER UPDATE ON club_activity
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('club_activity', 'update', old.id);
END;
CREATE TRIGGER club_activity_log_delete AFTER DELETE ON club_activity
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('club_activity', 'delete', old.id);
END;

CREATE TRIGGER group_member_log_insert AFTER INSERT ON group_member
WHEN NOT EXISTS (SELECT 1 FROM audit_change c
    WHERE c.id = (SELECT max(id) FROM audit_change) AND c.tbl = 'group_member'
    AND c.action = 'insert' AND c.id > coalesce((SELECT change_id FROM audit
    ORDER BY id DESC LIMIT 1), 0))
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('group_member', 'insert', new.id);
END;
CREATE TRIGGER group_member_log_update AFTER UPDATE ON group_member
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('group_member', 'update', old.id);
END;
CREATE TRIGGER group_member_log_delete AFTER DELETE ON group_member
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('group_member', 'delete', old.id);
END;

CREATE TRIGGER course_log_insert AFTER INSERT ON course
WHEN NOT EXISTS (SELECT 1 FROM audit_change c
    WHERE c.id = (SELECT max(id) FROM audit_change) AND c.tbl = 'course'
    AND c.action = 'insert' AND c.id > coalesce((SELECT change_id FROM audit
    ORDER BY id DESC LIMIT 1), 0))
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('course', 'insert', new.id);
END;
CREATE TRIGGER course_log_update AFTER UPDATE ON course
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('course', 'update', old.id);
END;
CREATE TRIGGER course_log_delete AFTER DELETE ON course
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('course', 'delete', old.id);
END;

CREATE TRIGGER enrolment_log_insert AFTER INSERT ON enrolment
WHEN NOT EXISTS (SELECT 1 FROM audit_change c
    WHERE c.id = (SELECT max(id) FROM audit_change) AND c.tbl = 'enrolment'
    AND c.action = 'insert' AND c.id > coalesce((SELECT change_id FROM audit
    ORDER BY id DESC LIMIT 1), 0))
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('enrolment', 'insert', new.id);
END;
CREATE TRIGGER enrolment_log_update AFTER UPDATE ON enrolment
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('enrolment', 'update', old.id);
END;
CREATE TRIGGER enrolment_log_delete AFTER DELETE ON enrolment
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('enrolment', 'delete', old.id);
END;

CREATE TRIGGER benchmark_log_insert AFTER INSERT ON benchmark
WHEN NOT EXISTS (SELECT 1 FROM audit_change c
    WHERE c.id = (SELECT max(id) FROM audit_change) AND c.tbl = 'benchmark'
    AND c.action = 'insert' AND c.id > coalesce((SELECT change_id FROM audit
    ORDER BY id DESC LIMIT 1), 0))
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('benchmark', 'insert', new.id);
END;
CREATE TRIGGER benchmark_log_update AFTER UPDATE ON benchmark
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('benchmark', 'update', old.id);
END;
CREATE TRIGGER benchmark_log_delete AFTER DELETE ON benchmark
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('benchmark', 'delete', old.id);
END;

CREATE TRIGGER benchmark_member_log_insert AFTER INSERT ON benchmark_member
WHEN NOT EXISTS (SELECT 1 FROM audit_change c
    WHERE c.id = (SELECT max(id) FROM audit_change) AND c.tbl = 'benchmark_member'
    AND c.action = 'insert' AND c.id > coalesce((SELECT change_id FROM audit
    ORDER BY id DESC LIMIT 1), 0))
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('benchmark_member', 'insert', new.id);
END;
CREATE TRIGGER benchmark_member_log_update AFTER UPDATE ON benchmark_member
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('benchmark_member', 'update', old.id);
END;
CREATE TRIGGER benchmark_member_log_delete AFTER DELETE ON benchmark_member
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('benchmark_member', 'delete', old.id);
END;

CREATE TRIGGER idea_log_insert AFTER INSERT ON idea
WHEN NOT EXISTS (SELECT 1 FROM audit_change c
    WHERE c.id = (SELECT max(id) FROM audit_change) AND c.tbl = 'idea'
    AND c.action = 'insert' AND c.id > coalesce((SELECT change_id FROM audit
    ORDER BY id DESC LIMIT 1), 0))
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('idea', 'insert', new.id);
END;
CREATE TRIGGER idea_log_update AFTER UPDATE ON idea
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('idea', 'update', old.id);
END;
CREATE TRIGGER idea_log_delete AFTER DELETE ON idea
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('idea', 'delete', old.id);
END;

CREATE TRIGGER idea_meeting_log_insert AFTER INSERT ON idea_meeting
WHEN NOT EXISTS (SELECT 1 FROM audit_change c
    WHERE c.id = (SELECT max(id) FROM audit_change) AND c.tbl = 'idea_meeting'
    AND c.action = 'insert' AND c.id > coalesce((SELECT change_id FROM audit
    ORDER BY id DESC LIMIT 1), 0))
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('idea_meeting', 'insert', new.id);
END;
CREATE TRIGGER idea_meeting_log_update AFTER UPDATE ON idea_meeting
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('idea_meeting', 'update', old.id);
END;
CREATE TRIGGER idea_meeting_log_delete AFTER DELETE ON idea_meeting
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('idea_meeting', 'delete', old.id);
END;

CREATE TRIGGER idea_review_log_insert AFTER INSERT ON idea_review
WHEN NOT EXISTS (SELECT 1 FROM audit_change c
    WHERE c.id = (SELECT max(id) FROM audit_change) AND c.tbl = 'idea_review'
    AND c.action = 'insert' AND c.id > coalesce((SELECT change_id FROM audit
    ORDER BY id DESC LIMIT 1), 0))
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('idea_review', 'insert', new.id);
END;
CREATE TRIGGER idea_review_log_update AFTER UPDATE ON idea_review
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('idea_review', 'update', old.id);
END;
CREATE TRIGGER idea_review_log_delete AFTER DELETE ON idea_review
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('idea_review', 'delete', old.id);
END;

CREATE TRIGGER knowledge_log_insert AFTER INSERT ON knowledge
WHEN NOT EXISTS (SELECT 1 FROM audit_change c
    WHERE c.id = (SELECT max(id) FROM audit_change) AND c.tbl = 'knowledge'
    AND c.action = 'insert' AND c.id > coalesce((SELECT change_id FROM audit
    ORDER BY id DESC LIMIT 1), 0))
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('knowledge', 'insert', new.id);
END;
CREATE TRIGGER knowledge_log_update AFTER UPDATE ON knowledge
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('knowledge', 'update', old.id);
END;
CREATE TRIGGER knowledge_log_delete AFTER DELETE ON knowledge
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('knowledge', 'delete', old.id);
END;

CREATE TRIGGER knowledge_eval_log_insert AFTER INSERT ON knowledge_eval
WHEN NOT EXISTS (SELECT 1 FROM audit_change c
    WHERE c.id = (SELECT max(id) FROM audit_change) AND c.tbl = 'knowledge_eval'
    AND c.action = 'insert' AND c.id > coalesce((SELECT change_id FROM audit
    ORDER BY id DESC LIMIT 1), 0))
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('knowledge_eval', 'insert', new.id);
END;
CREATE TRIGGER knowledge_eval_log_update AFTER UPDATE ON knowledge_eval
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('knowledge_eval', 'update', old.id);
END;
CREATE TRIGGER knowledge_eval_log_delete AFTER DELETE ON knowledge_eval
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('knowledge_eval', 'delete', old.id);
END;

CREATE TRIGGER knowledge_view_log_insert AFTER INSERT ON knowledge_view
WHEN NOT EXISTS (SELECT 1 FROM audit_change c
    WHERE c.id = (SELECT max(id) FROM audit_change) AND c.tbl = 'knowledge_view'
    AND c.action = 'insert' AND c.id > coalesce((SELECT change_id FROM audit
    ORDER BY id DESC LIMIT 1), 0))
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('knowledge_view', 'insert', new.id);
END;
CREATE TRIGGER knowledge_view_log_update AFTER UPDATE ON knowledge_view
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('knowledge_view', 'update', old.id);
END;
CREATE TRIGGER knowledge_view_log_delete AFTER DELETE ON knowledge_view
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('knowledge_view', 'delete', old.id);
END;

CREATE TRIGGER award_log_insert AFTER INSERT ON award
WHEN NOT EXISTS (SELECT 1 FROM audit_change c
    WHERE c.id = (SELECT max(id) FROM audit_change) AND c.tbl = 'award'
    AND c.action = 'insert' AND c.id > coalesce((SELECT change_id FROM audit
    ORDER BY id DESC LIMIT 1), 0))
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('award', 'insert', new.id);
END;
CREATE TRIGGER award_log_update AFTER UPDATE ON award
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('award', 'update', old.id);
END;
CREATE TRIGGER award_log_delete AFTER DELETE ON award
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('award', 'delete', old.id);
END;

CREATE TRIGGER award_fund_log_insert AFTER INSERT ON award_fund
WHEN NOT EXISTS (SELECT 1 FROM audit_change c
    WHERE c.id = (SELECT max(id) FROM audit_change) AND c.tbl = 'award_fund'
    AND c.action = 'insert' AND c.id > coalesce((SELECT change_id FROM audit
    ORDER BY id DESC LIMIT 1), 0))
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('award_fund', 'insert', new.id);
END;
CREATE TRIGGER award_fund_log_update AFTER UPDATE ON award_fund
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('award_fund', 'update', old.id);
END;
CREATE TRIGGER award_fund_log_delete AFTER DELETE ON award_fund
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('award_fund', 'delete', old.id);
END;

CREATE TRIGGER budget_log_insert AFTER INSERT ON budget
WHEN NOT EXISTS (SELECT 1 FROM audit_change c
    WHERE c.id = (SELECT max(id) FROM audit_change) AND c.tbl = 'budget'
    AND c.action = 'insert' AND c.id > coalesce((SELECT change_id FROM audit
    ORDER BY id DESC LIMIT 1), 0))
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('budget', 'insert', new.id);
END;
CREATE TRIGGER budget_log_update AFTER UPDATE ON budget
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('budget', 'update', old.id);
END;
CREATE TRIGGER budget_log_delete AFTER DELETE ON budget
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('budget', 'delete', old.id);
END;

CREATE TRIGGER budget_spend_log_insert AFTER INSERT ON budget_spend
WHEN NOT EXISTS (SELECT 1 FROM audit_change c
    WHERE c.id = (SELECT max(id) FROM audit_change) AND c.tbl = 'budget_spend'
    AND c.action = 'insert' AND c.id > coalesce((SELECT change_id FROM audit
    ORDER BY id DESC LIMIT 1), 0))
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('budget_spend', 'insert', new.id);
END;
CREATE TRIGGER budget_spend_log_update AFTER UPDATE ON budget_spend
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('budget_spend', 'update', old.id);
END;
CREATE TRIGGER budget_spend_log_delete AFTER DELETE ON budget_spend
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('budget_spend', 'delete', old.id);
END;

CREATE TRIGGER schedule_log_insert AFTER INSERT ON schedule
WHEN NOT EXISTS (SELECT 1 FROM audit_change c
    WHERE c.id = (SELECT max(id) FROM audit_change) AND c.tbl = 'schedule'
    AND c.action = 'insert' AND c.id > coalesce((SELECT change_id FROM audit
    ORDER BY id DESC LIMIT 1), 0))
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('schedule', 'insert', new.id);
END;
CREATE TRIGGER schedule_log_update AFTER UPDATE ON schedule
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('schedule', 'update', old.id);
END;
CREATE TRIGGER schedule_log_delete AFTER DELETE ON schedule
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('schedule', 'delete', old.id);
END;
