-- Journal numbers as staff see them: per financial entity, 1, 2, 3 ... without gaps, given to a
-- batch's journals when it is posted (a batch voided before posting leaves no hole). The internal id
-- stays the key; ids are reserved in blocks and have gaps. The numbers are rows of their own, written
-- once at posting: a posted journal's row is never rewritten.
CREATE TABLE posted_journal_number (
    journal_id  bigint PRIMARY KEY,
    entity_code text NOT NULL,
    number      bigint NOT NULL CHECK (number > 0),
    UNIQUE (entity_code, number)
);

-- The last number given per entity; posting takes the next ones under this row's lock, so two
-- batches of one entity posted at the same moment get consecutive numbers, never the same.
CREATE TABLE journal_number (
    entity_code text PRIMARY KEY,
    last_number bigint NOT NULL CHECK (last_number >= 0)
);

-- The journals posted before this version, numbered in the order their batches were posted.
INSERT INTO posted_journal_number (journal_id, entity_code, number)
SELECT p.id, p.entity_code, row_number() OVER (PARTITION BY p.entity_code ORDER BY b.posted_at, p.id)
  FROM journal p JOIN batch b ON b.id = p.batch_id
 WHERE b.status = 'POSTED';
INSERT INTO journal_number (entity_code, last_number)
SELECT entity_code, max(number) FROM posted_journal_number GROUP BY entity_code;

-- A number, once given, never changes and is never taken back.
CREATE FUNCTION journal_numbers_are_final() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'journal % is posted as number % of %: journal numbers are given once and never changed',
        OLD.journal_id, OLD.number, OLD.entity_code USING ERRCODE = 'integrity_constraint_violation';
END $$;

CREATE TRIGGER posted_journal_number_final BEFORE UPDATE OR DELETE ON posted_journal_number
    FOR EACH ROW EXECUTE FUNCTION journal_numbers_are_final();

-- A batch is posted only with every journal numbered.
CREATE FUNCTION posted_journals_are_numbered() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM journal j WHERE j.batch_id = NEW.id
                  AND NOT EXISTS (SELECT 1 FROM posted_journal_number n WHERE n.journal_id = j.id)) THEN
        RAISE EXCEPTION 'batch % cannot be posted: a journal of it has no number', NEW.id
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER batch_posted_journals_numbered AFTER UPDATE OF status ON batch
    FOR EACH ROW WHEN (NEW.status = 'POSTED' AND OLD.status IS DISTINCT FROM 'POSTED')
    EXECUTE FUNCTION posted_journals_are_numbered();
