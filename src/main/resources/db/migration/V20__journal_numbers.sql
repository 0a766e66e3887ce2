-- Journal numbers as staff see them: per financial entity, 1, 2, 3 ... without gaps, given to a
-- batch's journals when it is posted (a batch voided before posting leaves no hole). The internal id
-- stays the key; ids are reserved in blocks and have gaps.
ALTER TABLE journal ADD COLUMN number bigint CHECK (number > 0);

-- The last number given per entity; posting takes the next ones under this row's lock, so two
-- batches of one entity posted at the same moment get consecutive numbers, never the same.
CREATE TABLE journal_number (
    entity_code text PRIMARY KEY,
    last_number bigint NOT NULL CHECK (last_number >= 0)
);

-- The journals posted before this version, numbered in the order their batches were posted.
UPDATE journal j SET number = numbered.number
  FROM (SELECT p.id, row_number() OVER (PARTITION BY p.entity_code ORDER BY b.posted_at, p.id) AS number
          FROM journal p JOIN batch b ON b.id = p.batch_id
         WHERE b.status = 'POSTED') numbered
 WHERE j.id = numbered.id;
INSERT INTO journal_number (entity_code, last_number)
SELECT entity_code, max(number) FROM journal WHERE number IS NOT NULL GROUP BY entity_code;

-- A posted journal's number never changes, like the rest of it.
DROP TRIGGER journal_immutable_when_posted ON journal;
CREATE TRIGGER journal_immutable_when_posted BEFORE UPDATE ON journal
    FOR EACH ROW WHEN ((OLD.entity_code, OLD.batch_id, OLD.journal_date, OLD.source, OLD.description, OLD.reverses_journal_id,
                        OLD.reversal_reason, OLD.created_at, OLD.created_by, OLD.id, OLD.number)
                       IS DISTINCT FROM
                       (NEW.entity_code, NEW.batch_id, NEW.journal_date, NEW.source, NEW.description, NEW.reverses_journal_id,
                        NEW.reversal_reason, NEW.created_at, NEW.created_by, NEW.id, NEW.number))
    EXECUTE FUNCTION journal_of_posted_batch_is_immutable();

-- A batch is posted only with every journal numbered.
CREATE FUNCTION posted_journals_are_numbered() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM journal WHERE batch_id = NEW.id AND number IS NULL) THEN
        RAISE EXCEPTION 'batch % cannot be posted: a journal of it has no number', NEW.id
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER batch_posted_journals_numbered AFTER UPDATE OF status ON batch
    FOR EACH ROW WHEN (NEW.status = 'POSTED' AND OLD.status IS DISTINCT FROM 'POSTED')
    EXECUTE FUNCTION posted_journals_are_numbered();
