-- Fewer index entries and cheaper checks for each posted payment, same rules. A payment writes
-- about six rows and twelve index entries; on this 2-core machine each index entry costs 1.5-3
-- microseconds, text keys the most (bench figures in docs/benchmarks.md, "payments: the floor").

-- Nothing looks payments up by bill-to, date and amount: insert-with-matching reads their keys
-- once into memory. The index cost 3 s of a 1,000,000-payment import.
DROP INDEX payment_match;

-- Journal ids are unique on their own (one sequence): the keys of journals, lines and applications
-- no longer begin with the entity's code, a text comparison at every level of every insert
-- (2,000,000 lines: 5.7 s with the entity in the key, 4.4 s without).
ALTER TABLE journal_line DROP CONSTRAINT journal_line_pkey, ADD PRIMARY KEY (journal_id, line_no);
ALTER TABLE application DROP CONSTRAINT application_pkey, ADD PRIMARY KEY (id);

-- A journal had two unique keys, (entity_code, id) for the foreign key of its reversal and (id);
-- one is enough. The reversal's reference moves into the statement-level check of new journals:
-- same rule (it names a journal of the same entity), without a queued foreign-key event per row.
-- Deleting a reversed journal stays impossible: only posted journals are reversed, and posted
-- journals are never deleted (journal_not_deleted_when_posted).
ALTER TABLE journal DROP CONSTRAINT journal_entity_code_reverses_journal_id_fkey;
ALTER TABLE journal DROP CONSTRAINT journal_pkey;
ALTER TABLE journal DROP CONSTRAINT journal_id_key, ADD PRIMARY KEY (id);

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
    SELECT n.id, n.entity_code, n.reverses_journal_id INTO bad
      FROM new_journals n
     WHERE n.reverses_journal_id IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM journal r WHERE r.id = n.reverses_journal_id AND r.entity_code = n.entity_code)
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'journal % reverses % which is not a journal of %', bad.id, bad.reverses_journal_id, bad.entity_code
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NULL;
END $$;

-- Inserted lines balance: one pass grouped by journal id alone finds every journal that may not
-- balance (its lines' sum is not zero, or it has lines in several currencies, whose sums could
-- cancel out); only then do the exact per-currency and base-currency rules run and name the
-- failure. A third of V7's cost on payment journals, which are all in one currency.
CREATE OR REPLACE FUNCTION journal_lines_inserted_balance() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    bad record;
BEGIN
    PERFORM FROM changed_lines
      GROUP BY journal_id
     HAVING sum(debit - credit) <> 0 OR sum(base_debit - base_credit) <> 0 OR min(currency) <> max(currency)
     LIMIT 1;
    IF NOT FOUND THEN
        RETURN NULL;
    END IF;
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

-- Each distinct journal of the new lines is looked up by its id alone, in id order (a bigint sort,
-- the key's own order), and its batch is compared with the few batches still open instead of
-- being looked up in `batch` once per journal: 70-90 ms per 47,000-line COPY chunk became 40 ms.
-- A ledger holds few unposted batches; `<> ALL` of an empty list means every batch is closed.
CREATE OR REPLACE FUNCTION journal_line_inserted_into_open_journal() RETURNS trigger LANGUAGE plpgsql
    SET enable_hashjoin = off SET enable_mergejoin = off AS $$
DECLARE
    bad record;
BEGIN
    SELECT n.journal_id, n.entity_code, j.id IS NOT NULL AS known, j.batch_id INTO bad
      FROM (SELECT DISTINCT journal_id, entity_code FROM changed_lines ORDER BY 1) n
      LEFT JOIN journal j ON j.id = n.journal_id AND j.entity_code = n.entity_code
     WHERE j.id IS NULL
        OR j.batch_id <> ALL (ARRAY(SELECT id FROM batch WHERE status NOT IN ('POSTED', 'VOIDED')))
     LIMIT 1;
    IF FOUND AND NOT bad.known THEN
        RAISE EXCEPTION 'journal line names an unknown journal % of %', bad.journal_id, bad.entity_code
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    IF FOUND THEN
        RAISE EXCEPTION 'journal % is in a % batch: lines cannot be added', bad.journal_id,
            (SELECT lower(status) FROM batch WHERE id = bad.batch_id) USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NULL;
END $$;

-- Applications look their documents up ordered by number alone: the entity and module in front
-- of it are a handful of values, and a one-column sort costs less (50 ms of 270 per 70,000 rows).
CREATE OR REPLACE FUNCTION application_document_exists() RETURNS trigger LANGUAGE plpgsql
    SET enable_hashjoin = off SET enable_mergejoin = off AS $$
DECLARE
    bad record;
BEGIN
    SELECT n.entity_code, n.module, n.document_number INTO bad
      FROM (SELECT entity_code, module, document_number FROM new_applications ORDER BY document_number) n
     WHERE NOT EXISTS (SELECT 1 FROM document d WHERE d.entity_code = n.entity_code AND d.module = n.module
                                                  AND d.number = n.document_number)
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'application to unknown document %/%/%', bad.entity_code, bad.module, bad.document_number
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NULL;
END $$;

-- New or changed documents: each distinct party looked up once, in key order, and each distinct
-- entity once (a payments import adds a credit document for every overpaid payment, a few per
-- customer; the open-balance update touches every invoice it paid).
CREATE OR REPLACE FUNCTION document_references_exist() RETURNS trigger LANGUAGE plpgsql
    SET enable_hashjoin = off SET enable_mergejoin = off AS $$
DECLARE
    bad record;
BEGIN
    SELECT n.party_id INTO bad
      FROM (SELECT DISTINCT party_id FROM new_documents ORDER BY 1) n
     WHERE NOT EXISTS (SELECT 1 FROM party p WHERE p.party_id = n.party_id)
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'a document names an unknown party %', bad.party_id USING ERRCODE = 'foreign_key_violation';
    END IF;
    SELECT n.entity_code INTO bad
      FROM (SELECT DISTINCT entity_code FROM new_documents) n
     WHERE NOT EXISTS (SELECT 1 FROM financial_entity e WHERE e.code = n.entity_code)
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'a document names an unknown entity %', bad.entity_code USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NULL;
END $$;
