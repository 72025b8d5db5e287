-- 0004-club.sql: learning clubs (학습·연구 동아리) with their members,
-- grants and activities; the innovation leader groups (혁신주도그룹); and
-- training courses (교육) with their enrolments.
--
-- Memberships are periods [joined, left] so that a club's or a group's
-- membership on any date can be counted; left is NULL while the member
-- stays.  Money is an integer count of won.

CREATE TABLE club (
	id INTEGER PRIMARY KEY,
	name TEXT NOT NULL UNIQUE,
	kind TEXT NOT NULL CHECK (kind IN ('strategic', 'departmental')),
	topic TEXT NOT NULL DEFAULT '',
	leader_id INTEGER REFERENCES employee (id),
	dept_id INTEGER REFERENCES dept (id),
	registered TEXT NOT NULL
);
CREATE INDEX club_leader ON club (leader_id);
CREATE INDEX club_dept ON club (dept_id);

CREATE TABLE club_member (
	id INTEGER PRIMARY KEY,
	club_id INTEGER NOT NULL REFERENCES club (id),
	employee_id INTEGER NOT NULL REFERENCES employee (id),
	joined TEXT NOT NULL,
	left TEXT,			-- NULL: still a member
	CHECK (left IS NULL OR left >= joined)
);
CREATE INDEX club_member_club ON club_member (club_id, joined);
CREATE INDEX club_member_employee ON club_member (employee_id);

-- 활동비 지원: grants from the office's yearly club budget ([club] budget).
CREATE TABLE club_grant (
	id INTEGER PRIMARY KEY,
	club_id INTEGER NOT NULL REFERENCES club (id),
	date TEXT NOT NULL,
	amount INTEGER NOT NULL CHECK (amount > 0),
	purpose TEXT NOT NULL DEFAULT ''
);
CREATE INDEX club_grant_club ON club_grant (club_id);
CREATE INDEX club_grant_date ON club_grant (date);

-- Seminars, visits to other institutions, invited lecturers, and contest
-- entries and results (경진대회).
CREATE TABLE club_activity (
	id INTEGER PRIMARY KEY,
	club_id INTEGER NOT NULL REFERENCES club (id),
	kind TEXT NOT NULL CHECK (kind IN ('seminar', 'visit', 'lecturer',
	    'contest-entry', 'contest-result')),
	date TEXT NOT NULL,
	attendees INTEGER CHECK (attendees IS NULL OR attendees >= 0),
	result TEXT NOT NULL DEFAULT '',	-- a contest's prize
	note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX club_activity_club ON club_activity (club_id);
CREATE INDEX club_activity_date ON club_activity (date);

-- 혁신주도그룹: grp is the group's key in inno.ini ([group.KEY]); the
-- grade is the employee's when joining, kept for the record.
CREATE TABLE group_member (
	id INTEGER PRIMARY KEY,
	grp TEXT NOT NULL,
	employee_id INTEGER NOT NULL REFERENCES employee (id),
	grade INTEGER NOT NULL CHECK (grade BETWEEN 1 AND 9),
	joined TEXT NOT NULL,
	left TEXT,
	CHECK (left IS NULL OR left >= joined)
);
CREATE INDEX group_member_grp ON group_member (grp, joined);
CREATE INDEX group_member_employee ON group_member (employee_id);

-- A course is one round (차) of a programme: the e-learning rounds of a
-- year share a name and differ by round.
CREATE TABLE course (
	id INTEGER PRIMARY KEY,
	name TEXT NOT NULL,
	kind TEXT NOT NULL CHECK (kind IN ('e-learning', 'special',
	    'workshop')),
	round INTEGER NOT NULL DEFAULT 1 CHECK (round >= 1),
	start TEXT NOT NULL,
	end TEXT NOT NULL,
	hours INTEGER CHECK (hours IS NULL OR hours >= 0),
	target TEXT NOT NULL DEFAULT '',	-- target group, as words
	UNIQUE (name, round),
	CHECK (end >= start)
);
CREATE INDEX course_start ON course (start);

CREATE TABLE enrolment (
	id INTEGER PRIMARY KEY,
	course_id INTEGER NOT NULL REFERENCES course (id),
	employee_id INTEGER NOT NULL REFERENCES employee (id),
	status TEXT NOT NULL DEFAULT 'enrolled'
	    CHECK (status IN ('enrolled', 'completed', 'dropped')),
	completed TEXT,			-- the date of completion
	UNIQUE (course_id, employee_id),
	CHECK ((status = 'completed') = (completed IS NOT NULL))
);
CREATE INDEX enrolment_employee ON enrolment (employee_id);
