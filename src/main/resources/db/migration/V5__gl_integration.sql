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
