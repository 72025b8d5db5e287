-- 0014-records.sql: awards and courses belong to a programme.
--
-- An award has a kind: an award proper (수상), a designation (선도기관
-- 선정) or an evaluation result (혁신5단계 진입).  The council report's
-- "총 N종의 수상" counts the kinds the configuration names ([award]
-- counted), so a designation need not count as an award.  An award may
-- belong to a programme (the wording file's programme name, as a budget
-- line does), and then its section of the report shows it too, with the
-- number of institutions it was contested among.  The office marks the
-- funded projects it means by 주요 사업 (major).
--
-- A course belongs to a programme the same way, so the CS workshop lands
-- in 고객만족행정 and not in 교육·학습.  attended is the head count of a
-- course whose people are not enrolled one by one (a lecture to 1,156
-- staff in three rounds); catalogue and catalogue_name record the
-- catalogue of an e-learning round ("성과를 만드는 코칭의 기술 외 37과정").
-- The tables keep their change-log triggers of 0008-audit.sql: adding a
-- column does not rebuild a table.

ALTER TABLE award ADD COLUMN kind TEXT NOT NULL DEFAULT 'award'
    CHECK (kind IN ('award', 'designation', 'evaluation'));
ALTER TABLE award ADD COLUMN programme TEXT
    CHECK (programme IS NULL OR length(programme) > 0);
ALTER TABLE award ADD COLUMN entrants INTEGER
    CHECK (entrants IS NULL OR entrants > 0);
ALTER TABLE award_fund ADD COLUMN major INTEGER NOT NULL DEFAULT 0
    CHECK (major IN (0, 1));

ALTER TABLE course ADD COLUMN programme TEXT
    CHECK (programme IS NULL OR length(programme) > 0);
ALTER TABLE course ADD COLUMN attended INTEGER
    CHECK (attended IS NULL OR attended >= 0);
ALTER TABLE course ADD COLUMN catalogue INTEGER
    CHECK (catalogue IS NULL OR catalogue >= 0);
ALTER TABLE course ADD COLUMN catalogue_name TEXT;

-- A scheduled event may fall in several months printed as one
-- ("2007. 7월·12월"): months lists them, space-separated YYYY-MM, and
-- starts and ends span them.  An event with no date ("필요시") has its
-- words in undated and spans the year it belongs to.
ALTER TABLE schedule ADD COLUMN months TEXT;
ALTER TABLE schedule ADD COLUMN undated TEXT
    CHECK (undated IS NULL OR length(undated) > 0);

-- The tasks the council report names under the task forces (개별공시지가
-- 민원문자 서비스 제공, ...): task-update --named marks them.
ALTER TABLE task ADD COLUMN named INTEGER NOT NULL DEFAULT 0
    CHECK (named IN (0, 1));

-- The columns added above are kept in the change log too: the update and
-- delete triggers of these tables are made again with every column, so
-- that inno-undo restores a row whole (0010-undo.sql).

DROP TRIGGER award_log_update;
CREATE TRIGGER award_log_update AFTER UPDATE ON award
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES ('award', 'update', old.id,
	    json_object('id', old.id, 'date', old.date, 'name', old.name,
	    'grantor', old.grantor, 'incentive', old.incentive, 'kind',
	    old.kind, 'programme', old.programme, 'entrants', old.entrants));
END;

DROP TRIGGER award_log_delete;
CREATE TRIGGER award_log_delete AFTER DELETE ON award
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES ('award', 'delete', old.id,
	    json_object('id', old.id, 'date', old.date, 'name', old.name,
	    'grantor', old.grantor, 'incentive', old.incentive, 'kind',
	    old.kind, 'programme', old.programme, 'entrants', old.entrants));
END;

DROP TRIGGER award_fund_log_update;
CREATE TRIGGER award_fund_log_update AFTER UPDATE ON award_fund
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES ('award_fund', 'update', old.id,
	    json_object('id', old.id, 'award_id', old.award_id, 'project',
	    old.project, 'dept_id', old.dept_id, 'amount', old.amount,
	    'major', old.major));
END;

DROP TRIGGER award_fund_log_delete;
CREATE TRIGGER award_fund_log_delete AFTER DELETE ON award_fund
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES ('award_fund', 'delete', old.id,
	    json_object('id', old.id, 'award_id', old.award_id, 'project',
	    old.project, 'dept_id', old.dept_id, 'amount', old.amount,
	    'major', old.major));
END;

DROP TRIGGER course_log_update;
CREATE TRIGGER course_log_update AFTER UPDATE ON course
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES ('course', 'update', old.id,
	    json_object('id', old.id, 'name', old.name, 'kind', old.kind,
	    'round', old.round, 'start', old.start, 'end', old.end, 'hours',
	    old.hours, 'target', old.target, 'programme', old.programme,
	    'attended', old.attended, 'catalogue', old.catalogue,
	    'catalogue_name', old.catalogue_name));
END;

DROP TRIGGER course_log_delete;
CREATE TRIGGER course_log_delete AFTER DELETE ON course
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES ('course', 'delete', old.id,
	    json_object('id', old.id, 'name', old.name, 'kind', old.kind,
	    'round', old.round, 'start', old.start, 'end', old.end, 'hours',
	    old.hours, 'target', old.target, 'programme', old.programme,
	    'attended', old.attended, 'catalogue', old.catalogue,
	    'catalogue_name', old.catalogue_name));
END;

DROP TRIGGER schedule_log_update;
CREATE TRIGGER schedule_log_update AFTER UPDATE ON schedule
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES ('schedule', 'update', old.id,
	    json_object('id', old.id, 'section', old.section, 'starts',
	    old.starts, 'ends', old.ends, 'precision', old.precision,
	    'what', old.what, 'months', old.months, 'undated', old.undated));
END;

DROP TRIGGER schedule_log_delete;
CREATE TRIGGER schedule_log_delete AFTER DELETE ON schedule
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES ('schedule', 'delete', old.id,
	    json_object('id', old.id, 'section', old.section, 'starts',
	    old.starts, 'ends', old.ends, 'precision', old.precision,
	    'what', old.what, 'months', old.months, 'undated', old.undated));
END;

DROP TRIGGER task_log_update;
CREATE TRIGGER task_log_update AFTER UPDATE ON task
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES ('task', 'update', old.id,
	    json_object('id', old.id, 'title', old.title, 'field',
	    old.field, 'origin', old.origin, 'dept_id', old.dept_id,
	    'status', old.status, 'priority', old.priority, 'budget',
	    old.budget, 'start', old.start, 'due', old.due, 'named',
	    old.named));
END;

DROP TRIGGER task_log_delete;
CREATE TRIGGER task_log_delete AFTER DELETE ON task
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES ('task', 'delete', old.id,
	    json_object('id', old.id, 'title', old.title, 'field',
	    old.field, 'origin', old.origin, 'dept_id', old.dept_id,
	    'status', old.status, 'priority', old.priority, 'budget',
	    old.budget, 'start', old.start, 'due', old.due, 'named',
	    old.named));
END;
