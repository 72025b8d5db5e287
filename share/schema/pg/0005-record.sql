-- 0005-record.sql: benchmarking, ideas, knowledge, awards and budgets.
-- The PostgreSQL translation of share/schema/0005-record.sql (see
-- 0001-core.sql for how the translation goes).
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
	id bigint PRIMARY KEY,		-- given by inno_next_id (0001)
	kind text COLLATE "C" NOT NULL
	    CHECK (kind IN ('outgoing', 'incoming', 'presentation')),
	date text COLLATE "C" NOT NULL
	    CHECK (date ~ '^[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]$'),
	institution text COLLATE "C" NOT NULL CHECK (length(institution) > 0),
	sector text COLLATE "C"
	    CHECK (sector IS NULL OR sector IN ('public', 'private')),
	people bigint NOT NULL CHECK (people >= 0),
	speaker_id bigint REFERENCES employee (id) DEFERRABLE INITIALLY IMMEDIATE,
	findings text COLLATE "C",
	task_id bigint CHECK (task_id IS NULL OR task_id > 0),
	CHECK (kind = 'presentation' OR speaker_id IS NULL)
);
CREATE TRIGGER benchmark_next_id BEFORE INSERT ON benchmark
FOR EACH ROW EXECUTE FUNCTION inno_next_id();
CREATE INDEX benchmark_date ON benchmark (date);
CREATE INDEX benchmark_speaker ON benchmark (speaker_id);

-- The employees who took part in an outgoing visit.
CREATE TABLE benchmark_member (
	id bigint PRIMARY KEY,		-- given by inno_next_id (0001)
	benchmark_id bigint NOT NULL REFERENCES benchmark (id) DEFERRABLE INITIALLY IMMEDIATE,
	employee_id bigint NOT NULL REFERENCES employee (id) DEFERRABLE INITIALLY IMMEDIATE,
	UNIQUE (benchmark_id, employee_id)
);
CREATE TRIGGER benchmark_member_next_id BEFORE INSERT ON benchmark_member
FOR EACH ROW EXECUTE FUNCTION inno_next_id();
CREATE INDEX benchmark_member_employee ON benchmark_member (employee_id);

-- A review meeting (심의회) of ideas.
CREATE TABLE idea_meeting (
	id bigint PRIMARY KEY,		-- given by inno_next_id (0001)
	date text COLLATE "C" NOT NULL,
	name text COLLATE "C" NOT NULL,
	UNIQUE (date, name)
);
CREATE TRIGGER idea_meeting_next_id BEFORE INSERT ON idea_meeting
FOR EACH ROW EXECUTE FUNCTION inno_next_id();

-- An idea from a member of staff (employee_id) or a citizen (proposer).
-- status is the latest decision: pending until a meeting adopts or
-- rejects it; an adopted idea has the department that carries it out
-- (assigned_id) and an implementation status.
CREATE TABLE idea (
	id bigint PRIMARY KEY,		-- given by inno_next_id (0001)
	submitted text COLLATE "C" NOT NULL,
	title text COLLATE "C" NOT NULL CHECK (length(title) > 0),
	source text COLLATE "C" NOT NULL CHECK (source IN ('staff', 'citizen')),
	employee_id bigint REFERENCES employee (id) DEFERRABLE INITIALLY IMMEDIATE,
	proposer text COLLATE "C",
	dept_id bigint REFERENCES dept (id) DEFERRABLE INITIALLY IMMEDIATE,
	content text COLLATE "C",
	status text COLLATE "C" NOT NULL DEFAULT 'pending'
	    CHECK (status IN ('pending', 'adopted', 'rejected')),
	decided text COLLATE "C",
	assigned_id bigint REFERENCES dept (id) DEFERRABLE INITIALLY IMMEDIATE,
	implementation text COLLATE "C"
	    CHECK (implementation IS NULL OR implementation IN
	    ('planned', 'in_progress', 'done', 'dropped')),
	-- The review that adopted it: the record its adoption mileage
	-- refers to, and the one a reversal takes back.  It references
	-- idea_review (id), added once that table exists, below.
	adopted_by bigint,
	CHECK (source = 'citizen' OR employee_id IS NOT NULL),
	CHECK (source = 'staff' OR proposer IS NOT NULL),
	CHECK (status = 'adopted' OR (assigned_id IS NULL AND
	    implementation IS NULL))
);
CREATE TRIGGER idea_next_id BEFORE INSERT ON idea
FOR EACH ROW EXECUTE FUNCTION inno_next_id();
CREATE INDEX idea_employee ON idea (employee_id);
CREATE INDEX idea_dept ON idea (dept_id);
CREATE INDEX idea_assigned ON idea (assigned_id);
CREATE INDEX idea_submitted ON idea (submitted);
CREATE INDEX idea_adopted_by ON idea (adopted_by);

-- Every decision and implementation update, in order: the history the
-- idea's current status comes from.  decision is NULL for an
-- implementation update of an adopted idea.
CREATE TABLE idea_review (
	id bigint PRIMARY KEY,		-- given by inno_next_id (0001)
	idea_id bigint NOT NULL REFERENCES idea (id) DEFERRABLE INITIALLY IMMEDIATE,
	date text COLLATE "C" NOT NULL,
	meeting_id bigint REFERENCES idea_meeting (id) DEFERRABLE INITIALLY IMMEDIATE,
	decision text COLLATE "C" CHECK (decision IS NULL OR decision IN
	    ('adopted', 'rejected', 'pending')),
	assigned_id bigint REFERENCES dept (id) DEFERRABLE INITIALLY IMMEDIATE,
	implementation text COLLATE "C"
	    CHECK (implementation IS NULL OR implementation
	    IN ('planned', 'in_progress', 'done', 'dropped')),
	reason text COLLATE "C",
	CHECK (decision IS NOT NULL OR implementation IS NOT NULL)
);
CREATE TRIGGER idea_review_next_id BEFORE INSERT ON idea_review
FOR EACH ROW EXECUTE FUNCTION inno_next_id();
CREATE INDEX idea_review_idea ON idea_review (idea_id);
CREATE INDEX idea_review_meeting ON idea_review (meeting_id);
CREATE INDEX idea_review_assigned ON idea_review (assigned_id);
-- The two keys of a cycle (an idea and the review that adopted it, an
-- item and the evaluation that approved it) are DEFERRABLE, checked as
-- every other key unless a transaction defers them: a copy of a whole
-- database (inno-copy) writes one side before the other.
ALTER TABLE idea ADD FOREIGN KEY (adopted_by) REFERENCES idea_review (id) DEFERRABLE INITIALLY IMMEDIATE
    DEFERRABLE INITIALLY IMMEDIATE;

-- A knowledge item (지식): work knowledge, living knowledge or a work
-- manual.  status follows the latest expert evaluation.
CREATE TABLE knowledge (
	id bigint PRIMARY KEY,		-- given by inno_next_id (0001)
	kind text COLLATE "C" NOT NULL
	    CHECK (kind IN ('work', 'living', 'manual')),
	title text COLLATE "C" NOT NULL CHECK (length(title) > 0),
	author_id bigint NOT NULL REFERENCES employee (id) DEFERRABLE INITIALLY IMMEDIATE,
	dept_id bigint NOT NULL REFERENCES dept (id) DEFERRABLE INITIALLY IMMEDIATE,
	registered text COLLATE "C" NOT NULL,
	status text COLLATE "C" NOT NULL DEFAULT 'submitted'
	    CHECK (status IN ('submitted', 'approved', 'rejected')),
	-- The evaluation that approved it, which its mileage refers to;
	-- it references knowledge_eval (id), added below.
	approved_by bigint
);
CREATE TRIGGER knowledge_next_id BEFORE INSERT ON knowledge
FOR EACH ROW EXECUTE FUNCTION inno_next_id();
CREATE INDEX knowledge_author ON knowledge (author_id);
CREATE INDEX knowledge_dept ON knowledge (dept_id);
CREATE INDEX knowledge_registered ON knowledge (registered);
CREATE INDEX knowledge_approved_by ON knowledge (approved_by);

-- An expert evaluation of a knowledge item.
CREATE TABLE knowledge_eval (
	id bigint PRIMARY KEY,		-- given by inno_next_id (0001)
	knowledge_id bigint NOT NULL REFERENCES knowledge (id) DEFERRABLE INITIALLY IMMEDIATE,
	date text COLLATE "C" NOT NULL,
	evaluator_id bigint NOT NULL REFERENCES employee (id) DEFERRABLE INITIALLY IMMEDIATE,
	verdict text COLLATE "C" NOT NULL
	    CHECK (verdict IN ('approved', 'rejected')),
	reason text COLLATE "C"
);
CREATE TRIGGER knowledge_eval_next_id BEFORE INSERT ON knowledge_eval
FOR EACH ROW EXECUTE FUNCTION inno_next_id();
CREATE INDEX knowledge_eval_item ON knowledge_eval (knowledge_id);
CREATE INDEX knowledge_eval_evaluator ON knowledge_eval (evaluator_id);
ALTER TABLE knowledge ADD FOREIGN KEY (approved_by)
    REFERENCES knowledge_eval (id) DEFERRABLE INITIALLY IMMEDIATE;

-- Views of an item in a month, as the knowledge system counts them.
CREATE TABLE knowledge_view (
	id bigint PRIMARY KEY,		-- given by inno_next_id (0001)
	knowledge_id bigint NOT NULL REFERENCES knowledge (id) DEFERRABLE INITIALLY IMMEDIATE,
	month text COLLATE "C" NOT NULL,
	views bigint NOT NULL CHECK (views >= 0),
	UNIQUE (knowledge_id, month)
);
CREATE TRIGGER knowledge_view_next_id BEFORE INSERT ON knowledge_view
FOR EACH ROW EXECUTE FUNCTION inno_next_id();

-- An award the office received, with its incentive money in won.
CREATE TABLE award (
	id bigint PRIMARY KEY,		-- given by inno_next_id (0001)
	date text COLLATE "C" NOT NULL,
	name text COLLATE "C" NOT NULL CHECK (length(name) > 0),
	grantor text COLLATE "C",
	incentive bigint NOT NULL DEFAULT 0 CHECK (incentive >= 0),
	UNIQUE (date, name)
);
CREATE TRIGGER award_next_id BEFORE INSERT ON award
FOR EACH ROW EXECUTE FUNCTION inno_next_id();

-- A project an award's incentive funds, run by a department.
CREATE TABLE award_fund (
	id bigint PRIMARY KEY,		-- given by inno_next_id (0001)
	award_id bigint NOT NULL REFERENCES award (id) DEFERRABLE INITIALLY IMMEDIATE,
	project text COLLATE "C" NOT NULL CHECK (length(project) > 0),
	dept_id bigint NOT NULL REFERENCES dept (id) DEFERRABLE INITIALLY IMMEDIATE,
	amount bigint NOT NULL CHECK (amount > 0),
	UNIQUE (award_id, project)
);
CREATE TRIGGER award_fund_next_id BEFORE INSERT ON award_fund
FOR EACH ROW EXECUTE FUNCTION inno_next_id();
CREATE INDEX award_fund_dept ON award_fund (dept_id);

-- A programme's budget line for a year (사업개요): the amount in won, the
-- period it runs and what it does.
CREATE TABLE budget (
	id bigint PRIMARY KEY,		-- given by inno_next_id (0001)
	year bigint NOT NULL CHECK (year BETWEEN 1900 AND 2999),
	programme text COLLATE "C" NOT NULL CHECK (length(programme) > 0),
	amount bigint NOT NULL CHECK (amount >= 0),
	first text COLLATE "C",
	last text COLLATE "C",
	content text COLLATE "C",
	dept_id bigint REFERENCES dept (id) DEFERRABLE INITIALLY IMMEDIATE,
	UNIQUE (year, programme),
	CHECK (first IS NULL OR last IS NULL OR first <= last)
);
CREATE TRIGGER budget_next_id BEFORE INSERT ON budget
FOR EACH ROW EXECUTE FUNCTION inno_next_id();
CREATE INDEX budget_dept ON budget (dept_id);

-- Money spent against a budget line.
CREATE TABLE budget_spend (
	id bigint PRIMARY KEY,		-- given by inno_next_id (0001)
	budget_id bigint NOT NULL REFERENCES budget (id) DEFERRABLE INITIALLY IMMEDIATE,
	date text COLLATE "C" NOT NULL,
	amount bigint NOT NULL CHECK (amount > 0),
	purpose text COLLATE "C"
);
CREATE TRIGGER budget_spend_next_id BEFORE INSERT ON budget_spend
FOR EACH ROW EXECUTE FUNCTION inno_next_id();
CREATE INDEX budget_spend_budget ON budget_spend (budget_id);

UPDATE inno_schema SET version = 5;
