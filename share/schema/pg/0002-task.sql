-- 0002-task.sql: innovation tasks (혁신과제), their task forces, milestones,
-- progress log and pool scores.
-- The PostgreSQL translation of share/schema/0002-task.sql (see
-- 0001-core.sql for how the translation goes).
--
-- The field of a task is one of the fields configured in inno.ini (the list
-- changes from year to year, so the schema does not fix it); the statuses
-- are fixed here, and the moves between them are configured.

CREATE TABLE task (
	id bigint PRIMARY KEY,		-- given by inno_next_id (0001)
	title text COLLATE "C" NOT NULL CHECK (length(title) > 0),
	field text COLLATE "C" NOT NULL,
	origin text COLLATE "C" NOT NULL DEFAULT 'own'
	    CHECK (origin IN ('common', 'own', 'assigned')),
	dept_id bigint NOT NULL REFERENCES dept (id) DEFERRABLE INITIALLY IMMEDIATE,
	status text COLLATE "C" NOT NULL DEFAULT 'pool'
	    CHECK (status IN ('pool', 'selected', 'in_progress', 'completed',
	    'dropped')),
	priority bigint CHECK (priority IS NULL OR priority BETWEEN 0 AND 1000),
	budget bigint CHECK (budget IS NULL OR budget >= 0),	-- won
	start text COLLATE "C",
	due text COLLATE "C",
	CHECK (start IS NULL OR due IS NULL OR due >= start)
);
CREATE TRIGGER task_next_id BEFORE INSERT ON task
FOR EACH ROW EXECUTE FUNCTION inno_next_id();
CREATE INDEX task_dept ON task (dept_id);
CREATE INDEX task_field ON task (field);

-- The task force (TFT): employees with a role; a member who leaves keeps
-- the row with the date, so the force's history stays answerable.
CREATE TABLE task_member (
	id bigint PRIMARY KEY,		-- given by inno_next_id (0001)
	task_id bigint NOT NULL REFERENCES task (id) DEFERRABLE INITIALLY IMMEDIATE,
	employee_id bigint NOT NULL REFERENCES employee (id) DEFERRABLE INITIALLY IMMEDIATE,
	role text COLLATE "C" NOT NULL DEFAULT 'member'
	    CHECK (length(role) > 0),
	joined text COLLATE "C" NOT NULL,
	"left" text COLLATE "C"
);
CREATE TRIGGER task_member_next_id BEFORE INSERT ON task_member
FOR EACH ROW EXECUTE FUNCTION inno_next_id();
CREATE INDEX task_member_task ON task_member (task_id);
CREATE INDEX task_member_employee ON task_member (employee_id);
CREATE UNIQUE INDEX task_member_current ON task_member (task_id, employee_id)
    WHERE "left" IS NULL;

-- Dated milestones of the roadmap; done is the date it was reached.
CREATE TABLE task_milestone (
	id bigint PRIMARY KEY,		-- given by inno_next_id (0001)
	task_id bigint NOT NULL REFERENCES task (id) DEFERRABLE INITIALLY IMMEDIATE,
	title text COLLATE "C" NOT NULL CHECK (length(title) > 0),
	due text COLLATE "C" NOT NULL,
	done text COLLATE "C",
	UNIQUE (task_id, title)
);
CREATE TRIGGER task_milestone_next_id BEFORE INSERT ON task_milestone
FOR EACH ROW EXECUTE FUNCTION inno_next_id();
CREATE INDEX task_milestone_due ON task_milestone (due);

-- Progress entries, optionally reported at a report meeting (보고회).
CREATE TABLE task_log (
	id bigint PRIMARY KEY,		-- given by inno_next_id (0001)
	task_id bigint NOT NULL REFERENCES task (id) DEFERRABLE INITIALLY IMMEDIATE,
	date text COLLATE "C" NOT NULL,
	note text COLLATE "C" NOT NULL,
	percent bigint CHECK (percent IS NULL OR percent BETWEEN 0 AND 100),
	meeting text COLLATE "C"
);
CREATE TRIGGER task_log_next_id BEFORE INSERT ON task_log
FOR EACH ROW EXECUTE FUNCTION inno_next_id();
CREATE INDEX task_log_task ON task_log (task_id);

-- Pool prioritisation: a score per configured criterion; the task's
-- priority is their weighted mean.
CREATE TABLE task_score (
	id bigint PRIMARY KEY,		-- given by inno_next_id (0001)
	task_id bigint NOT NULL REFERENCES task (id) DEFERRABLE INITIALLY IMMEDIATE,
	criterion text COLLATE "C" NOT NULL,
	score bigint NOT NULL CHECK (score BETWEEN 0 AND 100),
	UNIQUE (task_id, criterion)
);
CREATE TRIGGER task_score_next_id BEFORE INSERT ON task_score
FOR EACH ROW EXECUTE FUNCTION inno_next_id();

UPDATE inno_schema SET version = 2;
