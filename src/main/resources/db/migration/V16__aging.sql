-- AR/AP aging reads the open documents entity by entity and party by party: a partial index of
-- open documents only, so the report grows with what is open, not with the years of closed history
CREATE INDEX document_open_by_entity_party ON document (module, entity_code, party_id, currency) WHERE status = 'OPEN';
