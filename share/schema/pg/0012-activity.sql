-- 0012-activity.sql: programme activity that is not a task, club, course,
-- idea or visit, and the bodies (committees, councils, forums) the office
-- sits on or runs.
-- The PostgreSQL translation of share/schema/0012-activity.sql (see
-- 0001-core.sql for how the translation goes).
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
	id bigint PRIMARY KEY,		-- given by inno_next_id (0001)
	programme text COLLATE "C" NOT NULL CHECK (length(programme) > 0),
	kind text COLLATE "C" NOT NULL CHECK (length(kind) > 0),
	date text COLLATE "C" NOT NULL
	    CHECK (date ~ '^[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]$'),
	ends text COLLATE "C" CHECK (ends IS NULL OR ends >= date),
	title text COLLATE "C",
	times bigint CHECK (times IS NULL OR times >= 0),
	people bigint CHECK (people IS NULL OR people >= 0),
	items bigint CHECK (items IS NULL OR items >= 0),
	units bigint CHECK (units IS NULL OR units >= 0),
	depts bigint CHECK (depts IS NULL OR depts >= 0),
	winners bigint CHECK (winners IS NULL OR winners >= 0),
	-- The period an evaluation looked at (대상기간), when it has one.
	covers_from text COLLATE "C",
	covers_to text COLLATE "C"
	    CHECK (covers_to IS NULL OR covers_to >= covers_from),
	note text COLLATE "C"
);
CREATE TRIGGER activity_next_id BEFORE INSERT ON activity
FOR EACH ROW EXECUTE FUNCTION inno_next_id();
CREATE INDEX activity_date ON activity (programme, kind, date);

-- The employees who took part in an activity.
CREATE TABLE activity_member (
	id bigint PRIMARY KEY,		-- given by inno_next_id (0001)
	activity_id bigint NOT NULL REFERENCES activity (id) DEFERRABLE INITIALLY IMMEDIATE,
	employee_id bigint NOT NULL REFERENCES employee (id) DEFERRABLE INITIALLY IMMEDIATE,
	UNIQUE (activity_id, employee_id)
);
CREATE TRIGGER activity_member_next_id BEFORE INSERT ON activity_member
FOR EACH ROW EXECUTE FUNCTION inno_next_id();
CREATE INDEX activity_member_employee ON activity_member (employee_id);

-- A committee, council or forum, with how often it meets.  chair is a
-- name as the office writes it (an employee, or another government:
-- 인천시); lib/body.c owns body, body_member and body_meeting.
CREATE TABLE body (
	id bigint PRIMARY KEY,		-- given by inno_next_id (0001)
	name text COLLATE "C" NOT NULL UNIQUE CHECK (length(name) > 0),
	kind text COLLATE "C" NOT NULL
	    CHECK (kind IN ('committee', 'council', 'forum')),
	programme text COLLATE "C",
	chair text COLLATE "C",
	cadence text COLLATE "C" NOT NULL DEFAULT 'as_needed' CHECK (cadence IN
	    ('monthly', 'bimonthly', 'quarterly', 'half_yearly', 'yearly',
	    'as_needed')),
	formed text COLLATE "C" NOT NULL,
	note text COLLATE "C"
);
CREATE TRIGGER body_next_id BEFORE INSERT ON body
FOR EACH ROW EXECUTE FUNCTION inno_next_id();

-- A member: an employee, or an outside person or institution with an
-- affiliation.
CREATE TABLE body_member (
	id bigint PRIMARY KEY,		-- given by inno_next_id (0001)
	body_id bigint NOT NULL REFERENCES body (id) DEFERRABLE INITIALLY IMMEDIATE,
	employee_id bigint REFERENCES employee (id) DEFERRABLE INITIALLY IMMEDIATE,
	name text COLLATE "C",
	affiliation text COLLATE "C",
	role text COLLATE "C" NOT NULL DEFAULT 'member'
	    CHECK (role IN ('chair', 'member')),
	joined text COLLATE "C" NOT NULL,
	CHECK ((employee_id IS NULL) <> (name IS NULL))
);
CREATE TRIGGER body_member_next_id BEFORE INSERT ON body_member
FOR EACH ROW EXECUTE FUNCTION inno_next_id();
CREATE INDEX body_member_body ON body_member (body_id);

-- A meeting held.
CREATE TABLE body_meeting (
	id bigint PRIMARY KEY,		-- given by inno_next_id (0001)
	body_id bigint NOT NULL REFERENCES body (id) DEFERRABLE INITIALLY IMMEDIATE,
	date text COLLATE "C" NOT NULL
	    CHECK (date ~ '^[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]$'),
	attendance bigint CHECK (attendance IS NULL OR attendance >= 0),
	topic text COLLATE "C"
);
CREATE TRIGGER body_meeting_next_id BEFORE INSERT ON body_meeting
FOR EACH ROW EXECUTE FUNCTION inno_next_id();
CREATE INDEX body_meeting_date ON body_meeting (body_id, date);

-- The change log's triggers (0008-audit.sql, keeping the old row as
-- 0010-undo.sql does).
CREATE TRIGGER activity_log_insert AFTER INSERT ON activity
FOR EACH ROW EXECUTE FUNCTION inno_log_insert();
CREATE TRIGGER activity_log_update AFTER UPDATE ON activity
FOR EACH ROW EXECUTE FUNCTION inno_log_change();
CREATE TRIGGER activity_log_delete AFTER DELETE ON activity
FOR EACH ROW EXECUTE FUNCTION inno_log_change();
CREATE TRIGGER activity_log_truncate BEFORE TRUNCATE ON activity
FOR EACH STATEMENT EXECUTE FUNCTION inno_log_truncate();

CREATE TRIGGER activity_member_log_insert AFTER INSERT ON activity_member
FOR EACH ROW EXECUTE FUNCTION inno_log_insert();
CREATE TRIGGER activity_member_log_update AFTER UPDATE ON activity_member
FOR EACH ROW EXECUTE FUNCTION inno_log_change();
CREATE TRIGGER activity_member_log_delete AFTER DELETE ON activity_member
FOR EACH ROW EXECUTE FUNCTION inno_log_change();
CREATE TRIGGER activity_member_log_truncate BEFORE TRUNCATE ON activity_member
FOR EACH STATEMENT EXECUTE FUNCTION inno_log_truncate();

CREATE TRIGGER body_log_insert AFTER INSERT ON body
FOR EACH ROW EXECUTE FUNCTION inno_log_insert();
CREATE TRIGGER body_log_update AFTER UPDATE ON body
FOR EACH ROW EXECUTE FUNCTION inno_log_change();
CREATE TRIGGER body_log_delete AFTER DELETE ON body
FOR EACH ROW EXECUTE FUNCTION inno_log_change();
CREATE TRIGGER body_log_truncate BEFORE TRUNCATE ON body
FOR EACH STATEMENT EXECUTE FUNCTION inno_log_truncate();

CREATE TRIGGER body_member_log_insert AFTER INSERT ON body_member
FOR EACH ROW EXECUTE FUNCTION inno_log_insert();
CREATE TRIGGER body_member_log_update AFTER UPDATE ON body_member
FOR EACH ROW EXECUTE FUNCTION inno_log_change();
CREATE TRIGGER body_member_log_delete AFTER DELETE ON body_member
FOR EACH ROW EXECUTE FUNCTION inno_log_change();
CREATE TRIGGER body_member_log_truncate BEFORE TRUNCATE ON body_member
FOR EACH STATEMENT EXECUTE FUNCTION inno_log_truncate();

CREATE TRIGGER body_meeting_log_insert AFTER INSERT ON body_meeting
FOR EACH ROW EXECUTE FUNCTION inno_log_insert();
CREATE TRIGGER body_meeting_log_update AFTER UPDATE ON body_meeting
FOR EACH ROW EXECUTE FUNCTION inno_log_change();
CREATE TRIGGER body_meeting_log_delete AFTER DELETE ON body_meeting
FOR EACH ROW EXECUTE FUNCTION inno_log_change();
CREATE TRIGGER body_meeting_log_truncate BEFORE TRUNCATE ON body_meeting
FOR EACH STATEMENT EXECUTE FUNCTION inno_log_truncate();

UPDATE inno_schema SET version = 12;
