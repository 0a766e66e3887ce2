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
