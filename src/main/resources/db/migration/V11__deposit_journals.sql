-- Payments post deposit journals: per import, entity, deposit date and deposit account, one
-- journal whose lines are summed by account, each line with the count of payments in it. The
-- detail stays in the subledger: every payment names the journal its cash is summed into.

-- how many payments a summed line holds (null: a line of one journal's own)
ALTER TABLE journal_line ADD COLUMN payment_count int CHECK (payment_count > 0);

-- a deposit's journal in another entity (the invoices it paid there, through the inter-entity
-- accounts) names the cash entity's journal of that deposit, whose payments it was received with
ALTER TABLE journal ADD COLUMN deposit_journal_id bigint;

-- the cash entity's journal the payment is summed into (its own journal with --gl-detail payment)
ALTER TABLE payment ADD COLUMN journal_id bigint;

-- A payment is known by its import and row, as its number PAY-<import>-<row> says. Keys that grow
-- as the file is read go to the right end of the index: the text key (entity, number) landed all
-- over it and cost twice the row itself (4 of the 6.5 s of a million payments' index upkeep). The
-- drill-down from a journal to its payments reads its import's payments along this key, in file
-- order; what each paid is found through its party's documents (no index entry more per payment
-- or application).
ALTER TABLE payment ALTER COLUMN import_run_id SET NOT NULL, ALTER COLUMN row_no SET NOT NULL;
ALTER TABLE payment DROP CONSTRAINT payment_pkey, ADD PRIMARY KEY (import_run_id, row_no);
-- batches of payments imported before their import was recorded on the batch: recorded now, so
-- that a void or a reversal finds their payments along the key (the batch's own rule lets nothing
-- change on a posted batch; this fills in a fact, changes none)
ALTER TABLE batch DISABLE TRIGGER batch_lifecycle;
UPDATE batch b SET import_run_id = p.import_run_id
  FROM (SELECT DISTINCT batch_id, import_run_id FROM payment) p
 WHERE b.id = p.batch_id AND b.import_run_id IS NULL;
ALTER TABLE batch ENABLE TRIGGER batch_lifecycle;

-- payments posted before: the journal of a payment is the one of its batch whose first line is its cash
UPDATE payment p
   SET journal_id = l.journal_id
  FROM journal_line l JOIN journal j ON j.entity_code = l.entity_code AND j.id = l.journal_id
 WHERE l.line_no = 1 AND l.entity_code = p.entity_code AND l.document_number = p.number AND j.batch_id = p.batch_id
   AND j.reverses_journal_id IS NULL;

-- what an entity's payments post to its GL: a deposit journal (the default) or a journal per payment
ALTER TABLE financial_entity ADD COLUMN payment_gl_detail text NOT NULL DEFAULT 'DEPOSIT'
    CHECK (payment_gl_detail IN ('DEPOSIT', 'PAYMENT'));

-- An update is checked for its party and entity only when it names them (moving a document to
-- another party): a payments import lowering 400,000 open balances no longer copies every new row
-- into a transition table to look up parties it did not change.
DROP TRIGGER document_update_references ON document;
CREATE FUNCTION document_update_references_exist() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM party p WHERE p.party_id = NEW.party_id) THEN
        RAISE EXCEPTION 'a document names an unknown party %', NEW.party_id USING ERRCODE = 'foreign_key_violation';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM financial_entity e WHERE e.code = NEW.entity_code) THEN
        RAISE EXCEPTION 'a document names an unknown entity %', NEW.entity_code USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER document_update_references AFTER UPDATE OF party_id, entity_code ON document
    FOR EACH ROW EXECUTE FUNCTION document_update_references_exist();
