-- Delivery: what left for the general ledger, when, in which file.
CREATE TABLE gl_export (
    id          bigserial PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT now(),
    actor       text NOT NULL,
    format      text NOT NULL,
    date_from   date NOT NULL,
    date_to     date NOT NULL,
    entity_code text,
    summarize   text NOT NULL,
    again       boolean NOT NULL,
    journals    bigint NOT NULL,
    lines       bigint NOT NULL,
    file_name   text NOT NULL,
    sha256      char(64) NOT NULL
);

-- iMIS lines posted into the ledger (`import imis`): a batch's lines are posted once, whatever file brings them
CREATE TABLE imis_line_posted (
    batch_num     text NOT NULL,
    trans_number  text NOT NULL,
    line_number   bigint NOT NULL,
    journal_batch bigint NOT NULL,
    PRIMARY KEY (batch_num, trans_number, line_number)
);
