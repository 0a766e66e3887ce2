-- Column-mapping profiles kept in the ledger and picked by name at import (the screen, the API, the
-- command line), instead of a file sent with every import. The text is the profile as written
-- (YAML or JSON), checked when it is saved.
CREATE TABLE mapping_profile (
    name       text PRIMARY KEY CHECK (name ~ '^[A-Za-z0-9][A-Za-z0-9 ._-]{0,79}$'),
    profile    text NOT NULL CHECK (length(profile) <= 65536),
    changed_at timestamptz NOT NULL DEFAULT now(),
    changed_by text NOT NULL
);
