-- The first answer to an API import or GL send made with an Idempotency-Key, per user and key: a
-- retry with the same key gets it again instead of doing the work twice (a client whose connection
-- died after the commit learns the result). A row without a status is a request still running.
CREATE TABLE idempotent_answer (
    username     text NOT NULL,
    key          text NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
    request      text NOT NULL,
    status       integer,
    content_type text,
    body         bytea,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (username, key)
);
