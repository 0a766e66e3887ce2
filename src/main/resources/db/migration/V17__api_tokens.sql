-- API tokens for scripts: a token acts for its user with a role no higher than the user's. Only a
-- SHA-256 of the secret is kept (the secret is shown once, when the token is made); a token is
-- revoked, never deleted, so the audit log's references stay meaningful.
CREATE TABLE api_token (
    id            bigserial PRIMARY KEY,
    username      text NOT NULL REFERENCES app_user (username),
    name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
    role          text NOT NULL CHECK (role IN ('VIEWER', 'PREPARER', 'APPROVER', 'ADMIN')),
    secret_sha256 char(64) NOT NULL UNIQUE,
    created_at    timestamptz NOT NULL DEFAULT now(),
    created_by    text NOT NULL,
    revoked_at    timestamptz
);
CREATE INDEX api_token_by_user ON api_token (username, id);
