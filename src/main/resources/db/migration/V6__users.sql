-- Logins for the web UI and the API. Passwords are stored only as a one-way hash
-- ({bcrypt}...); the first ADMIN is created from the CLI (`user add`), never with a default.
CREATE TABLE app_user (
    username      text PRIMARY KEY CHECK (username ~ '^[A-Za-z0-9._@-]{1,64}$'),
    password_hash text NOT NULL CHECK (password_hash LIKE '{%}%'),
    role          text NOT NULL CHECK (role IN ('VIEWER', 'PREPARER', 'APPROVER', 'ADMIN')),
    enabled       boolean NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL DEFAULT now(),
    created_by    text NOT NULL
);
