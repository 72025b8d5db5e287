-- 0014-records.sql: awards and courses belong to a programme.
-- The PostgreSQL translation of share/schema/0014-records.sql (see
-- 0001-core.sql for how the translation goes).
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

ALTER TABLE award ADD COLUMN kind text COLLATE "C" NOT NULL DEFAULT 'award'
    CHECK (kind IN ('award', 'designation', 'evaluation'));
ALTER TABLE award ADD COLUMN programme text COLLATE "C"
    CHECK (programme IS NULL OR length(programme) > 0);
ALTER TABLE award ADD COLUMN entrants bigint
    CHECK (entrants IS NULL OR entrants > 0);
ALTER TABLE award_fund ADD COLUMN major bigint NOT NULL DEFAULT 0
    CHECK (major IN (0, 1));

ALTER TABLE course ADD COLUMN programme text COLLATE "C"
    CHECK (programme IS NULL OR length(programme) > 0);
ALTER TABLE course ADD COLUMN attended bigint
    CHECK (attended IS NULL OR attended >= 0);
ALTER TABLE course ADD COLUMN catalogue bigint
    CHECK (catalogue IS NULL OR catalogue >= 0);
ALTER TABLE course ADD COLUMN catalogue_name text COLLATE "C";

-- A scheduled event may fall in several months printed as one
-- ("2007. 7월·12월"): months lists them, space-separated YYYY-MM, and
-- starts and ends span them.  An event with no date ("필요시") has its
-- words in undated and spans the year it belongs to.
ALTER TABLE schedule ADD COLUMN months text COLLATE "C";
ALTER TABLE schedule ADD COLUMN undated text COLLATE "C"
    CHECK (undated IS NULL OR length(undated) > 0);

-- The tasks the council report names under the task forces (개별공시지가
-- 민원문자 서비스 제공, ...): task-update --named marks them.
ALTER TABLE task ADD COLUMN named bigint NOT NULL DEFAULT 0
    CHECK (named IN (0, 1));

-- The columns added above are kept in the change log too: SQLite's
-- update and delete triggers of these tables are made again with every
-- column, so that inno-undo restores a row whole (0010-undo.sql).  Here
-- they call inno_log_change, whose row_to_json(OLD) has every column the
-- table has, the new ones last, as SQLite's triggers now list them; the
-- triggers stay as they are.

UPDATE inno_schema SET version = 14;
