-- The statement-level checks on inserted journal lines (and new journals), with the same rules as
-- V1 and less work per line. On 200,000 payments the COPY of the lines took 6.3 s with V1's checks,
-- 4.1-4.5 s with these, 2.3 s with none.

-- Inserted lines balance on their own. The lines a journal had before the statement balanced
-- (every statement that inserts, updates or deletes lines is checked, and TRUNCATE is refused),
-- so the journal balances after it exactly when the new lines do: the check sums the statement's
-- own lines in one pass instead of reading every touched journal back through the index.
-- Updates and deletes keep V1's check, which re-reads the journals they touched.
CREATE FUNCTION journal_lines_inserted_balance() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    bad record;
BEGIN
    SELECT journal_id, currency, sum(debit) AS debit, sum(credit) AS credit INTO bad
      FROM changed_lines
     GROUP BY entity_code, journal_id, currency
    HAVING sum(debit) <> sum(credit)
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'journal % does not balance in %: debit %, credit %',
            bad.journal_id, bad.currency, bad.debit, bad.credit USING ERRCODE = 'check_violation';
    END IF;
    SELECT journal_id, sum(base_debit) AS debit, sum(base_credit) AS credit INTO bad
      FROM changed_lines
     GROUP BY entity_code, journal_id
    HAVING sum(base_debit) <> sum(base_credit)
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'journal % does not balance in base currency: debit %, credit %',
            bad.journal_id, bad.debit, bad.credit USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END $$;

DROP TRIGGER journal_line_insert_balances ON journal_line;
CREATE TRIGGER journal_line_insert_balances AFTER INSERT ON journal_line
    REFERENCING NEW TABLE AS changed_lines FOR EACH STATEMENT EXECUTE FUNCTION journal_lines_inserted_balance();

-- Each distinct journal of the new lines is looked up once, for both of its rules: it exists, and
-- its batch is still open (V1 looked every line's journal up, then each journal again). Lookups
-- in key order walk the index's pages in order: a third faster than in arrival order.
CREATE FUNCTION journal_line_inserted_into_open_journal() RETURNS trigger LANGUAGE plpgsql
    SET enable_hashjoin = off SET enable_mergejoin = off AS $$
DECLARE
    bad record;
BEGIN
    SELECT n.journal_id, n.entity_code, j.id IS NOT NULL AS known, b.status INTO bad
      FROM (SELECT DISTINCT entity_code, journal_id FROM changed_lines ORDER BY 1, 2) n
      LEFT JOIN journal j ON j.entity_code = n.entity_code AND j.id = n.journal_id
      LEFT JOIN batch b ON b.id = j.batch_id
     WHERE j.id IS NULL OR b.status IN ('POSTED', 'VOIDED')
     LIMIT 1;
    IF FOUND AND NOT bad.known THEN
        RAISE EXCEPTION 'journal line names an unknown journal % of %', bad.journal_id, bad.entity_code
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    IF FOUND THEN
        RAISE EXCEPTION 'journal % is in a % batch: lines cannot be added', bad.journal_id, lower(bad.status)
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NULL;
END $$;

DROP TRIGGER journal_line_insert_open_batch_only ON journal_line;
DROP FUNCTION journal_line_insert_into_open_batch_only();
CREATE TRIGGER journal_line_insert_open_batch_only AFTER INSERT ON journal_line
    REFERENCING NEW TABLE AS changed_lines FOR EACH STATEMENT EXECUTE FUNCTION journal_line_inserted_into_open_journal();

-- The other references of new lines, each distinct account and party looked up once (a chart has
-- a few dozen accounts) instead of once per line.
CREATE FUNCTION journal_line_distinct_references_exist() RETURNS trigger LANGUAGE plpgsql
    SET enable_hashjoin = off SET enable_mergejoin = off AS $$
DECLARE
    bad record;
BEGIN
    SELECT n.entity_code, n.account_code INTO bad
      FROM (SELECT DISTINCT entity_code, account_code FROM changed_lines) n
     WHERE NOT EXISTS (SELECT 1 FROM account a WHERE a.entity_code = n.entity_code AND a.account_code = n.account_code)
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'journal line names an unknown account % of %', bad.account_code, bad.entity_code
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    SELECT n.party_id INTO bad
      FROM (SELECT DISTINCT party_id FROM changed_lines WHERE party_id IS NOT NULL ORDER BY 1) n
     WHERE NOT EXISTS (SELECT 1 FROM party p WHERE p.party_id = n.party_id)
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'journal line names an unknown party %', bad.party_id USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NULL;
END $$;

DROP TRIGGER journal_line_insert_references ON journal_line;
CREATE TRIGGER journal_line_insert_references AFTER INSERT ON journal_line
    REFERENCING NEW TABLE AS changed_lines FOR EACH STATEMENT EXECUTE FUNCTION journal_line_distinct_references_exist();

-- New journals name a handful of entities and batches: each distinct pair is looked up once.
CREATE OR REPLACE FUNCTION journal_references_exist() RETURNS trigger LANGUAGE plpgsql
    SET enable_hashjoin = off SET enable_mergejoin = off AS $$
DECLARE
    bad record;
BEGIN
    SELECT n.entity_code, n.batch_id INTO bad
      FROM (SELECT DISTINCT entity_code, batch_id FROM new_journals) n
     WHERE NOT EXISTS (SELECT 1 FROM financial_entity e WHERE e.code = n.entity_code)
        OR NOT EXISTS (SELECT 1 FROM batch b WHERE b.id = n.batch_id)
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'a new journal names an unknown entity % or batch %', bad.entity_code, bad.batch_id
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NULL;
END $$;

-- Applications look their documents up in key order (a third faster than in arrival order).
CREATE OR REPLACE FUNCTION application_document_exists() RETURNS trigger LANGUAGE plpgsql
    SET enable_hashjoin = off SET enable_mergejoin = off AS $$
DECLARE
    bad record;
BEGIN
    SELECT n.entity_code, n.module, n.document_number INTO bad
      FROM (SELECT entity_code, module, document_number FROM new_applications ORDER BY 1, 2, 3) n
     WHERE NOT EXISTS (SELECT 1 FROM document d WHERE d.entity_code = n.entity_code AND d.module = n.module
                                                  AND d.number = n.document_number)
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'application to unknown document %/%/%', bad.entity_code, bad.module, bad.document_number
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NULL;
END $$;
