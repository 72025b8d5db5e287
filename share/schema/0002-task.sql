-- 0002-task.sql: innovation tasks (혁신과제), their task forces, milestones,
-- progress log and pool scores.
--
-- The field of a task is one of the fields configured in inno.ini (the list
-- changes from year to year, so the schema does not fix it); the statuses
-- are fixed here, and the moves between them are configured.

CREATE TABLE task (
	id INTEGER PRIMARY KEY,
	title TEXT NOT NULL CHECK (length(title) > 0),
	field TEXT NOT NULL,
	origin TEXT NOT NULL DEFAULT 'own'
	    CHECK (origin IN ('common', 'own', 'assigned')),
	dept_id INTEGER NOT NULL REFERENCES dept (id),
	status TEXT NOT NULL DEFAULT 'pool'
	    CHECK (status IN ('pool', 'selected', 'in_progress', 'completed',
	    'dropped')),
	priority INTEGER CHECK (priority IS NULL OR priority BETWEEN 0 AND 1000),
	budget INTEGER CHECK (budget IS NULL OR budget >= 0),	-- won
	start TEXT,
	due TEXT,
	CHECK (start IS NULL OR due IS NULL OR due >= start)
);
CREATE INDEX task_dept ON task (dept_id);
CREATE INDEX task_field ON task (field);

-- The task force (TFT): employees with a role; a member who leaves keeps
-- the row with the date, so the force's history stays answerable.
CREATE TABLE task_member (
	id INTEGER PRIMARY KEY,
	task_id INTEGER NOT NULL REFERENCES task (id),
	employee_id INTEGER NOT NULL REFERENCES employee (id),
	role TEXT NOT NULL DEFAULT 'member' CHECK (length(role) > 0),
	joined TEXT NOT NULL,
	left TEXT
);
CREATE INDEX task_member_task ON task_member (task_id);
CREATE INDEX task_member_employee ON task_member (employee_id);
CREATE UNIQUE INDEX task_member_current ON task_member (task_id, employee_id)
    WHERE left IS NULL;

-- Dated milestones of the roadmap; done is the date it was reached.
CREATE TABLE task_milestone (
	id INTEGER PRIMARY KEY,
	task_id INTEGER NOT NULL REFERENCES task (id),
	title TEXT NOT NULL CHECK (length(title) > 0),
	due TEXT NOT NULL,
	done TEXT,
	UNIQUE (task_id, title)
);
CREATE INDEX task_milestone_due ON task_milestone (due);

-- Progress entries, optionally reported at a report meeting (보고회).
CREATE TABLE task_log (
	id INTEGER PRIMARY KEY,
	task_id INTEGER NOT NULL REFERENCES task (id),
	date TEXT NOT NULL,
	note TEXT NOT NULL,
	percent INTEGER CHECK (percent IS NULL OR percent BETWEEN 0 AND 100),
	meeting TEXT
);
CREATE INDEX task_log_task ON task_log (task_id);

-- Pool prioritisation: a score per configured criterion; the task's
-- priority is their weighted mean.
CREATE TABLE task_score (
	id INTEGER PRIMARY KEY,
	task_id INTEGER NOT NULL REFERENCES task (id),
	criterion TEXT NOT NULL,
	score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 100),
	UNIQUE (task_id, criterion)
);
