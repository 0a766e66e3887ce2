-- GL integration (seed 001): what was sent to, or marked as sent to, the general ledger.
CREATE TABLE gl_delivery (
    id         bigserial PRIMARY KEY,
    journal_id bigint NOT NULL,
    target     text,                 -- null for "mark as sent"
    status     text NOT NULL CHECK (status IN ('SENT', 'MARKED_SENT', 'UNCERTAIN')),
    at         timestamptz NOT NULL DEFAULT now(),
    actor      text NOT NULL,
    reason     text,
    CHECK (status <> 'MARKED_SENT' OR reason IS NOT NULL)
);
-- a journal reaches the GL once
CREATE UNIQUE INDEX gl_delivery_once ON gl_delivery (journal_id) WHERE status IN ('SENT', 'MARKED_SENT');

-- Where journals are delivered: a folder of import files, an hledger/Ledger journal, or an HTTP GL.
CREATE TABLE gl_target (
    name        text PRIMARY KEY CHECK (name ~ '^[A-Za-z0-9_.-]{1,40}$'),
    target_type text NOT NULL CHECK (target_type IN ('file', 'ledger', 'http')),
    format      text,
    path        text,
    url         text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    created_by  text NOT NULL,
    CHECK ((target_type = 'http') = (url IS NOT NULL)),
    CHECK (target_type = 'http' OR path IS NOT NULL)
);

-- The GL's chart of accounts for a file target (`import gl-accounts`): what validation checks against.
CREATE TABLE gl_account (
    target      text NOT NULL REFERENCES gl_target (name),
    entity_code text NOT NULL,
    account     text NOT NULL,
    active      boolean NOT NULL DEFAULT true,
    PRIMARY KEY (target, entity_code, account)
);

-- When the GL's codes differ: LedgerBridge entity -> GL company, account -> GL account.
CREATE TABLE gl_target_mapping (
    target      text NOT NULL REFERENCES gl_target (name),
    kind        text NOT NULL CHECK (kind IN ('ENTITY', 'ACCOUNT')),
    entity_code text NOT NULL,
    code        text NOT NULL,      -- the entity itself for ENTITY, the account for ACCOUNT
    gl_code     text NOT NULL,
    PRIMARY KEY (target, kind, entity_code, code)
);

ALTER TABLE gl_target ADD COLUMN closed_through date; -- the GL's closed periods, for targets that cannot be asked
