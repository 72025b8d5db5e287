-- 0008-audit.sql: a trail that shows what was changed behind the programs'
-- back, with psql or any other client.
-- The PostgreSQL translation of share/schema/0008-audit.sql (see
-- 0001-core.sql for how the translation goes).
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
--
-- On PostgreSQL the three triggers of every table call one function each,
-- inno_log_insert, inno_log_change (for updates and deletes) and, for
-- TRUNCATE, which SQLite has not, inno_log_truncate: the table is the
-- trigger's own (TG_TABLE_NAME), the name SQLite's triggers spell out.  A
-- fourth trigger a table, <table>_log_truncate, logs each row a TRUNCATE
-- removes, as each row of a DELETE is logged, in the order of their ids.
-- PostgreSQL runs a statement's AFTER row triggers when the statement is
-- done rather than after each row, in the order of the rows; the log is
-- the same, since each trigger sees the log rows of those before it.

ALTER TABLE audit ADD COLUMN change_id bigint;	-- last audit_change id then
-- hex SHA-256, see above
ALTER TABLE audit ADD COLUMN digest text COLLATE "C";
-- Finds the audit rows written after a change, for the update rule.
CREATE INDEX audit_by_change ON audit (tbl, action, change_id);

-- AUTOINCREMENT, so that the id of a log row removed from the end is never
-- given again, and the gap it leaves shows.  SQLite keeps the largest id
-- it gave in sqlite_sequence, inside the transaction; here inno_sequence
-- keeps it, and audit_change_next_id gives the next id from it, so a
-- rolled-back change leaves no gap (a sequence would) and a removed one
-- does.  The update of the one row also makes two writers at once take
-- their ids one after the other.
CREATE TABLE audit_change (
	id bigint PRIMARY KEY,		-- given by audit_change_next_id
	tbl text COLLATE "C" NOT NULL,
	action text COLLATE "C" NOT NULL
	    CHECK (action IN ('present', 'insert', 'update', 'delete')),
	first_id bigint NOT NULL,	-- the row, or the first of a run
	last_id bigint,		-- the last of a 'present' run
	CHECK (last_id >= first_id)
);
-- Finds the next change of the same row, for the update and delete rule.
CREATE INDEX audit_change_row ON audit_change (tbl, first_id, id)
    WHERE action IN ('update', 'delete');

CREATE TABLE inno_sequence (
	name text COLLATE "C" PRIMARY KEY,	-- the table
	seq bigint NOT NULL		-- the largest id it was given
);
INSERT INTO inno_sequence (name, seq) VALUES ('audit_change', 0);
-- As SQLite: an id not given is one more than the largest ever given or
-- now in the table; an id given is kept, and raises the largest.  A
-- missing row of inno_sequence is made again, as SQLite makes its own.
CREATE FUNCTION audit_change_next_id() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF NEW.id IS NULL THEN
		UPDATE inno_sequence SET seq = greatest(seq, (SELECT
		    coalesce(max(id), 0) FROM audit_change)) + 1
		    WHERE name = 'audit_change' RETURNING seq INTO NEW.id;
	ELSE
		UPDATE inno_sequence SET seq = greatest(seq, NEW.id)
		    WHERE name = 'audit_change';
	END IF;
	IF NOT FOUND THEN
		IF NEW.id IS NULL THEN
			SELECT coalesce(max(id), 0) + 1 INTO NEW.id
			    FROM audit_change;
		END IF;
		INSERT INTO inno_sequence (name, seq)
		    VALUES ('audit_change', NEW.id);
	END IF;
	RETURN NEW;
END
$$;
CREATE TRIGGER audit_change_next_id BEFORE INSERT ON audit_change
FOR EACH ROW EXECUTE FUNCTION audit_change_next_id();

CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
FOR EACH ROW EXECUTE FUNCTION inno_refuse('the audit trail is append-only');
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
FOR EACH ROW EXECUTE FUNCTION inno_refuse('the audit trail is append-only');
CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit
FOR EACH STATEMENT EXECUTE FUNCTION
    inno_refuse('the audit trail is append-only');
CREATE TRIGGER audit_change_no_update BEFORE UPDATE ON audit_change
FOR EACH ROW EXECUTE FUNCTION inno_refuse('the change log is append-only');
CREATE TRIGGER audit_change_no_delete BEFORE DELETE ON audit_change
FOR EACH ROW EXECUTE FUNCTION inno_refuse('the change log is append-only');
CREATE TRIGGER audit_change_no_truncate BEFORE TRUNCATE ON audit_change
FOR EACH STATEMENT EXECUTE FUNCTION
    inno_refuse('the change log is append-only');

-- The rows already there when the log begins, as runs of consecutive ids:
-- 'present' rows are held to the old rule (an 'insert' audit row covers
-- each id), since the log cannot say when they were written.  The same
-- statement for each table, in the order of SQLite's; a database made on
-- PostgreSQL has no rows yet when this runs, and gets no run.
DO $$
DECLARE
	t text;
BEGIN
	FOREACH t IN ARRAY ARRAY[
	    'dept', 'team', 'employee', 'task', 'task_member',
	    'task_milestone', 'task_log', 'task_score', 'mileage_close',
	    'mileage_mvp', 'club', 'club_member', 'club_grant',
	    'club_activity', 'group_member', 'course', 'enrolment',
	    'benchmark', 'benchmark_member', 'idea', 'idea_meeting',
	    'idea_review', 'knowledge', 'knowledge_eval',
	    'knowledge_view', 'award', 'award_fund', 'budget',
	    'budget_spend', 'schedule'] LOOP
		EXECUTE format('INSERT INTO audit_change (tbl, action, '
		    'first_id, last_id) SELECT %L, ''present'', min(id), '
		    'max(id) FROM (SELECT id, id - row_number() OVER (ORDER '
		    'BY id) AS run FROM %I) AS r GROUP BY run ORDER BY run',
		    t, t);
	END LOOP;
END
$$;

-- Three triggers a table, but for the ledger's inserts: a row trigger makes
-- SQLite open a statement journal for every INSERT, which on the ledger's
-- batches of hundreds of thousands of entries costs about 40% more work a
-- row.  The ledger is append-only, so its ids themselves say what was
-- inserted: the mileage module's check holds every id against the insert
-- audit rows (inno_audit_check_inserted), and its rows are not in the
-- 'present' runs above either.
--
-- An insert starts a run unless the last log row is an insert run of the
-- same table that no audit row has seen yet: SQLite's WHEN, a subquery,
-- is the function's test.
CREATE FUNCTION inno_log_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF NOT EXISTS (SELECT 1 FROM audit_change c
	    WHERE c.id = (SELECT max(id) FROM audit_change) AND
	    c.tbl = TG_TABLE_NAME AND c.action = 'insert' AND
	    c.id > coalesce((SELECT change_id FROM audit
	    ORDER BY id DESC LIMIT 1), 0)) THEN
		INSERT INTO audit_change (tbl, action, first_id)
		VALUES (TG_TABLE_NAME, 'insert', NEW.id);
	END IF;
	RETURN NULL;
END
$$;
CREATE FUNCTION inno_log_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES (TG_TABLE_NAME, lower(TG_OP), OLD.id);
	RETURN NULL;
END
$$;
CREATE FUNCTION inno_log_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE format('INSERT INTO audit_change (tbl, action, first_id) '
	    'SELECT %L, ''delete'', id FROM %I.%I ORDER BY id',
	    TG_TABLE_NAME, TG_TABLE_SCHEMA, TG_TABLE_NAME);
	RETURN NULL;
END
$$;

CREATE TRIGGER dept_log_insert AFTER INSERT ON dept
FOR EACH ROW EXECUTE FUNCTION inno_log_insert();
CREATE TRIGGER dept_log_update AFTER UPDATE ON dept
FOR EACH ROW EXECUTE FUNCTION inno_log_change();
CREATE TRIGGER dept_log_delete AFTER DELETE ON dept
FOR EACH ROW EXECUTE FUNCTION inno_log_change();
CREATE TRIGGER dept_log_truncate BEFORE TRUNCATE ON dept
FOR EACH STATEMENT EXECUTE FUNCTION inno_log_truncate();

CREATE TRIGGER team_log_insert AFTER INSERT ON team
FOR EACH ROW EXECUTE FUNCTION inno_log_insert();
CREATE TRIGGER team_log_update AFTER UPDATE ON team
FOR EACH ROW EXECUTE FUNCTION inno_log_change();
CREATE TRIGGER team_log_delete AFTER DELETE ON team
FOR EACH ROW EXECUTE FUNCTION inno_log_change();
CREATE TRIGGER team_log_truncate BEFORE TRUNCATE ON team
FOR EACH STATEMENT EXECUTE FUNCTION inno_log_truncate();

CREATE TRIGGER employee_log_insert AFTER INSERT ON employee
FOR EACH ROW EXECUTE FUNCTION inno_log_insert();
CREATE TRIGGER employee_log_update AFTER UPDATE ON employee
FOR EACH ROW EXECUTE FUNCTION inno_log_change();
CREATE TRIGGER employee_log_delete AFTER DELETE ON employee
FOR EACH ROW EXECUTE FUNCTION inno_log_change();
CREATE TRIGGER employee_log_truncate BEFORE TRUNCATE ON employee
FOR EACH STATEMENT EXECUTE FUNCTION inno_log_truncate();

CREATE TRIGGER task_log_insert AFTER INSERT ON task
FOR EACH ROW EXECUTE FUNCTION inno_log_insert();
CREATE TRIGGER task_log_update AFTER UPDATE ON task
FOR EACH ROW EXECUTE FUNCTION inno_log_change();
CREATE TRIGGER task_log_delete AFTER DELETE ON task
FOR EACH ROW EXECUTE FUNCTION inno_log_change();
CREATE TRIGGER task_log_truncate BEFORE TRUNCATE ON task
FOR EACH STATEMENT EXECUTE FUNCTION inno_log_truncate();

CREATE TRIGGER task_member_log_insert AFTER INSERT ON task_member
FOR EACH ROW EXECUTE FUNCTION inno_log_insert();
CREATE TRIGGER task_member_log_update AFTER UPDATE ON task_member
FOR EACH ROW EXECUTE FUNCTION inno_log_change();
CREATE TRIGGER task_member_log_delete AFTER DELETE ON task_member
FOR EACH ROW EXECUTE FUNCTION inno_log_change();
CREATE TRIGGER task_member_log_truncate BEFORE TRUNCATE ON task_member
FOR EACH STATEMENT EXECUTE FUNCTION inno_log_truncate();

CREATE TRIGGER task_milestone_log_insert AFTER INSERT ON task_milestone
FOR EACH ROW EXECUTE FUNCTION inno_log_insert();
CREATE TRIGGER task_milestone_log_update AFTER UPDATE ON task_milestone
FOR EACH ROW EXECUTE FUNCTION inno_log_change();
CREATE TRIGGER task_milestone_log_delete AFTER DELETE ON task_milestone
FOR EACH ROW EXECUTE FUNCTION inno_log_change();
CREATE TRIGGER task_milestone_log_truncate BEFORE TRUNCATE ON task_milestone
FOR EACH STATEMENT EXECUTE FUNCTION inno_log_truncate();

CREATE TRIGGER task_log_log_insert AFTER INSERT ON task_log
FOR EACH ROW EXECUTE FUNCTION inno_log_insert();
CREATE TRIGGER task_log_log_update AFTER UPDATE ON task_log
FOR EACH ROW EXECUTE FUNCTION inno_log_change();
CREATE TRIGGER task_log_log_delete AFTER DELETE ON task_log
FOR EACH ROW EXECUTE FUNCTION inno_log_change();
CREATE TRIGGER task_log_log_truncate BEFORE TRUNCATE ON task_log
FOR EACH STATEMENT EXECUTE FUNCTION inno_log_truncate();

CREATE TRIGGER task_score_log_insert AFTER INSERT ON task_score
FOR EACH ROW EXECUTE FUNCTION inno_log_insert();
CREATE TRIGGER task_score_log_update AFTER UPDATE ON task_score
FOR EACH ROW EXECUTE FUNCTION inno_log_change();
CREATE TRIGGER task_score_log_delete AFTER DELETE ON task_score
FOR EACH ROW EXECUTE FUNCTION inno_log_change();
CREATE TRIGGER task_score_log_truncate BEFORE TRUNCATE ON task_score
FOR EACH STATEMENT EXECUTE FUNCTION inno_log_truncate();

CREATE TRIGGER mileage_log_update AFTER UPDATE ON mileage
FOR EACH ROW EXECUTE FUNCTION inno_log_change();
CREATE TRIGGER mileage_log_delete AFTER DELETE ON mileage
FOR EACH ROW EXECUTE FUNCTION inno_log_change();
CREATE TRIGGER mileage_log_truncate BEFORE TRUNCATE ON mileage
FOR EACH STATEMENT EXECUTE FUNCTION inno_log_truncate();

CREATE TRIGGER mileage_close_log_insert AFTER INSERT ON mileage_close
FOR EACH ROW EXECUTE FUNCTION inno_log_insert();
CREATE TRIGGER mileage_close_log_update AFTER UPDATE ON mileage_close
FOR EACH ROW EXECUTE FUNCTION inno_log_change();
CREATE TRIGGER mileage_close_log_delete AFTER DELETE ON mileage_close
FOR EACH ROW EXECUTE FUNCTION inno_log_change();
CREATE TRIGGER mileage_close_log_truncate BEFORE TRUNCATE ON mileage_close
FOR EACH STATEMENT EXECUTE FUNCTION inno_log_truncate();

CREATE TRIGGER mileage_mvp_log_insert AFTER INSERT ON mileage_mvp
FOR EACH ROW EXECUTE FUNCTION inno_log_insert();
CREATE TRIGGER mileage_mvp_log_update AFTER UPDATE ON mileage_mvp
FOR EACH ROW EXECUTE FUNCTION inno_log_change();
CREATE TRIGGER mileage_mvp_log_delete AFTER DELETE ON mileage_mvp
FOR EACH ROW EXECUTE FUNCTION inno_log_change();
CREATE TRIGGER mileage_mvp_log_truncate BEFORE TRUNCATE ON mileage_mvp
FOR EACH STATEMENT EXECUTE FUNCTION inno_log_truncate();

CREATE TRIGGER club_log_insert AFTER INSERT ON club
FOR EACH ROW EXECUTE FUNCTION inno_log_insert();
CREATE TRIGGER club_log_update AFTER UPDATE ON club
FOR EACH ROW EXECUTE FUNCTION inno_log_change();
CREATE TRIGGER club_log_delete AFTER DELETE ON club
FOR EACH ROW EXECUTE FUNCTION inno_log_change();
CREATE TRIGGER club_log_truncate BEFORE TRUNCATE ON club
FOR EACH STATEMENT EXECUTE FUNCTION inno_log_truncate();

CREATE TRIGGER club_member_log_insert AFTER INSERT ON club_member
FOR EACH ROW EXECUTE FUNCTION inno_log_insert();
CREATE TRIGGER club_member_log_update AFTER UPDATE ON club_member
FOR EACH ROW EXECUTE FUNCTION inno_log_change();
CREATE TRIGGER club_member_log_delete AFTER DELETE ON club_member
FOR EACH ROW EXECUTE FUNCTION inno_log_change();
CREATE TRIGGER club_member_log_truncate BEFORE TRUNCATE ON club_member
FOR EACH STATEMENT EXECUTE FUNCTION inno_log_truncate();

CREATE TRIGGER club_grant_log_insert AFTER INSERT ON club_grant
FOR EACH ROW EXECUTE FUNCTION inno_log_insert();
CREATE TRIGGER club_grant_log_update AFTER UPDATE ON club_grant
FOR EACH ROW EXECUTE FUNCTION inno_log_change();
CREATE TRIGGER club_grant_log_delete AFTER DELETE ON club_grant
FOR EACH ROW EXECUTE FUNCTION inno_log_change();
CREATE TRIGGER club_grant_log_truncate BEFORE TRUNCATE ON club_grant
FOR EACH STATEMENT EXECUTE FUNCTION inno_log_truncate();

CREATE TRIGGER club_activity_log_insert AFTER INSERT ON club_activity
FOR EACH ROW EXECUTE FUNCTION inno_log_insert();
CREATE TRIGGER club_activity_log_update AFTER UPDATE ON club_activity
FOR EACH ROW EXECUTE FUNCTION inno_log_change();
CREATE TRIGGER club_activity_log_delete AFTER DELETE ON club_activity
FOR EACH ROW EXECUTE FUNCTION inno_log_change();
CREATE TRIGGER club_activity_log_truncate BEFORE TRUNCATE ON club_activity
FOR EACH STATEMENT EXECUTE FUNCTION inno_log_truncate();

CREATE TRIGGER group_member_log_insert AFTER INSERT ON group_member
FOR EACH ROW EXECUTE FUNCTION inno_log_insert();
CREATE TRIGGER group_member_log_update AFTER UPDATE ON group_member
FOR EACH ROW EXECUTE FUNCTION inno_log_change();
CREATE TRIGGER group_member_log_delete AFTER DELETE ON group_member
FOR EACH ROW EXECUTE FUNCTION inno_log_change();
CREATE TRIGGER group_member_log_truncate BEFORE TRUNCATE ON group_member
FOR EACH STATEMENT EXECUTE FUNCTION inno_log_truncate();

CREATE TRIGGER course_log_insert AFTER INSERT ON course
FOR EACH ROW EXECUTE FUNCTION inno_log_insert();
CREATE TRIGGER course_log_update AFTER UPDATE ON course
FOR EACH ROW EXECUTE FUNCTION inno_log_change();
CREATE TRIGGER course_log_delete AFTER DELETE ON course
FOR EACH ROW EXECUTE FUNCTION inno_log_change();
CREATE TRIGGER course_log_truncate BEFORE TRUNCATE ON course
FOR EACH STATEMENT EXECUTE FUNCTION inno_log_truncate();

CREATE TRIGGER enrolment_log_insert AFTER INSERT ON enrolment
FOR EACH ROW EXECUTE FUNCTION inno_log_insert();
CREATE TRIGGER enrolment_log_update AFTER UPDATE ON enrolment
FOR EACH ROW EXECUTE FUNCTION inno_log_change();
CREATE TRIGGER enrolment_log_delete AFTER DELETE ON enrolment
FOR EACH ROW EXECUTE FUNCTION inno_log_change();
CREATE TRIGGER enrolment_log_truncate BEFORE TRUNCATE ON enrolment
FOR EACH STATEMENT EXECUTE FUNCTION inno_log_truncate();

CREATE TRIGGER benchmark_log_insert AFTER INSERT ON benchmark
FOR EACH ROW EXECUTE FUNCTION inno_log_insert();
CREATE TRIGGER benchmark_log_update AFTER UPDATE ON benchmark
FOR EACH ROW EXECUTE FUNCTION inno_log_change();
CREATE TRIGGER benchmark_log_delete AFTER DELETE ON benchmark
FOR EACH ROW EXECUTE FUNCTION inno_log_change();
CREATE TRIGGER benchmark_log_truncate BEFORE TRUNCATE ON benchmark
FOR EACH STATEMENT EXECUTE FUNCTION inno_log_truncate();

CREATE TRIGGER benchmark_member_log_insert AFTER INSERT ON benchmark_member
FOR EACH ROW EXECUTE FUNCTION inno_log_insert();
CREATE TRIGGER benchmark_member_log_update AFTER UPDATE ON benchmark_member
FOR EACH ROW EXECUTE FUNCTION inno_log_change();
CREATE TRIGGER benchmark_member_log_delete AFTER DELETE ON benchmark_member
FOR EACH ROW EXECUTE FUNCTION inno_log_change();
CREATE TRIGGER benchmark_member_log_truncate BEFORE TRUNCATE ON benchmark_member
FOR EACH STATEMENT EXECUTE FUNCTION inno_log_truncate();

CREATE TRIGGER idea_log_insert AFTER INSERT ON idea
FOR EACH ROW EXECUTE FUNCTION inno_log_insert();
CREATE TRIGGER idea_log_update AFTER UPDATE ON idea
FOR EACH ROW EXECUTE FUNCTION inno_log_change();
CREATE TRIGGER idea_log_delete AFTER DELETE ON idea
FOR EACH ROW EXECUTE FUNCTION inno_log_change();
CREATE TRIGGER idea_log_truncate BEFORE TRUNCATE ON idea
FOR EACH STATEMENT EXECUTE FUNCTION inno_log_truncate();

CREATE TRIGGER idea_meeting_log_insert AFTER INSERT ON idea_meeting
FOR EACH ROW EXECUTE FUNCTION inno_log_insert();
CREATE TRIGGER idea_meeting_log_update AFTER UPDATE ON idea_meeting
FOR EACH ROW EXECUTE FUNCTION inno_log_change();
CREATE TRIGGER idea_meeting_log_delete AFTER DELETE ON idea_meeting
FOR EACH ROW EXECUTE FUNCTION inno_log_change();
CREATE TRIGGER idea_meeting_log_truncate BEFORE TRUNCATE ON idea_meeting
FOR EACH STATEMENT EXECUTE FUNCTION inno_log_truncate();

CREATE TRIGGER idea_review_log_insert AFTER INSERT ON idea_review
FOR EACH ROW EXECUTE FUNCTION inno_log_insert();
CREATE TRIGGER idea_review_log_update AFTER UPDATE ON idea_review
FOR EACH ROW EXECUTE FUNCTION inno_log_change();
CREATE TRIGGER idea_review_log_delete AFTER DELETE ON idea_review
FOR EACH ROW EXECUTE FUNCTION inno_log_change();
CREATE TRIGGER idea_review_log_truncate BEFORE TRUNCATE ON idea_review
FOR EACH STATEMENT EXECUTE FUNCTION inno_log_truncate();

CREATE TRIGGER knowledge_log_insert AFTER INSERT ON knowledge
FOR EACH ROW EXECUTE FUNCTION inno_log_insert();
CREATE TRIGGER knowledge_log_update AFTER UPDATE ON knowledge
FOR EACH ROW EXECUTE FUNCTION inno_log_change();
CREATE TRIGGER knowledge_log_delete AFTER DELETE ON knowledge
FOR EACH ROW EXECUTE FUNCTION inno_log_change();
CREATE TRIGGER knowledge_log_truncate BEFORE TRUNCATE ON knowledge
FOR EACH STATEMENT EXECUTE FUNCTION inno_log_truncate();

CREATE TRIGGER knowledge_eval_log_insert AFTER INSERT ON knowledge_eval
FOR EACH ROW EXECUTE FUNCTION inno_log_insert();
CREATE TRIGGER knowledge_eval_log_update AFTER UPDATE ON knowledge_eval
FOR EACH ROW EXECUTE FUNCTION inno_log_change();
CREATE TRIGGER knowledge_eval_log_delete AFTER DELETE ON knowledge_eval
FOR EACH ROW EXECUTE FUNCTION inno_log_change();
CREATE TRIGGER knowledge_eval_log_truncate BEFORE TRUNCATE ON knowledge_eval
FOR EACH STATEMENT EXECUTE FUNCTION inno_log_truncate();

CREATE TRIGGER knowledge_view_log_insert AFTER INSERT ON knowledge_view
FOR EACH ROW EXECUTE FUNCTION inno_log_insert();
CREATE TRIGGER knowledge_view_log_update AFTER UPDATE ON knowledge_view
FOR EACH ROW EXECUTE FUNCTION inno_log_change();
CREATE TRIGGER knowledge_view_log_delete AFTER DELETE ON knowledge_view
FOR EACH ROW EXECUTE FUNCTION inno_log_change();
CREATE TRIGGER knowledge_view_log_truncate BEFORE TRUNCATE ON knowledge_view
FOR EACH STATEMENT EXECUTE FUNCTION inno_log_truncate();

CREATE TRIGGER award_log_insert AFTER INSERT ON award
FOR EACH ROW EXECUTE FUNCTION inno_log_insert();
CREATE TRIGGER award_log_update AFTER UPDATE ON award
FOR EACH ROW EXECUTE FUNCTION inno_log_change();
CREATE TRIGGER award_log_delete AFTER DELETE ON award
FOR EACH ROW EXECUTE FUNCTION inno_log_change();
CREATE TRIGGER award_log_truncate BEFORE TRUNCATE ON award
FOR EACH STATEMENT EXECUTE FUNCTION inno_log_truncate();

CREATE TRIGGER award_fund_log_insert AFTER INSERT ON award_fund
FOR EACH ROW EXECUTE FUNCTION inno_log_insert();
CREATE TRIGGER award_fund_log_update AFTER UPDATE ON award_fund
FOR EACH ROW EXECUTE FUNCTION inno_log_change();
CREATE TRIGGER award_fund_log_delete AFTER DELETE ON award_fund
FOR EACH ROW EXECUTE FUNCTION inno_log_change();
CREATE TRIGGER award_fund_log_truncate BEFORE TRUNCATE ON award_fund
FOR EACH STATEMENT EXECUTE FUNCTION inno_log_truncate();

CREATE TRIGGER budget_log_insert AFTER INSERT ON budget
FOR EACH ROW EXECUTE FUNCTION inno_log_insert();
CREATE TRIGGER budget_log_update AFTER UPDATE ON budget
FOR EACH ROW EXECUTE FUNCTION inno_log_change();
CREATE TRIGGER budget_log_delete AFTER DELETE ON budget
FOR EACH ROW EXECUTE FUNCTION inno_log_change();
CREATE TRIGGER budget_log_truncate BEFORE TRUNCATE ON budget
FOR EACH STATEMENT EXECUTE FUNCTION inno_log_truncate();

CREATE TRIGGER budget_spend_log_insert AFTER INSERT ON budget_spend
FOR EACH ROW EXECUTE FUNCTION inno_log_insert();
CREATE TRIGGER budget_spend_log_update AFTER UPDATE ON budget_spend
FOR EACH ROW EXECUTE FUNCTION inno_log_change();
CREATE TRIGGER budget_spend_log_delete AFTER DELETE ON budget_spend
FOR EACH ROW EXECUTE FUNCTION inno_log_change();
CREATE TRIGGER budget_spend_log_truncate BEFORE TRUNCATE ON budget_spend
FOR EACH STATEMENT EXECUTE FUNCTION inno_log_truncate();

CREATE TRIGGER schedule_log_insert AFTER INSERT ON schedule
FOR EACH ROW EXECUTE FUNCTION inno_log_insert();
CREATE TRIGGER schedule_log_update AFTER UPDATE ON schedule
FOR EACH ROW EXECUTE FUNCTION inno_log_change();
CREATE TRIGGER schedule_log_delete AFTER DELETE ON schedule
FOR EACH ROW EXECUTE FUNCTION inno_log_change();
CREATE TRIGGER schedule_log_truncate BEFORE TRUNCATE ON schedule
FOR EACH STATEMENT EXECUTE FUNCTION inno_log_truncate();

UPDATE inno_schema SET version = 8;
