-- The ledger's rules as the database holds them, whatever code writes: every trigger function in
-- one
-- place, in its current form. Flyway applies this file after the versioned migrations, and again
-- whenever it changes; the versioned migrations before it (V1 to V20) created and redefined these
-- functions and are kept as they were applied. Change a rule here, not in a new versioned
-- migration; a versioned migration creates and drops triggers and never relies on a body below.

-- ===============================================================================================
-- Journals and their lines: balanced per entity and currency, lines only into an open journal of
-- an open batch, posted journals and lines immutable, references checked once per statement
-- ===============================================================================================

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

CREATE OR REPLACE FUNCTION journal_lines_must_balance() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    bad record;
BEGIN
    -- LATERAL: each touched journal is summed through the primary key, never by scanning the table
    SELECT c.journal_id, t.currency, t.debit, t.credit INTO bad
      FROM (SELECT DISTINCT entity_code, journal_id FROM changed_lines) c,
           LATERAL (SELECT l.currency, sum(l.debit) AS debit, sum(l.credit) AS credit
                      FROM journal_line l
                     WHERE l.entity_code = c.entity_code AND l.journal_id = c.journal_id
                     GROUP BY l.currency
                    HAVING sum(l.debit) <> sum(l.credit)) t
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'journal % does not balance in %: debit %, credit %',
            bad.journal_id, bad.currency, bad.debit, bad.credit USING ERRCODE = 'check_violation';
    END IF;
    SELECT c.journal_id, t.debit, t.credit INTO bad
      FROM (SELECT DISTINCT entity_code, journal_id FROM changed_lines) c,
           LATERAL (SELECT sum(l.base_debit) AS debit, sum(l.base_credit) AS credit
                      FROM journal_line l
                     WHERE l.entity_code = c.entity_code AND l.journal_id = c.journal_id
                    HAVING sum(l.base_debit) <> sum(l.base_credit)) t
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'journal % does not balance in base currency: debit %, credit %',
            bad.journal_id, bad.debit, bad.credit USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END $$;

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

CREATE OR REPLACE FUNCTION journal_of_posted_batch_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    batch_status text;
BEGIN
    SELECT status INTO batch_status FROM batch WHERE id = OLD.batch_id;
    IF batch_status = 'POSTED' THEN
        IF TG_OP = 'DELETE'
           OR (to_jsonb(NEW) - 'sent_at') IS DISTINCT FROM (to_jsonb(OLD) - 'sent_at') THEN
            RAISE EXCEPTION 'journal % is posted: it cannot be changed or deleted; post a reversing journal instead',
                OLD.id USING ERRCODE = 'integrity_constraint_violation';
        END IF;
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;

CREATE OR REPLACE FUNCTION journal_line_of_closed_batch_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    batch_status text;
    target_journal bigint := CASE WHEN TG_OP = 'INSERT' THEN NEW.journal_id ELSE OLD.journal_id END;
BEGIN
    SELECT b.status INTO batch_status FROM journal j JOIN batch b ON b.id = j.batch_id WHERE j.id = target_journal;
    IF batch_status IN ('POSTED', 'VOIDED') THEN
        RAISE EXCEPTION 'journal % is in a % batch: its lines cannot be changed; post a reversing journal instead',
            target_journal, lower(batch_status) USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;

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

CREATE OR REPLACE FUNCTION journal_line_references_exist() RETURNS trigger LANGUAGE plpgsql
    SET enable_hashjoin = off SET enable_mergejoin = off AS $$
DECLARE
    bad record;
BEGIN
    SELECT n.journal_id, n.entity_code, n.account_code, n.party_id INTO bad
      FROM changed_lines n
     WHERE NOT EXISTS (SELECT 1 FROM journal j WHERE j.entity_code = n.entity_code AND j.id = n.journal_id)
        OR NOT EXISTS (SELECT 1 FROM account a WHERE a.entity_code = n.entity_code AND a.account_code = n.account_code)
        OR (n.party_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM party p WHERE p.party_id = n.party_id))
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'journal line of journal % names an unknown journal, account % of % or party %',
            bad.journal_id, bad.account_code, bad.entity_code, bad.party_id USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION journal_line_distinct_references_exist() RETURNS trigger LANGUAGE plpgsql
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

CREATE OR REPLACE FUNCTION referenced_by_journals_is_kept() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    referred boolean;
BEGIN
    IF TG_TABLE_NAME = 'batch' THEN
        referred := EXISTS (SELECT 1 FROM journal WHERE batch_id = OLD.id);
    ELSE
        referred := EXISTS (SELECT 1 FROM journal WHERE entity_code = OLD.code);
    END IF;
    IF referred THEN
        RAISE EXCEPTION 'this % holds journals and cannot be deleted', TG_TABLE_NAME USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN OLD;
END $$;

CREATE OR REPLACE FUNCTION referenced_by_journal_lines_is_kept() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    referred boolean;
BEGIN
    -- OLD's fields differ per table: each branch reads only its own
    IF TG_TABLE_NAME = 'journal' THEN
        referred := EXISTS (SELECT 1 FROM journal_line WHERE entity_code = OLD.entity_code AND journal_id = OLD.id);
    ELSIF TG_TABLE_NAME = 'account' THEN
        referred := EXISTS (SELECT 1 FROM journal_line WHERE entity_code = OLD.entity_code AND account_code = OLD.account_code);
    ELSE
        referred := EXISTS (SELECT 1 FROM journal_line WHERE party_id = OLD.party_id);
    END IF;
    IF referred THEN
        RAISE EXCEPTION 'this % is referred to by journal lines and cannot be deleted', TG_TABLE_NAME
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN OLD;
END $$;

CREATE OR REPLACE FUNCTION ledger_tables_are_not_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the ledger table % cannot be truncated', TG_TABLE_NAME USING ERRCODE = 'integrity_constraint_violation';
END $$;

-- ===============================================================================================
-- Batches: the lifecycle Open -> Ready -> Posted (or Voided), the digest of a batch's lines, the
-- last live batch of an import
-- ===============================================================================================

CREATE OR REPLACE FUNCTION batch_lifecycle() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF OLD.status = 'POSTED' THEN
            RAISE EXCEPTION 'batch % is posted and cannot be deleted', OLD.name USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN OLD;
    END IF;
    IF OLD.status IN ('POSTED', 'VOIDED')
       AND to_jsonb(NEW) - 'reversed_by_batch_id' IS DISTINCT FROM to_jsonb(OLD) - 'reversed_by_batch_id' THEN
        RAISE EXCEPTION 'batch % is % and cannot change', OLD.name, lower(OLD.status) USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF NEW.reversed_by_batch_id IS DISTINCT FROM OLD.reversed_by_batch_id
       AND (OLD.reversed_by_batch_id IS NOT NULL OR OLD.status <> 'POSTED'
            OR NOT EXISTS (SELECT 1 FROM batch r WHERE r.id = NEW.reversed_by_batch_id AND r.batch_type = 'REVERSAL')) THEN
        RAISE EXCEPTION 'batch % is reversed once, by a REVERSAL batch, after it is posted', OLD.name
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF NEW.status = 'POSTED' AND OLD.status <> 'POSTED' THEN
        IF OLD.status <> 'READY' THEN
            RAISE EXCEPTION 'batch % is % and only READY batches post', OLD.name, OLD.status USING ERRCODE = 'check_violation';
        END IF;
        IF EXISTS (SELECT 1 FROM journal j WHERE j.batch_id = NEW.id
                      AND NOT EXISTS (SELECT 1 FROM journal_line l WHERE l.journal_id = j.id)) THEN
            RAISE EXCEPTION 'batch % holds a journal without lines', OLD.name USING ERRCODE = 'check_violation';
        END IF;
    END IF;
    RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION batch_lines_digest(p_batch bigint) RETURNS text LANGUAGE sql STABLE AS $$
    SELECT md5(coalesce(string_agg(concat_ws('|', j.id, j.entity_code, j.journal_date, l.line_no, l.account_code,
                                             l.currency, l.debit, l.credit, l.base_debit, l.base_credit,
                                             l.party_id, l.document_number, l.description),
                                   E'\n' ORDER BY j.id, l.line_no), ''))
      FROM journal j JOIN journal_line l ON l.entity_code = j.entity_code AND l.journal_id = j.id
     WHERE j.batch_id = p_batch
$$;

CREATE OR REPLACE FUNCTION last_live_batch_of_its_import(p_batch bigint) RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT b.import_run_id IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM batch o
                            WHERE o.import_run_id = b.import_run_id AND o.id <> b.id
                              AND o.status <> 'VOIDED' AND o.reversed_by_batch_id IS NULL)
      FROM batch b WHERE b.id = p_batch
$$;

-- ===============================================================================================
-- Journal numbers: given at posting, once, without gaps
-- ===============================================================================================

CREATE OR REPLACE FUNCTION posted_journals_are_numbered() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM journal j WHERE j.batch_id = NEW.id
                  AND NOT EXISTS (SELECT 1 FROM posted_journal_number n WHERE n.journal_id = j.id)) THEN
        RAISE EXCEPTION 'batch % cannot be posted: a journal of it has no number', NEW.id
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION journal_numbers_are_final() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'journal % is posted as number % of %: journal numbers are given once and never changed',
        OLD.journal_id, OLD.number, OLD.entity_code USING ERRCODE = 'integrity_constraint_violation';
END $$;

-- ===============================================================================================
-- AR/AP documents and their applications: references checked once per statement, what documents
-- refer to kept
-- ===============================================================================================

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

CREATE OR REPLACE FUNCTION document_update_references_exist() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM party p WHERE p.party_id = NEW.party_id) THEN
        RAISE EXCEPTION 'a document names an unknown party %', NEW.party_id USING ERRCODE = 'foreign_key_violation';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM financial_entity e WHERE e.code = NEW.entity_code) THEN
        RAISE EXCEPTION 'a document names an unknown entity %', NEW.entity_code USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NULL;
END $$;

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

CREATE OR REPLACE FUNCTION referenced_by_documents_is_kept() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    referred boolean;
BEGIN
    -- OLD's fields differ per table: each branch reads only its own
    IF TG_TABLE_NAME = 'party' THEN
        referred := EXISTS (SELECT 1 FROM document WHERE party_id = OLD.party_id);
    ELSE
        referred := EXISTS (SELECT 1 FROM document WHERE entity_code = OLD.code);
    END IF;
    IF referred THEN
        RAISE EXCEPTION '% is referred to by documents and cannot be deleted', TG_TABLE_NAME
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN OLD;
END $$;
