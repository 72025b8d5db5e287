-- 0006-report.sql: the office's scheduled events (향후추진계획): meetings,
-- contests, evaluations and campaigns planned for a programme of the
-- council report.  report-build shows those still ahead of its as-of date
-- under the programme's section, and all of a year in the year plan.
-- The PostgreSQL translation of share/schema/0006-report.sql (see
-- 0001-core.sql for how the translation goes).
--
-- section is the programme's section name in the report wording
-- (share/report/report.ini), such as "tasks".  An event planned only to
-- the month has precision 'month' and runs from the month's first day to
-- the last day of its last month.
CREATE TABLE schedule (
	id bigint PRIMARY KEY,		-- given by inno_next_id (0001)
	section text COLLATE "C" NOT NULL
	    CHECK (length(section) BETWEEN 1 AND 64),
	starts text COLLATE "C" NOT NULL CHECK (starts ~
	    '^[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]$'),
	ends text COLLATE "C" NOT NULL CHECK (ends ~
	    '^[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]$'),
	precision text COLLATE "C" NOT NULL DEFAULT 'day'
	    CHECK (precision IN ('day', 'month')),
	what text COLLATE "C" NOT NULL CHECK (length(what) > 0),
	CHECK (ends >= starts)
);
CREATE TRIGGER schedule_next_id BEFORE INSERT ON schedule
FOR EACH ROW EXECUTE FUNCTION inno_next_id();
CREATE INDEX schedule_section ON schedule (section, starts);
CREATE INDEX schedule_ends ON schedule (ends);

UPDATE inno_schema SET version = 6;
