-- 0006-report.sql: the office's scheduled events (향후추진계획): meetings,
-- contests, evaluations and campaigns planned for a programme of the
-- council report.  report-build shows those still ahead of its as-of date
-- under the programme's section, and all of a year in the year plan.
--
-- section is the programme's section name in the report wording
-- (share/report/report.ini), such as "tasks".  An event planned only to
-- the month has precision 'month' and runs from the month's first day to
-- the last day of its last month.
CREATE TABLE schedule (
	id INTEGER PRIMARY KEY,
	section TEXT NOT NULL CHECK (length(section) BETWEEN 1 AND 64),
	starts TEXT NOT NULL CHECK (starts GLOB
	    '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
	ends TEXT NOT NULL CHECK (ends GLOB
	    '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
	precision TEXT NOT NULL DEFAULT 'day'
	    CHECK (precision IN ('day', 'month')),
	what TEXT NOT NULL CHECK (length(what) > 0),
	CHECK (ends >= starts)
);
CREATE INDEX schedule_section ON schedule (section, starts);
CREATE INDEX schedule_ends ON schedule (ends);
