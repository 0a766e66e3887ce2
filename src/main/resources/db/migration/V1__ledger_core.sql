-- LedgerBridge ledger core: entities, chart of accounts, parties, payment methods,
-- batches, journals and their lines, period closes, audit events, import runs.
-- Every ledger key carries the financial entity so a distributed PostgreSQL (Citus) can
-- shard by it; batches, audit events and import runs are reference tables.

CREATE TABLE financial_entity (
    code          text PRIMARY KEY CHECK (code ~ '^[A-Za-z0-9_.-]{1,20}$'),
    name          text NOT NULL,
    base_currency char(3) NOT NULL CHECK (base_currency ~ '^[A-Z]{3}$'),
    created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE account (
    entity_code  text NOT NULL REFERENCES financial_entity (code),
    account_code text NOT NULL CHECK (length(account_code) BETWEEN 1 AND 40),
    name         text NOT NULL,
    account_type text NOT NULL CHECK (account_type IN ('ASSET', 'LIABILITY', 'EQUITY', 'REVENUE', 'EXPENSE')),
    role         text CHECK (role IN ('AR_CONTROL', 'AP_CONTROL', 'UNAPPLIED_CREDIT', 'TAX_PAYABLE',
                                      'OPENING_BALANCE', 'INTER_ENTITY')),
    active       boolean NOT NULL DEFAULT true,
    PRIMARY KEY (entity_code, account_code)
);
-- "the AR control account of an entity" must name one account
CREATE UNIQUE INDEX account_one_per_role ON account (entity_code, role) WHERE role IS NOT NULL;

CREATE TABLE party (
    party_id    text PRIMARY KEY CHECK (length(party_id) BETWEEN 1 AND 40),
    name        text NOT NULL,
    kind        text NOT NULL CHECK (kind IN ('CUSTOMER', 'VENDOR')),
    entity_code text NOT NULL REFERENCES financial_entity (code)
);

CREATE TABLE payment_method (
    method_id    text PRIMARY KEY CHECK (length(method_id) BETWEEN 1 AND 40),
    entity_code  text NOT NULL,
    cash_account text NOT NULL,
    FOREIGN KEY (entity_code, cash_account) REFERENCES account (entity_code, account_code)
);

-- Journals dated on or before closed_through are refused for that entity.
CREATE TABLE period_close (
    entity_code    text PRIMARY KEY REFERENCES financial_entity (code),
    closed_through date NOT NULL
);

-- "allow staff users to enter prepayments and overpayments" (seed 003), a ledger setting
CREATE TABLE ledger_setting (
    name       text PRIMARY KEY,
    value      text NOT NULL,
    changed_at timestamptz NOT NULL DEFAULT now(),
    changed_by text NOT NULL
);
INSERT INTO ledger_setting (name, value, changed_by) VALUES ('allow-prepayments-and-overpayments', 'false', 'install');

CREATE SEQUENCE batch_number_seq;

CREATE TABLE batch (
    id            bigserial PRIMARY KEY,
    name          text NOT NULL UNIQUE,
    batch_type    text NOT NULL CHECK (batch_type IN ('AUTO', 'INVOICE', 'DEFERRED', 'DEPOSIT', 'IMPORT',
                                                      'OPENING', 'REVERSAL', 'ADJUSTMENT')),
    status        text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'READY', 'POSTED', 'VOIDED')),
    created_at    timestamptz NOT NULL DEFAULT now(),
    created_by    text NOT NULL,
    posted_at     timestamptz,
    posted_by     text,
    -- md5 over the batch's lines at posting: `check` recomputes it to prove posted journals untouched
    posted_digest text,
    CHECK ((status = 'POSTED') = (posted_at IS NOT NULL AND posted_digest IS NOT NULL))
);

CREATE TABLE journal (
    id                  bigserial NOT NULL UNIQUE,
    -- entity and batch are checked once per statement (journal_references_exist)
    entity_code         text NOT NULL,
    batch_id            bigint NOT NULL,
    journal_date        date NOT NULL,
    source              text NOT NULL,
    description         text,
    reverses_journal_id bigint,
    reversal_reason     text,
    created_at          timestamptz NOT NULL DEFAULT now(),
    created_by          text NOT NULL,
    sent_at             timestamptz,
    PRIMARY KEY (entity_code, id),
    FOREIGN KEY (entity_code, reverses_journal_id) REFERENCES journal (entity_code, id),
    CHECK ((reverses_journal_id IS NULL) = (reversal_reason IS NULL))
) WITH (fillfactor = 85); -- room on each page: marking journals exported or sent updates them in place (HOT)
-- When each journal left in a GL export: appended, never updated in place, so that marking a
-- million exported journals costs an INSERT ... SELECT rather than a million row updates.
CREATE TABLE journal_export (
    journal_id  bigint PRIMARY KEY,
    exported_at timestamptz NOT NULL
);

CREATE UNIQUE INDEX journal_reversed_once ON journal (reverses_journal_id) WHERE reverses_journal_id IS NOT NULL;
CREATE INDEX journal_by_batch ON journal (batch_id);
-- the GL export reads journals in this order: rows stream from the index, no sort holds them back
CREATE INDEX journal_by_date ON journal (entity_code, journal_date, id);

CREATE TABLE journal_line (
    entity_code     text NOT NULL,
    journal_id      bigint NOT NULL,
    line_no         int NOT NULL CHECK (line_no > 0),
    account_code    text NOT NULL,
    currency        char(3) NOT NULL,
    debit           numeric(20, 4) NOT NULL CHECK (debit >= 0),
    credit          numeric(20, 4) NOT NULL CHECK (credit >= 0),
    base_debit      numeric(20, 4) NOT NULL CHECK (base_debit >= 0),
    base_credit     numeric(20, 4) NOT NULL CHECK (base_credit >= 0),
    party_id        text,
    document_number text,
    description     text,
    -- journal, account and party are checked once per statement (journal_line_references_exist):
    -- a per-row foreign key lookup would dominate the posting of a million-payment file
    PRIMARY KEY (entity_code, journal_id, line_no),
    -- a line is a debit or a credit, never both, never nothing
    CHECK ((debit > 0 AND credit = 0) OR (credit > 0 AND debit = 0))
);

CREATE TABLE audit_event (
    id       bigserial PRIMARY KEY,
    at       timestamptz NOT NULL DEFAULT clock_timestamp(),
    actor    text NOT NULL,
    action   text NOT NULL,
    subject  text NOT NULL,
    details  jsonb NOT NULL DEFAULT '{}'
);

CREATE TABLE import_run (
    id          bigserial PRIMARY KEY,
    kind        text NOT NULL,
    file_name   text NOT NULL,
    sha256      char(64) NOT NULL,
    -- what of the file was imported, when a kind takes part of it (iMIS: the batches); '' otherwise
    variant     text NOT NULL DEFAULT '',
    actor       text NOT NULL,
    started_at  timestamptz NOT NULL,
    finished_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    status      text NOT NULL CHECK (status IN ('committed', 'rejected')),
    rows        bigint NOT NULL,
    accepted    bigint NOT NULL,
    errors      jsonb NOT NULL DEFAULT '[]',
    summary     jsonb NOT NULL DEFAULT '{}'
);
-- the same bytes commit once per kind, even when two imports race
CREATE UNIQUE INDEX import_run_committed_once ON import_run (kind, sha256, variant) WHERE status = 'committed';

-- ---------------------------------------------------------------------------------------------
-- Invariants the database holds on its own, whatever the application does.
-- ---------------------------------------------------------------------------------------------

-- Every journal touched by a statement balances per currency, and in base currency, after it.
-- The posting service writes all lines of a journal in one statement.
CREATE FUNCTION journal_lines_must_balance() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    bad record;
BEGIN
    -- LATERAL: each touched journal is summed through the primary key, never by scanning the table
    SELECT c.journal_id, t.currency, t.debit, t.credit INTO bad
      FROM (SELECT DISTINCT entity_code, journal_id FROM changed_lines) c,
           LATERAL (SELECT l.currency, sum(l.debit) AS debit, sum(l.credit) AS credit
                      FROM journal_line l
                     WHERE l.entity_code = c.entity_code AND l.journal_id = c.journal_id
                     GROUP BY l.currency
                    HAVING sum(l.debit) <> sum(l.credit)) t
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'journal % does not balance in %: debit %, credit %',
            bad.journal_id, bad.currency, bad.debit, bad.credit USING ERRCODE = 'check_violation';
    END IF;
    SELECT c.journal_id, t.debit, t.credit INTO bad
      FROM (SELECT DISTINCT entity_code, journal_id FROM changed_lines) c,
           LATERAL (SELECT sum(l.base_debit) AS debit, sum(l.base_credit) AS credit
                      FROM journal_line l
                     WHERE l.entity_code = c.entity_code AND l.journal_id = c.journal_id
                    HAVING sum(l.base_debit) <> sum(l.base_credit)) t
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'journal % does not balance in base currency: debit %, credit %',
            bad.journal_id, bad.debit, bad.credit USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER journal_line_insert_balances AFTER INSERT ON journal_line
    REFERENCING NEW TABLE AS changed_lines FOR EACH STATEMENT EXECUTE FUNCTION journal_lines_must_balance();
CREATE TRIGGER journal_line_update_balances AFTER UPDATE ON journal_line
    REFERENCING NEW TABLE AS changed_lines FOR EACH STATEMENT EXECUTE FUNCTION journal_lines_must_balance();
CREATE TRIGGER journal_line_delete_balances AFTER DELETE ON journal_line
    REFERENCING OLD TABLE AS changed_lines FOR EACH STATEMENT EXECUTE FUNCTION journal_lines_must_balance();

-- The references of new journals, as foreign keys would check them, but once per statement.
-- nested loops over the primary keys: a hash join would scan the whole table for every COPY chunk
CREATE FUNCTION journal_references_exist() RETURNS trigger LANGUAGE plpgsql
    SET enable_hashjoin = off SET enable_mergejoin = off AS $$
DECLARE
    bad record;
BEGIN
    SELECT n.id, n.entity_code, n.batch_id INTO bad
      FROM new_journals n
     WHERE NOT EXISTS (SELECT 1 FROM financial_entity e WHERE e.code = n.entity_code)
        OR NOT EXISTS (SELECT 1 FROM batch b WHERE b.id = n.batch_id)
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'journal % names an unknown entity % or batch %', bad.id, bad.entity_code, bad.batch_id
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER journal_insert_references AFTER INSERT ON journal
    REFERENCING NEW TABLE AS new_journals FOR EACH STATEMENT EXECUTE FUNCTION journal_references_exist();
CREATE TRIGGER journal_update_references AFTER UPDATE ON journal
    REFERENCING NEW TABLE AS new_journals FOR EACH STATEMENT EXECUTE FUNCTION journal_references_exist();

CREATE FUNCTION referenced_by_journals_is_kept() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    referred boolean;
BEGIN
    IF TG_TABLE_NAME = 'batch' THEN
        referred := EXISTS (SELECT 1 FROM journal WHERE batch_id = OLD.id);
    ELSE
        referred := EXISTS (SELECT 1 FROM journal WHERE entity_code = OLD.code);
    END IF;
    IF referred THEN
        RAISE EXCEPTION 'this % holds journals and cannot be deleted', TG_TABLE_NAME USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN OLD;
END $$;

CREATE TRIGGER batch_kept_for_journals BEFORE DELETE ON batch
    FOR EACH ROW EXECUTE FUNCTION referenced_by_journals_is_kept();
CREATE TRIGGER entity_kept_for_journals BEFORE DELETE ON financial_entity
    FOR EACH ROW EXECUTE FUNCTION referenced_by_journals_is_kept();

-- The references of new lines, as foreign keys would check them, but once per statement.
-- nested loops over the primary keys: a hash join would scan the whole table for every COPY chunk
CREATE FUNCTION journal_line_references_exist() RETURNS trigger LANGUAGE plpgsql
    SET enable_hashjoin = off SET enable_mergejoin = off AS $$
DECLARE
    bad record;
BEGIN
    SELECT n.journal_id, n.entity_code, n.account_code, n.party_id INTO bad
      FROM changed_lines n
     WHERE NOT EXISTS (SELECT 1 FROM journal j WHERE j.entity_code = n.entity_code AND j.id = n.journal_id)
        OR NOT EXISTS (SELECT 1 FROM account a WHERE a.entity_code = n.entity_code AND a.account_code = n.account_code)
        OR (n.party_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM party p WHERE p.party_id = n.party_id))
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'journal line of journal % names an unknown journal, account % of % or party %',
            bad.journal_id, bad.account_code, bad.entity_code, bad.party_id USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER journal_line_insert_references AFTER INSERT ON journal_line
    REFERENCING NEW TABLE AS changed_lines FOR EACH STATEMENT EXECUTE FUNCTION journal_line_references_exist();
CREATE TRIGGER journal_line_update_references AFTER UPDATE ON journal_line
    REFERENCING NEW TABLE AS changed_lines FOR EACH STATEMENT EXECUTE FUNCTION journal_line_references_exist();

-- ... and the other half of those foreign keys: what lines refer to is not deleted under them.
CREATE FUNCTION referenced_by_journal_lines_is_kept() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    referred boolean;
BEGIN
    -- OLD's fields differ per table: each branch reads only its own
    IF TG_TABLE_NAME = 'journal' THEN
        referred := EXISTS (SELECT 1 FROM journal_line WHERE entity_code = OLD.entity_code AND journal_id = OLD.id);
    ELSIF TG_TABLE_NAME = 'account' THEN
        referred := EXISTS (SELECT 1 FROM journal_line WHERE entity_code = OLD.entity_code AND account_code = OLD.account_code);
    ELSE
        referred := EXISTS (SELECT 1 FROM journal_line WHERE party_id = OLD.party_id);
    END IF;
    IF referred THEN
        RAISE EXCEPTION 'this % is referred to by journal lines and cannot be deleted', TG_TABLE_NAME
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN OLD;
END $$;

CREATE TRIGGER journal_kept_for_lines BEFORE DELETE ON journal
    FOR EACH ROW EXECUTE FUNCTION referenced_by_journal_lines_is_kept();
CREATE TRIGGER account_kept_for_lines BEFORE DELETE ON account
    FOR EACH ROW EXECUTE FUNCTION referenced_by_journal_lines_is_kept();
CREATE TRIGGER party_kept_for_lines BEFORE DELETE ON party
    FOR EACH ROW EXECUTE FUNCTION referenced_by_journal_lines_is_kept();
-- (deleting an account or a party is rare: no index is kept for it, posting stays fast)

-- Lines of a journal in a POSTED (or VOIDED) batch are never inserted, updated or deleted.
CREATE FUNCTION journal_line_of_closed_batch_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    batch_status text;
    target_journal bigint := CASE WHEN TG_OP = 'INSERT' THEN NEW.journal_id ELSE OLD.journal_id END;
BEGIN
    SELECT b.status INTO batch_status FROM journal j JOIN batch b ON b.id = j.batch_id WHERE j.id = target_journal;
    IF batch_status IN ('POSTED', 'VOIDED') THEN
        RAISE EXCEPTION 'journal % is in a % batch: its lines cannot be changed; post a reversing journal instead',
            target_journal, lower(batch_status) USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;

CREATE TRIGGER journal_line_immutable_when_posted BEFORE UPDATE OR DELETE ON journal_line
    FOR EACH ROW EXECUTE FUNCTION journal_line_of_closed_batch_is_immutable();

-- Inserting into a posted batch is checked once per statement (bulk inserts stay fast).
-- nested loops over the primary keys: a hash join would scan the whole table for every COPY chunk
CREATE FUNCTION journal_line_insert_into_open_batch_only() RETURNS trigger LANGUAGE plpgsql
    SET enable_hashjoin = off SET enable_mergejoin = off AS $$
DECLARE
    closed record;
BEGIN
    SELECT j.id, b.status INTO closed
      FROM journal j JOIN batch b ON b.id = j.batch_id
     WHERE j.id IN (SELECT DISTINCT journal_id FROM changed_lines) AND b.status IN ('POSTED', 'VOIDED')
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'journal % is in a % batch: lines cannot be added', closed.id, lower(closed.status)
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER journal_line_insert_open_batch_only AFTER INSERT ON journal_line
    REFERENCING NEW TABLE AS changed_lines FOR EACH STATEMENT EXECUTE FUNCTION journal_line_insert_into_open_batch_only();

-- A journal in a POSTED batch is never deleted; only its delivery marks may change.
CREATE FUNCTION journal_of_posted_batch_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    batch_status text;
BEGIN
    SELECT status INTO batch_status FROM batch WHERE id = OLD.batch_id;
    IF batch_status = 'POSTED' THEN
        IF TG_OP = 'DELETE'
           OR (to_jsonb(NEW) - 'sent_at') IS DISTINCT FROM (to_jsonb(OLD) - 'sent_at') THEN
            RAISE EXCEPTION 'journal % is posted: it cannot be changed or deleted; post a reversing journal instead',
                OLD.id USING ERRCODE = 'integrity_constraint_violation';
        END IF;
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;

CREATE TRIGGER journal_not_deleted_when_posted BEFORE DELETE ON journal
    FOR EACH ROW EXECUTE FUNCTION journal_of_posted_batch_is_immutable();
-- WHEN keeps the (frequent) marking of exported and sent journals free of a function call per row
CREATE TRIGGER journal_immutable_when_posted BEFORE UPDATE ON journal
    FOR EACH ROW WHEN ((OLD.entity_code, OLD.batch_id, OLD.journal_date, OLD.source, OLD.description, OLD.reverses_journal_id,
                        OLD.reversal_reason, OLD.created_at, OLD.created_by, OLD.id)
                       IS DISTINCT FROM
                       (NEW.entity_code, NEW.batch_id, NEW.journal_date, NEW.source, NEW.description, NEW.reverses_journal_id,
                        NEW.reversal_reason, NEW.created_at, NEW.created_by, NEW.id))
    EXECUTE FUNCTION journal_of_posted_batch_is_immutable();

-- A POSTED batch is final; posting requires READY and leaves no empty journal behind.
CREATE FUNCTION batch_lifecycle() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF OLD.status = 'POSTED' THEN
            RAISE EXCEPTION 'batch % is posted and cannot be deleted', OLD.name USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN OLD;
    END IF;
    IF OLD.status IN ('POSTED', 'VOIDED') AND to_jsonb(NEW) IS DISTINCT FROM to_jsonb(OLD) THEN
        RAISE EXCEPTION 'batch % is % and cannot change', OLD.name, lower(OLD.status) USING ERRCODE = 'integrity_constraint_violation';
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

CREATE TRIGGER batch_lifecycle BEFORE UPDATE OR DELETE ON batch
    FOR EACH ROW EXECUTE FUNCTION batch_lifecycle();

CREATE FUNCTION ledger_tables_are_not_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the ledger table % cannot be truncated', TG_TABLE_NAME USING ERRCODE = 'integrity_constraint_violation';
END $$;

CREATE TRIGGER journal_line_no_truncate BEFORE TRUNCATE ON journal_line
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_tables_are_not_truncated();
CREATE TRIGGER journal_no_truncate BEFORE TRUNCATE ON journal
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_tables_are_not_truncated();
CREATE TRIGGER batch_no_truncate BEFORE TRUNCATE ON batch
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_tables_are_not_truncated();

-- The digest `check` compares with batch.posted_digest.
CREATE FUNCTION batch_lines_digest(p_batch bigint) RETURNS text LANGUAGE sql STABLE AS $$
    SELECT md5(coalesce(string_agg(concat_ws('|', j.id, j.entity_code, j.journal_date, l.line_no, l.account_code,
                                             l.currency, l.debit, l.credit, l.base_debit, l.base_credit,
                                             l.party_id, l.document_number, l.description),
                                   E'\n' ORDER BY j.id, l.line_no), ''))
      FROM journal j JOIN journal_line l ON l.entity_code = j.entity_code AND l.journal_id = j.id
     WHERE j.batch_id = p_batch
$$;
