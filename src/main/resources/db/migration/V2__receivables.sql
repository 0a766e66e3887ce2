-- Receivables and payables subledger: AR/AP documents with their open balances, and the
-- applications that explain every change of an open balance.

CREATE TABLE document (
    entity_code          text NOT NULL REFERENCES financial_entity (code),
    module               text NOT NULL CHECK (module IN ('AR', 'AP')),
    number               text NOT NULL CHECK (length(number) BETWEEN 1 AND 60),
    doc_type             text NOT NULL,
    party_id             text NOT NULL REFERENCES party (party_id),
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
    import_run_id        bigint REFERENCES import_run (id),
    created_at           timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (entity_code, module, number),
    CHECK (open_balance + unreleased_retainage <= original_amount)
);
CREATE INDEX document_by_party ON document (party_id, status);
-- the seed's "pending invoice": an account's opening-balance invoice that is still open
CREATE INDEX document_open_opening_balance ON document (party_id)
    WHERE origin = 'OPENING_BALANCE' AND doc_type = 'INVOICE' AND status = 'OPEN';

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
    PRIMARY KEY (entity_code, id),
    -- deferred: a bulk load may send an application before the document it settles
    FOREIGN KEY (entity_code, module, document_number) REFERENCES document (entity_code, module, number)
        DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX application_by_document ON application (entity_code, module, document_number);
