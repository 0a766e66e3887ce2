-- Failed logins, by user and by address, kept for the throttle (users.LoginAttempts): in the
-- ledger so every process serving it counts the same tries; a success clears the user's rows.
CREATE TABLE login_failure (
    id       bigserial PRIMARY KEY,
    username text NOT NULL,
    address  text NOT NULL,
    at       timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX login_failure_by_user ON login_failure (username, at);
CREATE INDEX login_failure_by_address ON login_failure (address, at);
