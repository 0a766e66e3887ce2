-- The ledger's rules as the database holds them, whatever code writes: every trigger function in
-- one
-- place, in its current form. Flyway applies this file after the versioned migrations, and again
-- whenever it changes; the versioned migrations before it (V1 to V20) created and redefined these
-- functions and are kept as they were applied. Change a rule here, not in a new versioned
-- migration; a versioned migration creates and drops triggers and never relies on a body below.

-- ===============================================================================================
-- Where a rule reads: on one PostgreSQL server the tables by name; on a Citus cluster (tables
-- distributed by entity, docs/scaling.md) a rule runs on a shard and a query of a distributed table
-- by name would be a distributed query the shard cannot run, nor see this transaction's rows
-- through. There a rule of a distributed table's shard reads the shards co-located with it (the
-- same entities); a rule of a reference table's copy reads every shard group on its node (each
-- node's copy checks its own shards, so together they check them all). Reference tables are read
-- by name everywhere.
-- ===============================================================================================

-- The relations a rule reads for the tables `wanted`, one array per shard group, in the order of
-- `wanted`: on one server (or before the tables are distributed) the tables themselves; on a shard,
-- a distributed table's co-located shard and a reference table's copy on this node (a query that
-- joins a statement's transition table must name them so: Citus plans a table by its name as a
-- distributed query, which a shard cannot run).
CREATE OR REPLACE FUNCTION ledger_shard_groups(rule_relation regclass, wanted regclass[]) RETURNS SETOF regclass[]
    LANGUAGE plpgsql STABLE AS $$
DECLARE
    shard bigint;
    ranges text[];
BEGIN
    IF to_regclass('pg_catalog.pg_dist_shard') IS NULL THEN
        RETURN NEXT wanted;
        RETURN;
    END IF;
    -- a shard is named after its table and its shard id
    shard := substring(rule_relation::text FROM '_(\d+)$')::bigint;
    IF shard IS NULL OR NOT EXISTS (SELECT 1 FROM pg_catalog.pg_dist_shard WHERE shardid = shard) THEN
        RETURN NEXT wanted;
        RETURN;
    END IF;
    -- the shard groups to check: the rule's own (a distributed table's shard), or every group on this
    -- node (a reference table's copy); one group when no table wanted is distributed
    SELECT CASE WHEN s.shardminvalue IS NOT NULL THEN ARRAY[s.shardminvalue]
                WHEN NOT EXISTS (SELECT 1 FROM pg_catalog.pg_dist_partition d WHERE d.logicalrelid = ANY (wanted) AND d.partmethod = 'h')
                THEN ARRAY[NULL::text]
                ELSE coalesce((SELECT array_agg(DISTINCT o.shardminvalue)
                                 FROM pg_catalog.pg_dist_shard o
                                 JOIN pg_catalog.pg_dist_partition d ON d.logicalrelid = o.logicalrelid AND d.partmethod = 'h'
                                 JOIN pg_catalog.pg_dist_placement p ON p.shardid = o.shardid
                                WHERE o.logicalrelid = ANY (wanted) AND p.groupid = (SELECT groupid FROM pg_catalog.pg_dist_local_group)),
                              ARRAY[]::text[]) END
      INTO ranges
      FROM pg_catalog.pg_dist_shard s WHERE s.shardid = shard;
    RETURN QUERY
        SELECT array_agg(CASE WHEN d.partmethod = 'h' THEN shard_name(t.rel, h.shardid)::regclass
                              WHEN d.partmethod = 'n' THEN shard_name(t.rel, r.shardid)::regclass
                              ELSE t.rel END ORDER BY t.ord)
          FROM unnest(ranges) g(minimum)
          CROSS JOIN unnest(wanted) WITH ORDINALITY t(rel, ord)
          LEFT JOIN pg_catalog.pg_dist_partition d ON d.logicalrelid = t.rel
          LEFT JOIN pg_catalog.pg_dist_shard h ON d.partmethod = 'h' AND h.logicalrelid = t.rel AND h.shardminvalue = g.minimum
          LEFT JOIN pg_catalog.pg_dist_shard r ON d.partmethod = 'n' AND r.logicalrelid = t.rel
         GROUP BY g.minimum;
END $$;

-- The ledger table a rule fires on, also when it fires on a shard of it (named table_102008).
CREATE OR REPLACE FUNCTION ledger_table_name(rule_relation regclass) RETURNS text LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN to_regclass('pg_catalog.pg_dist_shard') IS NULL THEN c.relname
                ELSE regexp_replace(c.relname, '_\d+$', '') END
      FROM pg_class c WHERE c.oid = rule_relation
$$;

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
    -- (the table the trigger fires on: journal_line, or its shard on a cluster)
    EXECUTE format($q$
        SELECT c.journal_id, t.currency, t.debit, t.credit
          FROM (SELECT DISTINCT entity_code, journal_id FROM changed_lines) c,
               LATERAL (SELECT l.currency, sum(l.debit) AS debit, sum(l.credit) AS credit
                          FROM %s l
                         WHERE l.entity_code = c.entity_code AND l.journal_id = c.journal_id
                         GROUP BY l.currency
                        HAVING sum(l.debit) <> sum(l.credit)) t
         LIMIT 1$q$, TG_RELID::regclass) INTO bad;
    IF bad.journal_id IS NOT NULL THEN
        RAISE EXCEPTION 'journal % does not balance in %: debit %, credit %',
            bad.journal_id, bad.currency, bad.debit, bad.credit USING ERRCODE = 'check_violation';
    END IF;
    EXECUTE format($q$
        SELECT c.journal_id, t.debit, t.credit
          FROM (SELECT DISTINCT entity_code, journal_id FROM changed_lines) c,
               LATERAL (SELECT sum(l.base_debit) AS debit, sum(l.base_credit) AS credit
                          FROM %s l
                         WHERE l.entity_code = c.entity_code AND l.journal_id = c.journal_id
                        HAVING sum(l.base_debit) <> sum(l.base_credit)) t
         LIMIT 1$q$, TG_RELID::regclass) INTO bad;
    IF bad.journal_id IS NOT NULL THEN
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
    EXECUTE format($q$
        SELECT n.journal_id, n.entity_code, j.id IS NOT NULL AS known, j.batch_id
          FROM (SELECT DISTINCT journal_id, entity_code FROM changed_lines ORDER BY 1) n
          LEFT JOIN %s j ON j.id = n.journal_id AND j.entity_code = n.entity_code
         WHERE j.id IS NULL
            OR j.batch_id <> ALL (ARRAY(SELECT id FROM %s WHERE status NOT IN ('POSTED', 'VOIDED')))
         LIMIT 1$q$, VARIADIC (SELECT g FROM ledger_shard_groups(TG_RELID, ARRAY['journal'::regclass, 'batch'::regclass]) g)::text[]) INTO bad;
    IF bad.journal_id IS NOT NULL AND NOT bad.known THEN
        RAISE EXCEPTION 'journal line names an unknown journal % of %', bad.journal_id, bad.entity_code
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    IF bad.journal_id IS NOT NULL THEN
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
    IF TG_RELID = 'journal_line'::regclass THEN -- one server: a query planned once, for the many rows of a void
        SELECT b.status INTO batch_status FROM journal j JOIN batch b ON b.id = j.batch_id WHERE j.id = target_journal;
    ELSE
        EXECUTE format('SELECT b.status FROM %s j JOIN batch b ON b.id = j.batch_id WHERE j.id = $1',
                       (SELECT g[1] FROM ledger_shard_groups(TG_RELID, ARRAY['journal'::regclass]) g))
            INTO batch_status USING target_journal;
    END IF;
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
    EXECUTE format($q$
        SELECT n.entity_code, n.batch_id
          FROM (SELECT DISTINCT entity_code, batch_id FROM new_journals) n
         WHERE NOT EXISTS (SELECT 1 FROM %s e WHERE e.code = n.entity_code)
            OR NOT EXISTS (SELECT 1 FROM %s b WHERE b.id = n.batch_id)
         LIMIT 1$q$, VARIADIC (SELECT g FROM ledger_shard_groups(TG_RELID, ARRAY['financial_entity'::regclass, 'batch'::regclass]) g)::text[])
        INTO bad;
    IF bad.entity_code IS NOT NULL THEN
        RAISE EXCEPTION 'a new journal names an unknown entity % or batch %', bad.entity_code, bad.batch_id
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    EXECUTE format($q$
        SELECT n.id, n.entity_code, n.reverses_journal_id
          FROM new_journals n
         WHERE n.reverses_journal_id IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM %s r WHERE r.id = n.reverses_journal_id AND r.entity_code = n.entity_code)
         LIMIT 1$q$, TG_RELID::regclass) INTO bad;
    IF bad.id IS NOT NULL THEN
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
    EXECUTE format($q$
        SELECT n.journal_id, n.entity_code, n.account_code, n.party_id
          FROM changed_lines n
         WHERE NOT EXISTS (SELECT 1 FROM %s j WHERE j.entity_code = n.entity_code AND j.id = n.journal_id)
            OR NOT EXISTS (SELECT 1 FROM %s a WHERE a.entity_code = n.entity_code AND a.account_code = n.account_code)
            OR (n.party_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM %s p WHERE p.party_id = n.party_id))
         LIMIT 1$q$, VARIADIC (SELECT g FROM ledger_shard_groups(TG_RELID,
                                 ARRAY['journal'::regclass, 'account'::regclass, 'party'::regclass]) g)::text[]) INTO bad;
    IF bad.journal_id IS NOT NULL THEN
        RAISE EXCEPTION 'journal line of journal % names an unknown journal, account % of % or party %',
            bad.journal_id, bad.account_code, bad.entity_code, bad.party_id USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION journal_line_distinct_references_exist() RETURNS trigger LANGUAGE plpgsql
    SET enable_hashjoin = off SET enable_mergejoin = off AS $$
DECLARE
    bad record;
    tables text[] := (SELECT g FROM ledger_shard_groups(TG_RELID, ARRAY['account'::regclass, 'party'::regclass]) g)::text[];
BEGIN
    EXECUTE format($q$
        SELECT n.entity_code, n.account_code
          FROM (SELECT DISTINCT entity_code, account_code FROM changed_lines) n
         WHERE NOT EXISTS (SELECT 1 FROM %s a WHERE a.entity_code = n.entity_code AND a.account_code = n.account_code)
         LIMIT 1$q$, tables[1]) INTO bad;
    IF bad.account_code IS NOT NULL THEN
        RAISE EXCEPTION 'journal line names an unknown account % of %', bad.account_code, bad.entity_code
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    EXECUTE format($q$
        SELECT n.party_id
          FROM (SELECT DISTINCT party_id FROM changed_lines WHERE party_id IS NOT NULL ORDER BY 1) n
         WHERE NOT EXISTS (SELECT 1 FROM %s p WHERE p.party_id = n.party_id)
         LIMIT 1$q$, tables[2]) INTO bad;
    IF bad.party_id IS NOT NULL THEN
        RAISE EXCEPTION 'journal line names an unknown party %', bad.party_id USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION referenced_by_journals_is_kept() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    referred boolean := false;
    journals regclass[];
BEGIN
    FOR journals IN SELECT * FROM ledger_shard_groups(TG_RELID, ARRAY['journal'::regclass]) LOOP
        IF ledger_table_name(TG_RELID) = 'batch' THEN
            EXECUTE format('SELECT EXISTS (SELECT 1 FROM %s WHERE batch_id = $1)', journals[1]) INTO referred USING OLD.id;
        ELSE
            EXECUTE format('SELECT EXISTS (SELECT 1 FROM %s WHERE entity_code = $1)', journals[1]) INTO referred USING OLD.code;
        END IF;
        EXIT WHEN referred;
    END LOOP;
    IF referred THEN
        RAISE EXCEPTION 'this % holds journals and cannot be deleted', ledger_table_name(TG_RELID) USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN OLD;
END $$;

CREATE OR REPLACE FUNCTION referenced_by_journal_lines_is_kept() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    referred boolean := false;
    lines regclass[];
    table_name text := ledger_table_name(TG_RELID);
BEGIN
    IF TG_RELID = 'journal'::regclass THEN -- one server: planned once, for the many journals of a void
        referred := EXISTS (SELECT 1 FROM journal_line WHERE entity_code = OLD.entity_code AND journal_id = OLD.id);
    END IF;
    -- OLD's fields differ per table: each branch reads only its own
    FOR lines IN SELECT * FROM ledger_shard_groups(TG_RELID, ARRAY['journal_line'::regclass]) WHERE TG_RELID <> 'journal'::regclass LOOP
        IF table_name = 'journal' THEN
            EXECUTE format('SELECT EXISTS (SELECT 1 FROM %s WHERE entity_code = $1 AND journal_id = $2)', lines[1])
                INTO referred USING OLD.entity_code, OLD.id;
        ELSIF table_name = 'account' THEN
            EXECUTE format('SELECT EXISTS (SELECT 1 FROM %s WHERE entity_code = $1 AND account_code = $2)', lines[1])
                INTO referred USING OLD.entity_code, OLD.account_code;
        ELSE
            EXECUTE format('SELECT EXISTS (SELECT 1 FROM %s WHERE party_id = $1)', lines[1]) INTO referred USING OLD.party_id;
        END IF;
        EXIT WHEN referred;
    END LOOP;
    IF referred THEN
        RAISE EXCEPTION 'this % is referred to by journal lines and cannot be deleted', table_name
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN OLD;
END $$;

CREATE OR REPLACE FUNCTION ledger_tables_are_not_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the ledger table % cannot be truncated', ledger_table_name(TG_RELID) USING ERRCODE = 'integrity_constraint_violation';
END $$;

-- ===============================================================================================
-- Batches: the lifecycle Open -> Ready -> Posted (or Voided), the digest of a batch's lines, the
-- last live batch of an import
-- ===============================================================================================

CREATE OR REPLACE FUNCTION batch_lifecycle() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    tables regclass[];
    empty_journal boolean;
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
        FOR tables IN SELECT * FROM ledger_shard_groups(TG_RELID, ARRAY['journal'::regclass, 'journal_line'::regclass]) LOOP
            EXECUTE format('SELECT EXISTS (SELECT 1 FROM %s j WHERE j.batch_id = $1
                                              AND NOT EXISTS (SELECT 1 FROM %s l WHERE l.journal_id = j.id))', tables[1], tables[2])
                INTO empty_journal USING NEW.id;
            IF empty_journal THEN
                RAISE EXCEPTION 'batch % holds a journal without lines', OLD.name USING ERRCODE = 'check_violation';
            END IF;
        END LOOP;
    END IF;
    RETURN NEW;
END $$;

-- The lines are read in a subquery of their own (OFFSET 0 keeps it one) and joined on its result: a
-- Citus cluster reads them from the shards, then aggregates them in order on the coordinator (and it
-- plans a query with parameters in PL/pgSQL, not in an SQL function).
CREATE OR REPLACE FUNCTION batch_lines_digest(p_batch bigint) RETURNS text LANGUAGE plpgsql STABLE AS $$
BEGIN
    RETURN (SELECT md5(coalesce(string_agg(x.line, E'\n' ORDER BY x.id, x.line_no), ''))
              FROM (SELECT j.id, l.line_no,
                           concat_ws('|', j.id, j.entity_code, j.journal_date, l.line_no, l.account_code, l.currency, l.debit,
                                     l.credit, l.base_debit, l.base_credit, l.party_id, l.document_number, l.description) AS line
                      FROM journal j JOIN journal_line l ON l.entity_code = j.entity_code AND l.journal_id = j.id
                     WHERE j.batch_id = p_batch
                    OFFSET 0) x);
END $$;

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
DECLARE
    tables regclass[];
    unnumbered boolean;
BEGIN
    FOR tables IN SELECT * FROM ledger_shard_groups(TG_RELID, ARRAY['journal'::regclass, 'posted_journal_number'::regclass]) LOOP
        EXECUTE format('SELECT EXISTS (SELECT 1 FROM %s j WHERE j.batch_id = $1
                                          AND NOT EXISTS (SELECT 1 FROM %s n WHERE n.journal_id = j.id))', tables[1], tables[2])
            INTO unnumbered USING NEW.id;
        IF unnumbered THEN
            RAISE EXCEPTION 'batch % cannot be posted: a journal of it has no number', NEW.id
                USING ERRCODE = 'integrity_constraint_violation';
        END IF;
    END LOOP;
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
    tables text[] := (SELECT g FROM ledger_shard_groups(TG_RELID, ARRAY['party'::regclass, 'financial_entity'::regclass]) g)::text[];
BEGIN
    EXECUTE format($q$
        SELECT n.party_id
          FROM (SELECT DISTINCT party_id FROM new_documents ORDER BY 1) n
         WHERE NOT EXISTS (SELECT 1 FROM %s p WHERE p.party_id = n.party_id)
         LIMIT 1$q$, tables[1]) INTO bad;
    IF bad.party_id IS NOT NULL THEN
        RAISE EXCEPTION 'a document names an unknown party %', bad.party_id USING ERRCODE = 'foreign_key_violation';
    END IF;
    EXECUTE format($q$
        SELECT n.entity_code
          FROM (SELECT DISTINCT entity_code FROM new_documents) n
         WHERE NOT EXISTS (SELECT 1 FROM %s e WHERE e.code = n.entity_code)
         LIMIT 1$q$, tables[2]) INTO bad;
    IF bad.entity_code IS NOT NULL THEN
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
    EXECUTE format($q$
        SELECT n.entity_code, n.module, n.document_number
          FROM (SELECT entity_code, module, document_number FROM new_applications ORDER BY document_number) n
         WHERE NOT EXISTS (SELECT 1 FROM %s d WHERE d.entity_code = n.entity_code AND d.module = n.module
                                                AND d.number = n.document_number)
         LIMIT 1$q$, (SELECT g[1] FROM ledger_shard_groups(TG_RELID, ARRAY['document'::regclass]) g)) INTO bad;
    IF bad.document_number IS NOT NULL THEN
        RAISE EXCEPTION 'application to unknown document %/%/%', bad.entity_code, bad.module, bad.document_number
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION referenced_by_documents_is_kept() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    referred boolean := false;
    documents regclass[];
BEGIN
    -- OLD's fields differ per table: each branch reads only its own
    FOR documents IN SELECT * FROM ledger_shard_groups(TG_RELID, ARRAY['document'::regclass]) LOOP
        IF ledger_table_name(TG_RELID) = 'party' THEN
            EXECUTE format('SELECT EXISTS (SELECT 1 FROM %s WHERE party_id = $1)', documents[1]) INTO referred USING OLD.party_id;
        ELSE
            EXECUTE format('SELECT EXISTS (SELECT 1 FROM %s WHERE entity_code = $1)', documents[1]) INTO referred USING OLD.code;
        END IF;
        EXIT WHEN referred;
    END LOOP;
    IF referred THEN
        RAISE EXCEPTION '% is referred to by documents and cannot be deleted', ledger_table_name(TG_RELID)
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN OLD;
END $$;
