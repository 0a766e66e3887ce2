-- Receivables and payables subledger: AR/AP documents with their open balances, and the
-- applications that explain every change of an open balance.

CREATE TABLE document (
    entity_code          text NOT NULL,
    module               text NOT NULL CHECK (module IN ('AR', 'AP')),
    number               text NOT NULL CHECK (length(number) BETWEEN 1 AND 60),
    doc_type             text NOT NULL,
    party_id             text NOT NULL,
    doc_date             date NOT NULL,
    due_date             date,
    currency             char(3) NOT NULL,
    exchange_rate        numeric(20, 10) NOT NULL DEFAULT 1 CHECK (exchange_rate > 0),
    original_amount      numeric(20, 4) NOT NULL CHECK (original_amount >= 0),
    amount_ex_tax        numeric(20, 4),
    tax_amount           numeric(20, 4),
    open_balance         numeric(20, 4) NOT NULL CHECK (open_balance >= 0),
    unreleased_retainage numeric(20, 4) NOT NULL DEFAULT 0 CHECK (unreleased_retainage >= 0),
    retainage_percent    numeric(7, 4) CHECK (retainage_percent BETWEEN 0 AND 100),
    invoice_type         text,
    source_system        text,
    status               text NOT NULL CHECK (status IN ('ON_HOLD', 'BALANCED', 'OPEN', 'CLOSED')),
    migrated             boolean NOT NULL DEFAULT false,
    -- how the document came in: OPENING_BALANCE (the Emersion template), MIGRATION (seed 002), LEDGERBRIDGE
    origin               text NOT NULL CHECK (origin IN ('OPENING_BALANCE', 'MIGRATION', 'LEDGERBRIDGE')),
    original_reference   text,
    service_start        date,
    service_end          date,
    description          text,
    import_run_id        bigint,
    created_at           timestamptz NOT NULL DEFAULT now(),
    -- set when a migrated document is released (seed 002): the party's balance then reflects it
    released_at          timestamptz,
    PRIMARY KEY (entity_code, module, number),
    CHECK (open_balance + unreleased_retainage <= original_amount)
);
CREATE INDEX document_by_party ON document (party_id);


-- Seed 002: while a subledger is in migration mode, migrated documents are entered and released
-- without touching the GL, and documents created normally are frozen.
CREATE TABLE migration_mode (
    module     text PRIMARY KEY CHECK (module IN ('AR', 'AP')),
    enabled    boolean NOT NULL,
    changed_at timestamptz NOT NULL DEFAULT now(),
    changed_by text NOT NULL
);
INSERT INTO migration_mode (module, enabled, changed_by) VALUES ('AR', false, 'install'), ('AP', false, 'install');

CREATE TABLE application (
    id              bigserial NOT NULL,
    entity_code     text NOT NULL,
    module          text NOT NULL,
    document_number text NOT NULL,
    amount          numeric(20, 4) NOT NULL CHECK (amount > 0),
    applied_on      date NOT NULL,
    kind            text NOT NULL CHECK (kind IN ('MIGRATED_SETTLEMENT', 'PAYMENT', 'CREDIT')),
    reference       text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (entity_code, id)
);
CREATE INDEX application_by_document ON application (entity_code, module, document_number);

-- ---------------------------------------------------------------------------------------------
-- References checked once per statement instead of once per row. A foreign key costs a lookup
-- per row (about 11 of the 21 seconds of a million-document COPY); one anti-join over the
-- statement's new rows holds the same rule in a fraction of that. Deleting what a document
-- refers to is refused below, which is the other half of a foreign key.
-- ---------------------------------------------------------------------------------------------

-- nested loops over the primary keys: a hash join would scan the whole table for every COPY chunk
CREATE FUNCTION document_references_exist() RETURNS trigger LANGUAGE plpgsql
    SET enable_hashjoin = off SET enable_mergejoin = off AS $$
DECLARE
    bad record;
BEGIN
    SELECT n.entity_code, n.number, n.party_id INTO bad
      FROM new_documents n
     WHERE NOT EXISTS (SELECT 1 FROM party p WHERE p.party_id = n.party_id)
        OR NOT EXISTS (SELECT 1 FROM financial_entity e WHERE e.code = n.entity_code)
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'document % of % names an unknown party % or entity', bad.number, bad.entity_code, bad.party_id
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER document_insert_references AFTER INSERT ON document
    REFERENCING NEW TABLE AS new_documents FOR EACH STATEMENT EXECUTE FUNCTION document_references_exist();
CREATE TRIGGER document_update_references AFTER UPDATE ON document
    REFERENCING NEW TABLE AS new_documents FOR EACH STATEMENT EXECUTE FUNCTION document_references_exist();

-- nested loops over the primary keys: a hash join would scan the whole table for every COPY chunk
CREATE FUNCTION application_document_exists() RETURNS trigger LANGUAGE plpgsql
    SET enable_hashjoin = off SET enable_mergejoin = off AS $$
DECLARE
    bad record;
BEGIN
    SELECT n.entity_code, n.module, n.document_number INTO bad
      FROM new_applications n
     WHERE NOT EXISTS (SELECT 1 FROM document d WHERE d.entity_code = n.entity_code AND d.module = n.module
                                                  AND d.number = n.document_number)
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'application to unknown document %/%/%', bad.entity_code, bad.module, bad.document_number
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER application_insert_document_exists AFTER INSERT ON application
    REFERENCING NEW TABLE AS new_applications FOR EACH STATEMENT EXECUTE FUNCTION application_document_exists();

CREATE FUNCTION referenced_by_documents_is_kept() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    referred boolean;
BEGIN
    -- OLD's fields differ per table: each branch reads only its own
    IF TG_TABLE_NAME = 'party' THEN
        referred := EXISTS (SELECT 1 FROM document WHERE party_id = OLD.party_id);
    ELSE
        referred := EXISTS (SELECT 1 FROM document WHERE entity_code = OLD.code);
    END IF;
    IF referred THEN
        RAISE EXCEPTION '% is referred to by documents and cannot be deleted', TG_TABLE_NAME
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN OLD;
END $$;

CREATE TRIGGER party_kept_for_documents BEFORE DELETE ON party
    FOR EACH ROW EXECUTE FUNCTION referenced_by_documents_is_kept();
CREATE TRIGGER entity_kept_for_documents BEFORE DELETE ON financial_entity
    FOR EACH ROW EXECUTE FUNCTION referenced_by_documents_is_kept();

