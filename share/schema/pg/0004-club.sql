-- 0004-club.sql: learning clubs (학습·연구 동아리) with their members,
-- grants and activities; the innovation leader groups (혁신주도그룹); and
-- training courses (교육) with their enrolments.
-- The PostgreSQL translation of share/schema/0004-club.sql (see
-- 0001-core.sql for how the translation goes).
--
-- Memberships are periods [joined, left] so that a club's or a group's
-- membership on any date can be counted; left is NULL while the member
-- stays.  Money is an integer count of won.

CREATE TABLE club (
	id bigint PRIMARY KEY,		-- given by inno_next_id (0001)
	name text COLLATE "C" NOT NULL UNIQUE,
	kind text COLLATE "C" NOT NULL
	    CHECK (kind IN ('strategic', 'departmental')),
	topic text COLLATE "C" NOT NULL DEFAULT '',
	leader_id bigint REFERENCES employee (id) DEFERRABLE INITIALLY IMMEDIATE,
	dept_id bigint REFERENCES dept (id) DEFERRABLE INITIALLY IMMEDIATE,
	registered text COLLATE "C" NOT NULL
);
CREATE TRIGGER club_next_id BEFORE INSERT ON club
FOR EACH ROW EXECUTE FUNCTION inno_next_id();
CREATE INDEX club_leader ON club (leader_id);
CREATE INDEX club_dept ON club (dept_id);

CREATE TABLE club_member (
	id bigint PRIMARY KEY,		-- given by inno_next_id (0001)
	club_id bigint NOT NULL REFERENCES club (id) DEFERRABLE INITIALLY IMMEDIATE,
	employee_id bigint NOT NULL REFERENCES employee (id) DEFERRABLE INITIALLY IMMEDIATE,
	joined text COLLATE "C" NOT NULL,
	"left" text COLLATE "C",			-- NULL: still a member
	CHECK ("left" IS NULL OR "left" >= joined)
);
CREATE TRIGGER club_member_next_id BEFORE INSERT ON club_member
FOR EACH ROW EXECUTE FUNCTION inno_next_id();
CREATE INDEX club_member_club ON club_member (club_id, joined);
CREATE INDEX club_member_employee ON club_member (employee_id);

-- 활동비 지원: grants from the office's yearly club budget ([club] budget).
CREATE TABLE club_grant (
	id bigint PRIMARY KEY,		-- given by inno_next_id (0001)
	club_id bigint NOT NULL REFERENCES club (id) DEFERRABLE INITIALLY IMMEDIATE,
	date text COLLATE "C" NOT NULL,
	amount bigint NOT NULL CHECK (amount > 0),
	purpose text COLLATE "C" NOT NULL DEFAULT ''
);
CREATE TRIGGER club_grant_next_id BEFORE INSERT ON club_grant
FOR EACH ROW EXECUTE FUNCTION inno_next_id();
CREATE INDEX club_grant_club ON club_grant (club_id);
CREATE INDEX club_grant_date ON club_grant (date);

-- Seminars, visits to other institutions, invited lecturers, and contest
-- entries and results (경진대회).
CREATE TABLE club_activity (
	id bigint PRIMARY KEY,		-- given by inno_next_id (0001)
	club_id bigint NOT NULL REFERENCES club (id) DEFERRABLE INITIALLY IMMEDIATE,
	kind text COLLATE "C" NOT NULL
	    CHECK (kind IN ('seminar', 'visit', 'lecturer',
	    'contest-entry', 'contest-result')),
	date text COLLATE "C" NOT NULL,
	attendees bigint CHECK (attendees IS NULL OR attendees >= 0),
	result text COLLATE "C" NOT NULL DEFAULT '',	-- a contest's prize
	note text COLLATE "C" NOT NULL DEFAULT ''
);
CREATE TRIGGER club_activity_next_id BEFORE INSERT ON club_activity
FOR EACH ROW EXECUTE FUNCTION inno_next_id();
CREATE INDEX club_activity_club ON club_activity (club_id);
CREATE INDEX club_activity_date ON club_activity (date);

-- 혁신주도그룹: grp is the group's key in inno.ini ([group.KEY]); the
-- grade is the employee's when joining, kept for the record.
CREATE TABLE group_member (
	id bigint PRIMARY KEY,		-- given by inno_next_id (0001)
	grp text COLLATE "C" NOT NULL,
	employee_id bigint NOT NULL REFERENCES employee (id) DEFERRABLE INITIALLY IMMEDIATE,
	grade bigint NOT NULL CHECK (grade BETWEEN 1 AND 9),
	joined text COLLATE "C" NOT NULL,
	"left" text COLLATE "C",
	CHECK ("left" IS NULL OR "left" >= joined)
);
CREATE TRIGGER group_member_next_id BEFORE INSERT ON group_member
FOR EACH ROW EXECUTE FUNCTION inno_next_id();
CREATE INDEX group_member_grp ON group_member (grp, joined);
CREATE INDEX group_member_employee ON group_member (employee_id);

-- A course is one round (차) of a programme: the e-learning rounds of a
-- year share a name and differ by round.
CREATE TABLE course (
	id bigint PRIMARY KEY,		-- given by inno_next_id (0001)
	name text COLLATE "C" NOT NULL,
	kind text COLLATE "C" NOT NULL CHECK (kind IN ('e-learning', 'special',
	    'workshop')),
	round bigint NOT NULL DEFAULT 1 CHECK (round >= 1),
	start text COLLATE "C" NOT NULL,
	"end" text COLLATE "C" NOT NULL,
	hours bigint CHECK (hours IS NULL OR hours >= 0),
	-- target group, as words
	target text COLLATE "C" NOT NULL DEFAULT '',
	UNIQUE (name, round),
	CHECK ("end" >= start)
);
CREATE TRIGGER course_next_id BEFORE INSERT ON course
FOR EACH ROW EXECUTE FUNCTION inno_next_id();
CREATE INDEX course_start ON course (start);

CREATE TABLE enrolment (
	id bigint PRIMARY KEY,		-- given by inno_next_id (0001)
	course_id bigint NOT NULL REFERENCES course (id) DEFERRABLE INITIALLY IMMEDIATE,
	employee_id bigint NOT NULL REFERENCES employee (id) DEFERRABLE INITIALLY IMMEDIATE,
	status text COLLATE "C" NOT NULL DEFAULT 'enrolled'
	    CHECK (status IN ('enrolled', 'completed', 'dropped')),
	completed text COLLATE "C",	-- the date of completion
	UNIQUE (course_id, employee_id),
	CHECK ((status = 'completed') = (completed IS NOT NULL))
);
CREATE TRIGGER enrolment_next_id BEFORE INSERT ON enrolment
FOR EACH ROW EXECUTE FUNCTION inno_next_id();
CREATE INDEX enrolment_employee ON enrolment (employee_id);

UPDATE inno_schema SET version = 4;
