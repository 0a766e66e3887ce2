-- Project balances migrated (seed 002, "Migration of Project Balances"): while PM is in migration
-- mode, projects' pro forma invoices and project transactions are imported with their balances,
-- original amounts and dates, and released without any GL entry (a transaction has a debit
-- account only). A project's balance is what its released pro forma invoices leave open; a
-- revenue line's actuals are its released transactions summed.
ALTER TABLE migration_mode DROP CONSTRAINT migration_mode_module_check;
ALTER TABLE migration_mode ADD CONSTRAINT migration_mode_module_check CHECK (module IN ('AR', 'AP', 'PM'));
INSERT INTO migration_mode (module, enabled, changed_by) VALUES ('PM', false, 'install');

CREATE TABLE project (
    project_id    text PRIMARY KEY CHECK (length(project_id) BETWEEN 1 AND 40),
    entity_code   text NOT NULL REFERENCES financial_entity (code),
    customer_id   text NOT NULL REFERENCES party (party_id),
    name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    status        text NOT NULL CHECK (status IN ('PLANNED', 'ACTIVE', 'ON_HOLD', 'SUSPENDED', 'COMPLETED', 'CANCELED')),
    import_run_id bigint,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX project_by_customer ON project (customer_id);

CREATE TABLE pro_forma_invoice (
    number          text PRIMARY KEY CHECK (length(number) BETWEEN 1 AND 60),
    project_id      text NOT NULL REFERENCES project (project_id),
    invoice_date    date NOT NULL,
    original_amount numeric(20, 4) NOT NULL CHECK (original_amount >= 0),
    open_balance    numeric(20, 4) NOT NULL CHECK (open_balance >= 0),
    -- the AR document it corresponds to (of the project's entity), when there is one
    ar_document     text,
    released_at     timestamptz,
    import_run_id   bigint,
    CHECK (open_balance <= original_amount)
);
CREATE INDEX pro_forma_by_project ON pro_forma_invoice (project_id, invoice_date, number);
CREATE INDEX pro_forma_unreleased ON pro_forma_invoice (number) WHERE released_at IS NULL;

CREATE TABLE project_transaction (
    import_run_id bigint NOT NULL,
    row_no        bigint NOT NULL,
    project_id    text NOT NULL REFERENCES project (project_id),
    revenue_line  text NOT NULL CHECK (length(revenue_line) BETWEEN 1 AND 40),
    txn_date      date NOT NULL,
    amount        numeric(20, 4) NOT NULL,
    quantity      numeric(20, 4) NOT NULL DEFAULT 0,
    debit_account text NOT NULL,
    released_at   timestamptz,
    PRIMARY KEY (import_run_id, row_no)
);
CREATE INDEX project_transaction_by_line ON project_transaction (project_id, revenue_line);
CREATE INDEX project_transaction_unreleased ON project_transaction (import_run_id) WHERE released_at IS NULL;
