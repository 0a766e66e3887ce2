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
-- drill-down from a journal to its payments, a page at a time, in file order
CREATE INDEX payment_by_journal ON payment (journal_id, row_no);
-- and from a payment to what it paid
CREATE INDEX application_by_payment ON application (reference, entity_code) WHERE kind = 'PAYMENT';

-- payments posted before: the journal of a payment is the one of its batch whose first line is its cash
UPDATE payment p
   SET journal_id = l.journal_id
  FROM journal_line l JOIN journal j ON j.entity_code = l.entity_code AND j.id = l.journal_id
 WHERE l.line_no = 1 AND l.entity_code = p.entity_code AND l.document_number = p.number AND j.batch_id = p.batch_id
   AND j.reverses_journal_id IS NULL;

-- what an entity's payments post to its GL: a deposit journal (the default) or a journal per payment
ALTER TABLE financial_entity ADD COLUMN payment_gl_detail text NOT NULL DEFAULT 'DEPOSIT'
    CHECK (payment_gl_detail IN ('DEPOSIT', 'PAYMENT'));
