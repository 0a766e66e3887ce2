-- Migrated documents not released yet: what `documents release --all` takes and what keeps a
-- subledger in migration mode. A few rows of a big table, kept in an index of their own.
CREATE INDEX document_unreleased ON document (module, entity_code, number)
    WHERE migrated AND released_at IS NULL AND origin = 'MIGRATION';
