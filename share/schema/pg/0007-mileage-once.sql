-- 0007-mileage-once.sql: a record earns a category's mileage once, and a
-- stored MVP keeps the rules it was decided by.
-- The PostgreSQL translation of share/schema/0007-mileage-once.sql (see
-- 0001-core.sql for how the translation goes).
--
-- Mileage an event earns refers to the record that earned it (ref_table,
-- ref_id): an idea, a knowledge item, a presentation, a club membership or
-- activity, an enrolment.  Whatever route an award takes (a review hook, a
-- pipe into mileage-award, a re-run), the ledger holds at most one live
-- entry per record and category: one that is neither a reversal nor
-- reversed.  An award reversed may be earned again.  A partial unique
-- index cannot see whether another row reverses an entry, so a trigger
-- holds the rule; it is served by the mileage_ref index.
--
-- The trigger's WHEN keeps the conditions on the new row; the EXISTS of
-- SQLite's WHEN, a subquery, is the function's test.  Two transactions
-- at once cannot both pass it with the same record: each entry's id is
-- the largest plus one (0003-mileage.sql), so the second wants the
-- first's id and fails on the key once the first commits.
CREATE FUNCTION mileage_once() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF EXISTS (SELECT 1 FROM mileage m WHERE m.ref_table = NEW.ref_table
	    AND m.ref_id = NEW.ref_id AND m.category = NEW.category AND
	    m.reverses IS NULL AND NOT EXISTS (SELECT 1 FROM mileage r WHERE
	    r.reverses = m.id)) THEN
		RAISE EXCEPTION 'this record already earned its mileage in this category'
		    USING ERRCODE = 'integrity_constraint_violation';
	END IF;
	RETURN NEW;
END
$$;
CREATE TRIGGER mileage_once BEFORE INSERT ON mileage
FOR EACH ROW WHEN (NEW.ref_table IS NOT NULL AND NEW.reverses IS NULL)
EXECUTE FUNCTION mileage_once();

-- Adoptions and approvals used to refer to the review or evaluation that
-- decided them; the record that earns is the idea or the knowledge item,
-- so that an idea piped into mileage-award is known to have earned it.
-- The ledger is append-only, so the rewrite lifts the trigger for its
-- own statement only.  A database made on PostgreSQL has no entry yet
-- when this runs, so the rewrite changes nothing; it is kept so that the
-- two engines' migrations say the same.
DROP TRIGGER mileage_no_update ON mileage;
UPDATE mileage SET ref_table = 'idea', ref_id = (SELECT idea_id FROM
    idea_review WHERE idea_review.id = mileage.ref_id)
    WHERE ref_table = 'idea_review';
UPDATE mileage SET ref_table = 'knowledge', ref_id = (SELECT knowledge_id
    FROM knowledge_eval WHERE knowledge_eval.id = mileage.ref_id)
    WHERE ref_table = 'knowledge_eval';
CREATE TRIGGER mileage_no_update BEFORE UPDATE ON mileage
FOR EACH ROW EXECUTE FUNCTION
    inno_refuse('the mileage ledger is append-only; write a reversal');

-- The [mvp] rules a result was decided by, as "key=value" lines in the
-- order of inno.ini; NULL for a result stored before this migration.
ALTER TABLE mileage_mvp ADD COLUMN rules text COLLATE "C";

UPDATE inno_schema SET version = 7;
