-- Corrections: credits applied to invoices, posted batches reversed, voided or reversed imports
-- imported again.

-- the account that carries realized exchange gains and losses on foreign-currency documents
ALTER TABLE account DROP CONSTRAINT account_role_check, ADD CONSTRAINT account_role_check
    CHECK (role IN ('AR_CONTROL', 'AP_CONTROL', 'UNAPPLIED_CREDIT', 'TAX_PAYABLE', 'OPENING_BALANCE', 'INTER_ENTITY',
                    'FX_GAIN_LOSS'));

-- A credit (an unapplied payment, a prepayment, a credit memo) applied to an invoice writes two
-- applications of kind CREDIT, one on each document, both naming the batch of the journal that
-- moved the money: undoing the batch finds them through it. Payments are found through `payment`.
ALTER TABLE application ADD COLUMN batch_id bigint;
CREATE INDEX application_by_batch ON application (batch_id) WHERE batch_id IS NOT NULL;

-- The import that opened a batch: once every batch of an import is voided or reversed, the
-- import is 'undone' and the same bytes import again.
ALTER TABLE batch ADD COLUMN import_run_id bigint;
-- set on a posted batch when the batch reversing all its journals is posted
ALTER TABLE batch ADD COLUMN reversed_by_batch_id bigint;
CREATE INDEX batch_by_import_run ON batch (import_run_id) WHERE import_run_id IS NOT NULL;

-- Undoing this batch undoes its import: every other batch of the same import is voided or reversed.
CREATE FUNCTION last_live_batch_of_its_import(p_batch bigint) RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT b.import_run_id IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM batch o
                            WHERE o.import_run_id = b.import_run_id AND o.id <> b.id
                              AND o.status <> 'VOIDED' AND o.reversed_by_batch_id IS NULL)
      FROM batch b WHERE b.id = p_batch
$$;

ALTER TABLE import_run DROP CONSTRAINT import_run_status_check, ADD CONSTRAINT import_run_status_check
    CHECK (status IN ('committed', 'rejected', 'undone'));

-- a voided or reversed iMIS batch forgets its lines, found by the ledger batch that posted them
CREATE INDEX imis_line_posted_by_batch ON imis_line_posted (journal_batch);

-- A POSTED batch stays final, but for the one mark of the batch that reverses it, set once.
CREATE OR REPLACE FUNCTION batch_lifecycle() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF OLD.status = 'POSTED' THEN
            RAISE EXCEPTION 'batch % is posted and cannot be deleted', OLD.name USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN OLD;
    END IF;
    IF OLD.status IN ('POSTED', 'VOIDED')
       AND to_jsonb(NEW) - 'reversed_by_batch_id' IS DISTINCT FROM to_jsonb(OLD) - 'reversed_by_batch_id' THEN
        RAISE EXCEPTION 'batch % is % and cannot change', OLD.name, lower(OLD.status) USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF NEW.reversed_by_batch_id IS DISTINCT FROM OLD.reversed_by_batch_id
       AND (OLD.reversed_by_batch_id IS NOT NULL OR OLD.status <> 'POSTED'
            OR NOT EXISTS (SELECT 1 FROM batch r WHERE r.id = NEW.reversed_by_batch_id AND r.batch_type = 'REVERSAL')) THEN
        RAISE EXCEPTION 'batch % is reversed once, by a REVERSAL batch, after it is posted', OLD.name
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF NEW.status = 'POSTED' AND OLD.status <> 'POSTED' THEN
        IF OLD.status <> 'READY' THEN
            RAISE EXCEPTION 'batch % is % and only READY batches post', OLD.name, OLD.status USING ERRCODE = 'check_violation';
        END IF;
        IF EXISTS (SELECT 1 FROM journal j WHERE j.batch_id = NEW.id
                      AND NOT EXISTS (SELECT 1 FROM journal_line l WHERE l.journal_id = j.id)) THEN
            RAISE EXCEPTION 'batch % holds a journal without lines', OLD.name USING ERRCODE = 'check_violation';
        END IF;
    END IF;
    RETURN NEW;
END $$;

-- `documents apply-credits` starts from the parties with an open credit: a few rows of a big table
CREATE INDEX document_open_credit ON document (party_id)
    WHERE module = 'AR' AND doc_type IN ('PAYMENT', 'PREPAYMENT', 'CREDIT_MEMO') AND status = 'OPEN';
