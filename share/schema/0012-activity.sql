-- 0012-activity.sql: programme activity that is not a task, club, course,
-- idea or visit, and the bodies (committees, councils, forums) the office
-- sits on or runs.
--
-- An activity is a dated thing a programme did: a forum session, a
-- contest, a monitoring round, a launch, a newsletter issue, press
-- coverage, a self-evaluation, ...  Its kind is one of the wording file's
-- [activity.KIND] sections, which say how the report shows it; its
-- programme is one of the wording file's programme names.  The counts
-- (times, people, items, units, depts, winners) mean what the kind says;
-- a kind that is a gauge (INNO246's membership, the innovation level) is
-- read as of a date instead of summed.  lib/activity.c owns activity and
-- activity_member.
CREATE TABLE activity (
	id INTEGER PRIMARY KEY,
	programme TEXT NOT NULL CHECK (length(programme) > 0),
	kind TEXT NOT NULL CHECK (length(kind) > 0),
	date TEXT NOT NULL CHECK (date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
	ends TEXT CHECK (ends IS NULL OR ends >= date),
	title TEXT,
	times INTEGER CHECK (times IS NULL OR times >= 0),
	people INTEGER CHECK (people IS NULL OR people >= 0),
	items INTEGER CHECK (items IS NULL OR items >= 0),
	units INTEGER CHECK (units IS NULL OR units >= 0),
	depts INTEGER CHECK (depts IS NULL OR depts >= 0),
	winners INTEGER CHECK (winners IS NULL OR winners >= 0),
	-- The period an evaluation looked at (대상기간), when it has one.
	covers_from TEXT,
	covers_to TEXT CHECK (covers_to IS NULL OR covers_to >= covers_from),
	note TEXT
);
CREATE INDEX activity_date ON activity (programme, kind, date);

-- The employees who took part in an activity.
CREATE TABLE activity_member (
	id INTEGER PRIMARY KEY,
	activity_id INTEGER NOT NULL REFERENCES activity (id),
	employee_id INTEGER NOT NULL REFERENCES employee (id),
	UNIQUE (activity_id, employee_id)
);
CREATE INDEX activity_member_employee ON activity_member (employee_id);

-- A committee, council or forum, with how often it meets.  chair is a
-- name as the office writes it (an employee, or another government:
-- 인천시); lib/body.c owns body, body_member and body_meeting.
CREATE TABLE body (
	id INTEGER PRIMARY KEY,
	name TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
	kind TEXT NOT NULL CHECK (kind IN ('committee', 'council', 'forum')),
	programme TEXT,
	chair TEXT,
	cadence TEXT NOT NULL DEFAULT 'as_needed' CHECK (cadence IN
	    ('monthly', 'bimonthly', 'quarterly', 'half_yearly', 'yearly',
	    'as_needed')),
	formed TEXT NOT NULL,
	note TEXT
);

-- A member: an employee, or an outside person or institution with an
-- affiliation.
CREATE TABLE body_member (
	id INTEGER PRIMARY KEY,
	body_id INTEGER NOT NULL REFERENCES body (id),
	employee_id INTEGER REFERENCES employee (id),
	name TEXT,
	affiliation TEXT,
	role TEXT NOT NULL DEFAULT 'member' CHECK (role IN ('chair', 'member')),
	joined TEXT NOT NULL,
	CHECK ((employee_id IS NULL) <> (name IS NULL))
);
CREATE INDEX body_member_body ON body_member (body_id);

-- A meeting held.
CREATE TABLE body_meeting (
	id INTEGER PRIMARY KEY,
	body_id INTEGER NOT NULL REFERENCES body (id),
	date TEXT NOT NULL CHECK (date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
	attendance INTEGER CHECK (attendance IS NULL OR attendance >= 0),
	topic TEXT
);
CREATE INDEX body_meeting_date ON body_meeting (body_id, date);

CREATE TRIGGER activity_log_insert AFTER INSERT ON activity
WHEN NOT EXISTS (SELECT 1 FROM audit_change c
    WHERE c.id = (SELECT max(id) FROM audit_change) AND c.tbl = 'activity'
    AND c.action = 'insert' AND c.id > coalesce((SELECT change_id FROM audit
    ORDER BY id DESC LIMIT 1), 0))
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('activity', 'insert', new.id);
END;
CREATE TRIGGER activity_log_update AFTER UPDATE ON activity
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES ('activity', 'update', old.id,
	    json_object('id', old.id, 'programme', old.programme, 'kind',
	    old.kind, 'date', old.date, 'ends', old.ends, 'title',
	    old.title, 'times', old.times, 'people', old.people, 'items',
	    old.items, 'units', old.units, 'depts', old.depts, 'winners',
	    old.winners, 'covers_from', old.covers_from, 'covers_to',
	    old.covers_to, 'note', old.note));
END;
CREATE TRIGGER activity_log_delete AFTER DELETE ON activity
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES ('activity', 'delete', old.id,
	    json_object('id', old.id, 'programme', old.programme, 'kind',
	    old.kind, 'date', old.date, 'ends', old.ends, 'title',
	    old.title, 'times', old.times, 'people', old.people, 'items',
	    old.items, 'units', old.units, 'depts', old.depts, 'winners',
	    old.winners, 'covers_from', old.covers_from, 'covers_to',
	    old.covers_to, 'note', old.note));
END;

CREATE TRIGGER activity_member_log_insert AFTER INSERT ON activity_member
WHEN NOT EXISTS (SELECT 1 FROM audit_change c
    WHERE c.id = (SELECT max(id) FROM audit_change) AND c.tbl = 'activity_member'
    AND c.action = 'insert' AND c.id > coalesce((SELECT change_id FROM audit
    ORDER BY id DESC LIMIT 1), 0))
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('activity_member', 'insert', new.id);
END;
CREATE TRIGGER activity_member_log_update AFTER UPDATE ON activity_member
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES ('activity_member', 'update', old.id,
	    json_object('id', old.id, 'activity_id', old.activity_id,
	    'employee_id', old.employee_id));
END;
CREATE TRIGGER activity_member_log_delete AFTER DELETE ON activity_member
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES ('activity_member', 'delete', old.id,
	    json_object('id', old.id, 'activity_id', old.activity_id,
	    'employee_id', old.employee_id));
END;

CREATE TRIGGER body_log_insert AFTER INSERT ON body
WHEN NOT EXISTS (SELECT 1 FROM audit_change c
    WHERE c.id = (SELECT max(id) FROM audit_change) AND c.tbl = 'body'
    AND c.action = 'insert' AND c.id > coalesce((SELECT change_id FROM audit
    ORDER BY id DESC LIMIT 1), 0))
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('body', 'insert', new.id);
END;
CREATE TRIGGER body_log_update AFTER UPDATE ON body
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES ('body', 'update', old.id,
	    json_object('id', old.id, 'name', old.name, 'kind', old.kind,
	    'programme', old.programme, 'chair', old.chair, 'cadence',
	    old.cadence, 'formed', old.formed, 'note', old.note));
END;
CREATE TRIGGER body_log_delete AFTER DELETE ON body
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES ('body', 'delete', old.id,
	    json_object('id', old.id, 'name', old.name, 'kind', old.kind,
	    'programme', old.programme, 'chair', old.chair, 'cadence',
	    old.cadence, 'formed', old.formed, 'note', old.note));
END;

CREATE TRIGGER body_member_log_insert AFTER INSERT ON body_member
WHEN NOT EXISTS (SELECT 1 FROM audit_change c
    WHERE c.id = (SELECT max(id) FROM audit_change) AND c.tbl = 'body_member'
    AND c.action = 'insert' AND c.id > coalesce((SELECT change_id FROM audit
    ORDER BY id DESC LIMIT 1), 0))
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('body_member', 'insert', new.id);
END;
CREATE TRIGGER body_member_log_update AFTER UPDATE ON body_member
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES ('body_member', 'update', old.id,
	    json_object('id', old.id, 'body_id', old.body_id, 'employee_id',
	    old.employee_id, 'name', old.name, 'affiliation',
	    old.affiliation, 'role', old.role, 'joined', old.joined));
END;
CREATE TRIGGER body_member_log_delete AFTER DELETE ON body_member
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES ('body_member', 'delete', old.id,
	    json_object('id', old.id, 'body_id', old.body_id, 'employee_id',
	    old.employee_id, 'name', old.name, 'affiliation',
	    old.affiliation, 'role', old.role, 'joined', old.joined));
END;

CREATE TRIGGER body_meeting_log_insert AFTER INSERT ON body_meeting
WHEN NOT EXISTS (SELECT 1 FROM audit_change c
    WHERE c.id = (SELECT max(id) FROM audit_change) AND c.tbl = 'body_meeting'
    AND c.action = 'insert' AND c.id > coalesce((SELECT change_id FROM audit
    ORDER BY id DESC LIMIT 1), 0))
BEGIN
	INSERT INTO audit_change (tbl, action, first_id)
	VALUES ('body_meeting', 'insert', new.id);
END;
CREATE TRIGGER body_meeting_log_update AFTER UPDATE ON body_meeting
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES ('body_meeting', 'update', old.id,
	    json_object('id', old.id, 'body_id', old.body_id, 'date',
	    old.date, 'attendance', old.attendance, 'topic', old.topic));
END;
CREATE TRIGGER body_meeting_log_delete AFTER DELETE ON body_meeting
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES ('body_meeting', 'delete', old.id,
	    json_object('id', old.id, 'body_id', old.body_id, 'date',
	    old.date, 'attendance', old.attendance, 'topic', old.topic));
END;
