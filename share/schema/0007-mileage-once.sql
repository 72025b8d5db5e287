-- 0007-mileage-once.sql: a record earns a category's mileage once, and a
-- stored MVP keeps the rules it was decided by.
--
-- Mileage an event earns refers to the record that earned it (ref_table,
-- ref_id): an idea, a knowledge item, a presentation, a club membership or
-- activity, an enrolment.  Whatever route an award takes (a review hook, a
-- pipe into mileage-award, a re-run), the ledger holds at most one live
-- entry per record and category: one that is neither a reversal nor
-- reversed.  An award reversed may be earned again.  A partial unique
-- index cannot see whether another row reverses an entry, so a trigger
-- holds the rule; it is served by the mileage_ref index.
CREATE TRIGGER mileage_once BEFORE INSERT ON mileage
WHEN NEW.ref_table IS NOT NULL AND NEW.reverses IS NULL AND EXISTS (
	SELECT 1 FROM mileage m WHERE m.ref_table = NEW.ref_table AND
	    m.ref_id = NEW.ref_id AND m.category = NEW.category AND
	    m.reverses IS NULL AND NOT EXISTS (SELECT 1 FROM mileage r WHERE
	    r.reverses = m.id))
BEGIN
	SELECT RAISE(ABORT, 'this record already earned its mileage in this category');
END;

-- Adoptions and approvals used to refer to the review or evaluation that
-- decided them; the record that earns is the idea or the knowledge item,
-- so that an idea piped into mileage-award is known to have earned it.
-- The ledger is append-only, so the rewrite lifts the trigger for its
-- own statement only.
DROP TRIGGER mileage_no_update;
UPDATE mileage SET ref_table = 'idea', ref_id = (SELECT idea_id FROM
    idea_review WHERE idea_review.id = mileage.ref_id)
    WHERE ref_table = 'idea_review';
UPDATE mileage SET ref_table = 'knowledge', ref_id = (SELECT knowledge_id
    FROM knowledge_eval WHERE knowledge_eval.id = mileage.ref_id)
    WHERE ref_table = 'knowledge_eval';
CREATE TRIGGER mileage_no_update BEFORE UPDATE ON mileage
BEGIN
	SELECT RAISE(ABORT, 'the mileage ledger is append-only; write a reversal');
END;

-- The [mvp] rules a result was decided by, as "key=value" lines in the
-- order of inno.ini; NULL for a result stored before this migration.
ALTER TABLE mileage_mvp ADD COLUMN rules TEXT;
