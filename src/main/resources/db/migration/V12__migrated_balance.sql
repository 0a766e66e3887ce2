-- What a migrated document had open on the day it was migrated ("Migrated Balance"), kept apart
-- from today's open balance, which payments and credits lower afterwards; and that day, on which
-- what was settled before the migration is dated.
ALTER TABLE document ADD COLUMN migrated_balance numeric(20, 4) CHECK (migrated_balance >= 0),
                     ADD COLUMN migrated_on date;

-- documents migrated before: the day of the import that brought them in (else the day they were
-- written), and the original amount less what was settled before the migration and the retainage
-- still unreleased (a retainage released since then moved into the open balance: not counted)
UPDATE document d
   SET migrated_on = coalesce((SELECT r.started_at::date FROM import_run r WHERE r.id = d.import_run_id), d.created_at::date),
       migrated_balance = d.original_amount - d.unreleased_retainage
                          - coalesce((SELECT sum(a.amount) FROM application a
                                       WHERE a.entity_code = d.entity_code AND a.module = d.module
                                         AND a.document_number = d.number AND a.kind = 'MIGRATED_SETTLEMENT'), 0)
 WHERE d.migrated;
