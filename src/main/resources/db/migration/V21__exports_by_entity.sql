-- A journal's export mark names its entity, as the journal does: on a Citus cluster the marks are
-- distributed by entity beside their journals, so that reading "not exported yet" stays on one node.
ALTER TABLE journal_export ADD COLUMN entity_code text;
UPDATE journal_export x SET entity_code = j.entity_code FROM journal j WHERE j.id = x.journal_id;
ALTER TABLE journal_export ALTER COLUMN entity_code SET NOT NULL;
