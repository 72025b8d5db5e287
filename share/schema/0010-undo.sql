-- 0010-undo.sql: the commands, and the rows as they were, so that one
-- program invocation can be taken back as a whole (inno-undo).
--
-- A command is one invocation of a program that writes: when it ran, who
-- ran it, the program and its arguments.  lib/audit.c writes the row at
-- the first audit row of the invocation and puts its id in the command
-- column of every audit row the invocation writes, so the trail says which
-- rows belong together.  Like the trail, the commands are append-only.
-- undoes names the command an undo took back.
--
-- The change log now keeps the row as it was before each update and
-- delete, as a JSON object of its columns (old_row): an undo restores an
-- update and re-inserts a deleted row from it.  The update and delete
-- triggers of every table are created again to fill it in; the inserts
-- need nothing kept, since an undo of an insert deletes the rows of the
-- insert audit row's range.  Rows changed before this migration have no
-- old_row, and a command with such a change cannot be undone.

CREATE TABLE command (
	id INTEGER PRIMARY KEY,
	at TEXT NOT NULL,		-- UTC, from the clock
	uid INTEGER NOT NULL,
	user TEXT NOT NULL,
	program TEXT NOT NULL,
	args TEXT NOT NULL DEFAULT '',	-- the arguments, as typed
	pid INTEGER NOT NULL,
	undoes INTEGER REFERENCES command (id)
);
CREATE INDEX command_undoes ON command (undoes) WHERE undoes IS NOT NULL;
CREATE TRIGGER command_no_update BEFORE UPDATE ON command
BEGIN
	SELECT RAISE(ABORT, 'the command list is append-only');
END;
CREATE TRIGGER command_no_delete BEFORE DELETE ON command
BEGIN
	SELECT RAISE(ABORT, 'the command list is append-only');
END;

ALTER TABLE audit ADD COLUMN command INTEGER;	-- command.id; NULL before
CREATE INDEX audit_command ON audit (command) WHERE command IS NOT NULL;
ALTER TABLE audit_change ADD COLUMN old_row TEXT;	-- JSON, see above

-- The audit rows with their command, for the modules that read the trail.
DROP VIEW audit_lines;
CREATE VIEW audit_lines AS
	SELECT id, at, user, program, action, tbl, first_id, last_id, detail,
	    command
	FROM audit;

DROP TRIGGER dept_log_update;
CREATE TRIGGER dept_log_update AFTER UPDATE ON dept
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES ('dept', 'update', old.id, json_object('id', old.id, 'name', old.name, 'kind', old.kind));
END;

DROP TRIGGER dept_log_delete;
CREATE TRIGGER dept_log_delete AFTER DELETE ON dept
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES ('dept', 'delete', old.id, json_object('id', old.id, 'name', old.name, 'kind', old.kind));
END;

DROP TRIGGER team_log_update;
CREATE TRIGGER team_log_update AFTER UPDATE ON team
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES ('team', 'update', old.id, json_object('id', old.id, 'dept_id', old.dept_id, 'name', old.name, 
		    'authorised', old.authorised));
END;

DROP TRIGGER team_log_delete;
CREATE TRIGGER team_log_delete AFTER DELETE ON team
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES ('team', 'delete', old.id, json_object('id', old.id, 'dept_id', old.dept_id, 'name', old.name, 
		    'authorised', old.authorised));
END;

DROP TRIGGER employee_log_update;
CREATE TRIGGER employee_log_update AFTER UPDATE ON employee
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES ('employee', 'update', old.id, json_object('id', old.id, 'employee_id', old.employee_id, 'name', 
		    old.name, 'grade', old.grade, 'dept_id', old.dept_id, 
		    'team_id', old.team_id, 'joined', old.joined, 'left', 
		    old.left));
END;

DROP TRIGGER employee_log_delete;
CREATE TRIGGER employee_log_delete AFTER DELETE ON employee
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES ('employee', 'delete', old.id, json_object('id', old.id, 'employee_id', old.employee_id, 'name', 
		    old.name, 'grade', old.grade, 'dept_id', old.dept_id, 
		    'team_id', old.team_id, 'joined', old.joined, 'left', 
		    old.left));
END;

DROP TRIGGER task_log_update;
CREATE TRIGGER task_log_update AFTER UPDATE ON task
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES ('task', 'update', old.id, json_object('id', old.id, 'title', old.title, 'field', old.field, 
		    'origin', old.origin, 'dept_id', old.dept_id, 'status', 
		    old.status, 'priority', old.priority, 'budget', old.budget, 
		    'start', old.start, 'due', old.due));
END;

DROP TRIGGER task_log_delete;
CREATE TRIGGER task_log_delete AFTER DELETE ON task
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES ('task', 'delete', old.id, json_object('id', old.id, 'title', old.title, 'field', old.field, 
		    'origin', old.origin, 'dept_id', old.dept_id, 'status', 
		    old.status, 'priority', old.priority, 'budget', old.budget, 
		    'start', old.start, 'due', old.due));
END;

DROP TRIGGER task_member_log_update;
CREATE TRIGGER task_member_log_update AFTER UPDATE ON task_member
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES ('task_member', 'update', old.id, json_object('id', old.id, 'task_id', old.task_id, 'employee_id', 
		    old.employee_id, 'role', old.role, 'joined', old.joined, 
		    'left', old.left));
END;

DROP TRIGGER task_member_log_delete;
CREATE TRIGGER task_member_log_delete AFTER DELETE ON task_member
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES ('task_member', 'delete', old.id, json_object('id', old.id, 'task_id', old.task_id, 'employee_id', 
		    old.employee_id, 'role', old.role, 'joined', old.joined, 
		    'left', old.left));
END;

DROP TRIGGER task_milestone_log_update;
CREATE TRIGGER task_milestone_log_update AFTER UPDATE ON task_milestone
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES ('task_milestone', 'update', old.id, json_object('id', old.id, 'task_id', old.task_id, 'title', old.title, 
		    'due', old.due, 'done', old.done));
END;

DROP TRIGGER task_milestone_log_delete;
CREATE TRIGGER task_milestone_log_delete AFTER DELETE ON task_milestone
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES ('task_milestone', 'delete', old.id, json_object('id', old.id, 'task_id', old.task_id, 'title', old.title, 
		    'due', old.due, 'done', old.done));
END;

DROP TRIGGER task_log_log_update;
CREATE TRIGGER task_log_log_update AFTER UPDATE ON task_log
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES ('task_log', 'update', old.id, json_object('id', old.id, 'task_id', old.task_id, 'date', old.date, 
		    'note', old.note, 'percent', old.percent, 'meeting', 
		    old.meeting));
END;

DROP TRIGGER task_log_log_delete;
CREATE TRIGGER task_log_log_delete AFTER DELETE ON task_log
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES ('task_log', 'delete', old.id, json_object('id', old.id, 'task_id', old.task_id, 'date', old.date, 
		    'note', old.note, 'percent', old.percent, 'meeting', 
		    old.meeting));
END;

DROP TRIGGER task_score_log_update;
CREATE TRIGGER task_score_log_update AFTER UPDATE ON task_score
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES ('task_score', 'update', old.id, json_object('id', old.id, 'task_id', old.task_id, 'criterion', 
		    old.criterion, 'score', old.score));
END;

DROP TRIGGER task_score_log_delete;
CREATE TRIGGER task_score_log_delete AFTER DELETE ON task_score
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES ('task_score', 'delete', old.id, json_object('id', old.id, 'task_id', old.task_id, 'criterion', 
		    old.criterion, 'score', old.score));
END;

DROP TRIGGER mileage_log_update;
CREATE TRIGGER mileage_log_update AFTER UPDATE ON mileage
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES ('mileage', 'update', old.id, json_object('id', old.id, 'date', old.date, 'employee_id', 
		    old.employee_id, 'dept_id', old.dept_id, 'category', 
		    old.category, 'kind', old.kind, 'points', old.points, 
		    'reason', old.reason, 'ref', old.ref, 'ref_table', 
		    old.ref_table, 'ref_id', old.ref_id, 'reverses', 
		    old.reverses));
END;

DROP TRIGGER mileage_log_delete;
CREATE TRIGGER mileage_log_delete AFTER DELETE ON mileage
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES ('mileage', 'delete', old.id, json_object('id', old.id, 'date', old.date, 'employee_id', 
		    old.employee_id, 'dept_id', old.dept_id, 'category', 
		    old.category, 'kind', old.kind, 'points', old.points, 
		    'reason', old.reason, 'ref', old.ref, 'ref_table', 
		    old.ref_table, 'ref_id', old.ref_id, 'reverses', 
		    old.reverses));
END;

DROP TRIGGER mileage_close_log_update;
CREATE TRIGGER mileage_close_log_update AFTER UPDATE ON mileage_close
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES ('mileage_close', 'update', old.id, json_object('id', old.id, 'month', old.month, 'closed_at', old.closed_at));
END;

DROP TRIGGER mileage_close_log_delete;
CREATE TRIGGER mileage_close_log_delete AFTER DELETE ON mileage_close
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES ('mileage_close', 'delete', old.id, json_object('id', old.id, 'month', old.month, 'closed_at', old.closed_at));
END;

DROP TRIGGER mileage_mvp_log_update;
CREATE TRIGGER mileage_mvp_log_update AFTER UPDATE ON mileage_mvp
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES ('mileage_mvp', 'update', old.id, json_object('id', old.id, 'month', old.month, 'employee_id', 
		    old.employee_id, 'person_points', old.person_points, 
		    'dept_id', old.dept_id, 'dept_points', old.dept_points, 
		    'dept_headcount', old.dept_headcount, 'dept_score', 
		    old.dept_score, 'computed_at', old.computed_at, 'rules', 
		    old.rules));
END;

DROP TRIGGER mileage_mvp_log_delete;
CREATE TRIGGER mileage_mvp_log_delete AFTER DELETE ON mileage_mvp
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES ('mileage_mvp', 'delete', old.id, json_object('id', old.id, 'month', old.month, 'employee_id', 
		    old.employee_id, 'person_points', old.person_points, 
		    'dept_id', old.dept_id, 'dept_points', old.dept_points, 
		    'dept_headcount', old.dept_headcount, 'dept_score', 
		    old.dept_score, 'computed_at', old.computed_at, 'rules', 
		    old.rules));
END;

DROP TRIGGER club_log_update;
CREATE TRIGGER club_log_update AFTER UPDATE ON club
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES ('club', 'update', old.id, json_object('id', old.id, 'name', old.name, 'kind', old.kind, 'topic', 
		    old.topic, 'leader_id', old.leader_id, 'dept_id', 
		    old.dept_id, 'registered', old.registered));
END;

DROP TRIGGER club_log_delete;
CREATE TRIGGER club_log_delete AFTER DELETE ON club
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES ('club', 'delete', old.id, json_object('id', old.id, 'name', old.name, 'kind', old.kind, 'topic', 
		    old.topic, 'leader_id', old.leader_id, 'dept_id', 
		    old.dept_id, 'registered', old.registered));
END;

DROP TRIGGER club_member_log_update;
CREATE TRIGGER club_member_log_update AFTER UPDATE ON club_member
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES ('club_member', 'update', old.id, json_object('id', old.id, 'club_id', old.club_id, 'employee_id', 
		    old.employee_id, 'joined', old.joined, 'left', old.left));
END;

DROP TRIGGER club_member_log_delete;
CREATE TRIGGER club_member_log_delete AFTER DELETE ON club_member
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES ('club_member', 'delete', old.id, json_object('id', old.id, 'club_id', old.club_id, 'employee_id', 
		    old.employee_id, 'joined', old.joined, 'left', old.left));
END;

DROP TRIGGER club_grant_log_update;
CREATE TRIGGER club_grant_log_update AFTER UPDATE ON club_grant
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES ('club_grant', 'update', old.id, json_object('id', old.id, 'club_id', old.club_id, 'date', old.date, 
		    'amount', old.amount, 'purpose', old.purpose));
END;

DROP TRIGGER club_grant_log_delete;
CREATE TRIGGER club_grant_log_delete AFTER DELETE ON club_grant
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES ('club_grant', 'delete', old.id, json_object('id', old.id, 'club_id', old.club_id, 'date', old.date, 
		    'amount', old.amount, 'purpose', old.purpose));
END;

DROP TRIGGER club_activity_log_update;
CREATE TRIGGER club_activity_log_update AFTER UPDATE ON club_activity
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES ('club_activity', 'update', old.id, json_object('id', old.id, 'club_id', old.club_id, 'kind', old.kind, 
		    'date', old.date, 'attendees', old.attendees, 'result', 
		    old.result, 'note', old.note));
END;

DROP TRIGGER club_activity_log_delete;
CREATE TRIGGER club_activity_log_delete AFTER DELETE ON club_activity
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES ('club_activity', 'delete', old.id, json_object('id', old.id, 'club_id', old.club_id, 'kind', old.kind, 
		    'date', old.date, 'attendees', old.attendees, 'result', 
		    old.result, 'note', old.note));
END;

DROP TRIGGER group_member_log_update;
CREATE TRIGGER group_member_log_update AFTER UPDATE ON group_member
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES ('group_member', 'update', old.id, json_object('id', old.id, 'grp', old.grp, 'employee_id', 
		    old.employee_id, 'grade', old.grade, 'joined', old.joined, 
		    'left', old.left));
END;

DROP TRIGGER group_member_log_delete;
CREATE TRIGGER group_member_log_delete AFTER DELETE ON group_member
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES ('group_member', 'delete', old.id, json_object('id', old.id, 'grp', old.grp, 'employee_id', 
		    old.employee_id, 'grade', old.grade, 'joined', old.joined, 
		    'left', old.left));
END;

DROP TRIGGER course_log_update;
CREATE TRIGGER course_log_update AFTER UPDATE ON course
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES ('course', 'update', old.id, json_object('id', old.id, 'name', old.name, 'kind', old.kind, 'round', 
		    old.round, 'start', old.start, 'end', old.end, 'hours', 
		    old.hours, 'target', old.target));
END;

DROP TRIGGER course_log_delete;
CREATE TRIGGER course_log_delete AFTER DELETE ON course
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES ('course', 'delete', old.id, json_object('id', old.id, 'name', old.name, 'kind', old.kind, 'round', 
		    old.round, 'start', old.start, 'end', old.end, 'hours', 
		    old.hours, 'target', old.target));
END;

DROP TRIGGER enrolment_log_update;
CREATE TRIGGER enrolment_log_update AFTER UPDATE ON enrolment
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES ('enrolment', 'update', old.id, json_object('id', old.id, 'course_id', old.course_id, 'employee_id', 
		    old.employee_id, 'status', old.status, 'completed', 
		    old.completed));
END;

DROP TRIGGER enrolment_log_delete;
CREATE TRIGGER enrolment_log_delete AFTER DELETE ON enrolment
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES ('enrolment', 'delete', old.id, json_object('id', old.id, 'course_id', old.course_id, 'employee_id', 
		    old.employee_id, 'status', old.status, 'completed', 
		    old.completed));
END;

DROP TRIGGER benchmark_log_update;
CREATE TRIGGER benchmark_log_update AFTER UPDATE ON benchmark
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES ('benchmark', 'update', old.id, json_object('id', old.id, 'kind', old.kind, 'date', old.date, 
		    'institution', old.institution, 'sector', old.sector, 
		    'people', old.people, 'speaker_id', old.speaker_id, 
		    'findings', old.findings, 'task_id', old.task_id));
END;

DROP TRIGGER benchmark_log_delete;
CREATE TRIGGER benchmark_log_delete AFTER DELETE ON benchmark
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES ('benchmark', 'delete', old.id, json_object('id', old.id, 'kind', old.kind, 'date', old.date, 
		    'institution', old.institution, 'sector', old.sector, 
		    'people', old.people, 'speaker_id', old.speaker_id, 
		    'findings', old.findings, 'task_id', old.task_id));
END;

DROP TRIGGER benchmark_member_log_update;
CREATE TRIGGER benchmark_member_log_update AFTER UPDATE ON benchmark_member
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES ('benchmark_member', 'update', old.id, json_object('id', old.id, 'benchmark_id', old.benchmark_id, 
		    'employee_id', old.employee_id));
END;

DROP TRIGGER benchmark_member_log_delete;
CREATE TRIGGER benchmark_member_log_delete AFTER DELETE ON benchmark_member
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES ('benchmark_member', 'delete', old.id, json_object('id', old.id, 'benchmark_id', old.benchmark_id, 
		    'employee_id', old.employee_id));
END;

DROP TRIGGER idea_log_update;
CREATE TRIGGER idea_log_update AFTER UPDATE ON idea
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES ('idea', 'update', old.id, json_object('id', old.id, 'submitted', old.submitted, 'title', 
		    old.title, 'source', old.source, 'employee_id', 
		    old.employee_id, 'proposer', old.proposer, 'dept_id', 
		    old.dept_id, 'content', old.content, 'status', old.status, 
		    'decided', old.decided, 'assigned_id', old.assigned_id, 
		    'implementation', old.implementation, 'adopted_by', 
		    old.adopted_by));
END;

DROP TRIGGER idea_log_delete;
CREATE TRIGGER idea_log_delete AFTER DELETE ON idea
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES ('idea', 'delete', old.id, json_object('id', old.id, 'submitted', old.submitted, 'title', 
		    old.title, 'source', old.source, 'employee_id', 
		    old.employee_id, 'proposer', old.proposer, 'dept_id', 
		    old.dept_id, 'content', old.content, 'status', old.status, 
		    'decided', old.decided, 'assigned_id', old.assigned_id, 
		    'implementation', old.implementation, 'adopted_by', 
		    old.adopted_by));
END;

DROP TRIGGER idea_meeting_log_update;
CREATE TRIGGER idea_meeting_log_update AFTER UPDATE ON idea_meeting
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES ('idea_meeting', 'update', old.id, json_object('id', old.id, 'date', old.date, 'name', old.name));
END;

DROP TRIGGER idea_meeting_log_delete;
CREATE TRIGGER idea_meeting_log_delete AFTER DELETE ON idea_meeting
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES ('idea_meeting', 'delete', old.id, json_object('id', old.id, 'date', old.date, 'name', old.name));
END;

DROP TRIGGER idea_review_log_update;
CREATE TRIGGER idea_review_log_update AFTER UPDATE ON idea_review
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES ('idea_review', 'update', old.id, json_object('id', old.id, 'idea_id', old.idea_id, 'date', old.date, 
		    'meeting_id', old.meeting_id, 'decision', old.decision, 
		    'assigned_id', old.assigned_id, 'implementation', 
		    old.implementation, 'reason', old.reason));
END;

DROP TRIGGER idea_review_log_delete;
CREATE TRIGGER idea_review_log_delete AFTER DELETE ON idea_review
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES ('idea_review', 'delete', old.id, json_object('id', old.id, 'idea_id', old.idea_id, 'date', old.date, 
		    'meeting_id', old.meeting_id, 'decision', old.decision, 
		    'assigned_id', old.assigned_id, 'implementation', 
		    old.implementation, 'reason', old.reason));
END;

DROP TRIGGER knowledge_log_update;
CREATE TRIGGER knowledge_log_update AFTER UPDATE ON knowledge
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES ('knowledge', 'update', old.id, json_object('id', old.id, 'kind', old.kind, 'title', old.title, 
		    'author_id', old.author_id, 'dept_id', old.dept_id, 
		    'registered', old.registered, 'status', old.status, 
		    'approved_by', old.approved_by));
END;

DROP TRIGGER knowledge_log_delete;
CREATE TRIGGER knowledge_log_delete AFTER DELETE ON knowledge
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES ('knowledge', 'delete', old.id, json_object('id', old.id, 'kind', old.kind, 'title', old.title, 
		    'author_id', old.author_id, 'dept_id', old.dept_id, 
		    'registered', old.registered, 'status', old.status, 
		    'approved_by', old.approved_by));
END;

DROP TRIGGER knowledge_eval_log_update;
CREATE TRIGGER knowledge_eval_log_update AFTER UPDATE ON knowledge_eval
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES ('knowledge_eval', 'update', old.id, json_object('id', old.id, 'knowledge_id', old.knowledge_id, 'date', 
		    old.date, 'evaluator_id', old.evaluator_id, 'verdict', 
		    old.verdict, 'reason', old.reason));
END;

DROP TRIGGER knowledge_eval_log_delete;
CREATE TRIGGER knowledge_eval_log_delete AFTER DELETE ON knowledge_eval
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES ('knowledge_eval', 'delete', old.id, json_object('id', old.id, 'knowledge_id', old.knowledge_id, 'date', 
		    old.date, 'evaluator_id', old.evaluator_id, 'verdict', 
		    old.verdict, 'reason', old.reason));
END;

DROP TRIGGER knowledge_view_log_update;
CREATE TRIGGER knowledge_view_log_update AFTER UPDATE ON knowledge_view
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES ('knowledge_view', 'update', old.id, json_object('id', old.id, 'knowledge_id', old.knowledge_id, 'month', 
		    old.month, 'views', old.views));
END;

DROP TRIGGER knowledge_view_log_delete;
CREATE TRIGGER knowledge_view_log_delete AFTER DELETE ON knowledge_view
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES ('knowledge_view', 'delete', old.id, json_object('id', old.id, 'knowledge_id', old.knowledge_id, 'month', 
		    old.month, 'views', old.views));
END;

DROP TRIGGER award_log_update;
CREATE TRIGGER award_log_update AFTER UPDATE ON award
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES ('award', 'update', old.id, json_object('id', old.id, 'date', old.date, 'name', old.name, 
		    'grantor', old.grantor, 'incentive', old.incentive));
END;

DROP TRIGGER award_log_delete;
CREATE TRIGGER award_log_delete AFTER DELETE ON award
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES ('award', 'delete', old.id, json_object('id', old.id, 'date', old.date, 'name', old.name, 
		    'grantor', old.grantor, 'incentive', old.incentive));
END;

DROP TRIGGER award_fund_log_update;
CREATE TRIGGER award_fund_log_update AFTER UPDATE ON award_fund
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES ('award_fund', 'update', old.id, json_object('id', old.id, 'award_id', old.award_id, 'project', 
		    old.project, 'dept_id', old.dept_id, 'amount', old.amount));
END;

DROP TRIGGER award_fund_log_delete;
CREATE TRIGGER award_fund_log_delete AFTER DELETE ON award_fund
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES ('award_fund', 'delete', old.id, json_object('id', old.id, 'award_id', old.award_id, 'project', 
		    old.project, 'dept_id', old.dept_id, 'amount', old.amount));
END;

DROP TRIGGER budget_log_update;
CREATE TRIGGER budget_log_update AFTER UPDATE ON budget
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES ('budget', 'update', old.id, json_object('id', old.id, 'year', old.year, 'programme', old.programme, 
		    'amount', old.amount, 'first', old.first, 'last', old.last, 
		    'content', old.content, 'dept_id', old.dept_id));
END;

DROP TRIGGER budget_log_delete;
CREATE TRIGGER budget_log_delete AFTER DELETE ON budget
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES ('budget', 'delete', old.id, json_object('id', old.id, 'year', old.year, 'programme', old.programme, 
		    'amount', old.amount, 'first', old.first, 'last', old.last, 
		    'content', old.content, 'dept_id', old.dept_id));
END;

DROP TRIGGER budget_spend_log_update;
CREATE TRIGGER budget_spend_log_update AFTER UPDATE ON budget_spend
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES ('budget_spend', 'update', old.id, json_object('id', old.id, 'budget_id', old.budget_id, 'date', old.date, 
		    'amount', old.amount, 'purpose', old.purpose));
END;

DROP TRIGGER budget_spend_log_delete;
CREATE TRIGGER budget_spend_log_delete AFTER DELETE ON budget_spend
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES ('budget_spend', 'delete', old.id, json_object('id', old.id, 'budget_id', old.budget_id, 'date', old.date, 
		    'amount', old.amount, 'purpose', old.purpose));
END;

DROP TRIGGER schedule_log_update;
CREATE TRIGGER schedule_log_update AFTER UPDATE ON schedule
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES ('schedule', 'update', old.id, json_object('id', old.id, 'section', old.section, 'starts', old.starts, 
		    'ends', old.ends, 'precision', old.precision, 'what', 
		    old.what));
END;

DROP TRIGGER schedule_log_delete;
CREATE TRIGGER schedule_log_delete AFTER DELETE ON schedule
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES ('schedule', 'delete', old.id, json_object('id', old.id, 'section', old.section, 'starts', old.starts, 
		    'ends', old.ends, 'precision', old.precision, 'what', 
		    old.what));
END;
