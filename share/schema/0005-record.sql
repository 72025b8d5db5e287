-- 0005-record.sql: benchmarking, ideas, knowledge, awards and budgets.
--
-- The office's other records: visits out and in and the good-practice
-- presentations it gives (벤치마킹, 우수사례 보고회); staff and citizen ideas
-- with the review meetings that decide them (창의구정 아이디어); knowledge
-- items with expert evaluation and view counts (지식관리시스템); awards
-- with their incentive money and the projects it funds (인센티브); and
-- programme budget lines with spending against them (사업개요 소요예산).
-- Money is an integer count of won.

-- One benchmarking event.  outgoing: staff visit another institution;
-- incoming: another institution visits (people = visitors); presentation:
-- the office presents its good practice to an audience (people =
-- attendance, speaker = who gave it).  task_id names the innovation task an
-- outgoing visit inspired; it is a plain number because the task tables
-- belong to another migration.
CREATE TABLE benchmark (
	id INTEGER PRIMARY KEY,
	kind TEXT NOT NULL
	    CHECK (kind IN ('outgoing', 'incoming', 'presentation')),
	date TEXT NOT NULL CHECK (date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
	institution TEXT NOT NULL CHECK (length(institution) > 0),
	sector TEXT CHECK (sector IS NULL OR sector IN ('public', 'private')),
	people INTEGER NOT NULL CHECK (people >= 0),
	speaker_id INTEGER REFERENCES employee (id),
	findings TEXT,
	task_id INTEGER CHECK (task_id IS NULL OR task_id > 0),
	CHECK (kind = 'presentation' OR speaker_id IS NULL)
);
CREATE INDEX benchmark_date ON benchmark (date);
CREATE INDEX benchmark_speaker ON benchmark (speaker_id);

-- The employees who took part in an outgoing visit.
CREATE TABLE benchmark_member (
	id INTEGER PRIMARY KEY,
	benchmark_id INTEGER NOT NULL REFERENCES benchmark (id),
	employee_id INTEGER NOT NULL REFERENCES employee (id),
	UNIQUE (benchmark_id, employee_id)
);
CREATE INDEX benchmark_member_employee ON benchmark_member (employee_id);

-- A review meeting (심의회) of ideas.
CREATE TABLE idea_meeting (
	id INTEGER PRIMARY KEY,
	date TEXT NOT NULL,
	name TEXT NOT NULL,
	UNIQUE (date, name)
);

-- An idea from a member of staff (employee_id) or a citizen (proposer).
-- status is the latest decision: pending until a meeting adopts or
-- rejects it; an adopted idea has the department that carries it out
-- (assigned_id) and an implementation status.
CREATE TABLE idea (
	id INTEGER PRIMARY KEY,
	submitted TEXT NOT NULL,
	title TEXT NOT NULL CHECK (length(title) > 0),
	source TEXT NOT NULL CHECK (source IN ('staff', 'citizen')),
	employee_id INTEGER REFERENCES employee (id),
	proposer TEXT,
	dept_id INTEGER REFERENCES dept (id),
	content TEXT,
	status TEXT NOT NULL DEFAULT 'pending'
	    CHECK (status IN ('pending', 'adopted', 'rejected')),
	decided TEXT,
	assigned_id INTEGER REFERENCES dept (id),
	implementation TEXT
	    CHECK (implementation IS NULL OR implementation IN
	    ('planned', 'in_progress', 'done', 'dropped')),
	-- The review that adopted it: the record its adoption mileage
	-- refers to, and the one a reversal takes back.
	adopted_by INTEGER REFERENCES idea_review (id),
	CHECK (source = 'citizen' OR employee_id IS NOT NULL),
	CHECK (source = 'staff' OR proposer IS NOT NULL),
	CHECK (status = 'adopted' OR (assigned_id IS NULL AND
	    implementation IS NULL))
);
CREATE INDEX idea_employee ON idea (employee_id);
CREATE INDEX idea_dept ON idea (dept_id);
CREATE INDEX idea_assigned ON idea (assigned_id);
CREATE INDEX idea_submitted ON idea (submitted);
CREATE INDEX idea_adopted_by ON idea (adopted_by);

-- Every decision and implementation update, in order: the history the
-- idea's current status comes from.  decision is NULL for an
-- implementation update of an adopted idea.
CREATE TABLE idea_review (
	id INTEGER PRIMARY KEY,
	idea_id INTEGER NOT NULL REFERENCES idea (id),
	date TEXT NOT NULL,
	meeting_id INTEGER REFERENCES idea_meeting (id),
	decision TEXT CHECK (decision IS NULL OR decision IN
	    ('adopted', 'rejected', 'pending')),
	assigned_id INTEGER REFERENCES dept (id),
	implementation TEXT CHECK (implementation IS NULL OR implementation
	    IN ('planned', 'in_progress', 'done', 'dropped')),
	reason TEXT,
	CHECK (decision IS NOT NULL OR implementation IS NOT NULL)
);
CREATE INDEX idea_review_idea ON idea_review (idea_id);
CREATE INDEX idea_review_meeting ON idea_review (meeting_id);
CREATE INDEX idea_review_assigned ON idea_review (assigned_id);

-- A knowledge item (지식): work knowledge, living knowledge or a work
-- manual.  status follows the latest expert evaluation.
CREATE TABLE knowledge (
	id INTEGER PRIMARY KEY,
	kind TEXT NOT NULL CHECK (kind IN ('work', 'living', 'manual')),
	title TEXT NOT NULL CHECK (length(title) > 0),
	author_id INTEGER NOT NULL REFERENCES employee (id),
	dept_id INTEGER NOT NULL REFERENCES dept (id),
	registered TEXT NOT NULL,
	status TEXT NOT NULL DEFAULT 'submitted'
	    CHECK (status IN ('submitted', 'approved', 'rejected')),
	-- The evaluation that approved it, which its mileage refers to.
	approved_by INTEGER REFERENCES knowledge_eval (id)
);
CREATE INDEX knowledge_author ON knowledge (author_id);
CREATE INDEX knowledge_dept ON knowledge (dept_id);
CREATE INDEX knowledge_registered ON knowledge (registered);
CREATE INDEX knowledge_approved_by ON knowledge (approved_by);

-- An expert evaluation of a knowledge item.
CREATE TABLE knowledge_eval (
	id INTEGER PRIMARY KEY,
	knowledge_id INTEGER NOT NULL REFERENCES knowledge (id),
	date TEXT NOT NULL,
	evaluator_id INTEGER NOT NULL REFERENCES employee (id),
	verdict TEXT NOT NULL CHECK (verdict IN ('approved', 'rejected')),
	reason TEXT
);
CREATE INDEX knowledge_eval_item ON knowledge_eval (knowledge_id);
CREATE INDEX knowledge_eval_evaluator ON knowledge_eval (evaluator_id);

-- Views of an item in a month, as the knowledge system counts them.
CREATE TABLE knowledge_view (
	id INTEGER PRIMARY KEY,
	knowledge_id INTEGER NOT NULL REFERENCES knowledge (id),
	month TEXT NOT NULL,
	views INTEGER NOT NULL CHECK (views >= 0),
	UNIQUE (knowledge_id, month)
);

-- An award the office received, with its incentive money in won.
CREATE TABLE award (
	id INTEGER PRIMARY KEY,
	date TEXT NOT NULL,
	name TEXT NOT NULL CHECK (length(name) > 0),
	grantor TEXT,
	incentive INTEGER NOT NULL DEFAULT 0 CHECK (incentive >= 0),
	UNIQUE (date, name)
);

-- A project an award's incentive funds, run by a department.
CREATE TABLE award_fund (
	id INTEGER PRIMARY KEY,
	award_id INTEGER NOT NULL REFERENCES award (id),
	project TEXT NOT NULL CHECK (length(project) > 0),
	dept_id INTEGER NOT NULL REFERENCES dept (id),
	amount INTEGER NOT NULL CHECK (amount > 0),
	UNIQUE (award_id, project)
);
CREATE INDEX award_fund_dept ON award_fund (dept_id);

-- A programme's budget line for a year (사업개요): the amount in won, the
-- period it runs and what it does.
CREATE TABLE budget (
	id INTEGER PRIMARY KEY,
	year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2999),
	programme TEXT NOT NULL CHECK (length(programme) > 0),
	amount INTEGER NOT NULL CHECK (amount >= 0),
	first TEXT,
	last TEXT,
	content TEXT,
	dept_id INTEGER REFERENCES dept (id),
	UNIQUE (year, programme),
	CHECK (first IS NULL OR last IS NULL OR first <= last)
);
CREATE INDEX budget_dept ON budget (dept_id);

-- Money spent against a budget line.
CREATE TABLE budget_spend (
	id INTEGER PRIMARY KEY,
	budget_id INTEGER NOT NULL REFERENCES budget (id),
	date TEXT NOT NULL,
	amount INTEGER NOT NULL CHECK (amount > 0),
	purpose TEXT
);
CREATE INDEX budget_spend_budget ON budget_spend (budget_id);
