-- Big ledgers (a million journals and more): every list is read a page at a time along an index,
-- and every summary from an aggregate that an index or a small table serves. No query reads the
-- whole of journal, journal_line, document or audit_event to show one screen.

-- The journals waiting for the GL, oldest first: the GL integration screen, `gl pending`, the
-- oldest journal not sent, and `gl validate|send --all` read them in (date, id) pages from here.
-- Journals of batches not posted yet are in it too (they are not sent either); the page query
-- skips them through the batch, which is a short list.
CREATE INDEX journal_not_sent ON journal (journal_date, id) WHERE sent_at IS NULL;

-- The latest date already sent per entity, for the backdated flag: one index probe per entity.
CREATE INDEX journal_sent_by_entity ON journal (entity_code, journal_date) WHERE sent_at IS NOT NULL;

-- A batch's journals in id order, a page at a time (the index on batch_id alone returned them in
-- heap order, so a page of a million-journal batch had to sort the million first).
DROP INDEX journal_by_batch;
CREATE INDEX journal_by_batch ON journal (batch_id, id);

-- The documents list's order (party, due date with undated last, date, then the key) as an index,
-- so that its pages are keyset ranges; it replaces the index on party alone, which it begins with.
DROP INDEX document_by_party;
CREATE INDEX document_by_party ON document (party_id, (coalesce(due_date, 'infinity'::date)), doc_date, entity_code, module, number);

-- Documents by number alone (release, edit and retainage name a document by its number) and by
-- the start of their number (the documents screen's filter): byte order serves both.
CREATE INDEX document_by_number ON document (number text_pattern_ops);

-- The journals of a document (its screen and API): lines that name a document, by entity and number.
CREATE INDEX journal_line_by_document ON journal_line (entity_code, document_number) WHERE document_number IS NOT NULL;

-- A subject's history (`gl history`, a journal's events) and the audit list filtered by subject.
CREATE INDEX audit_event_by_subject ON audit_event (subject, id);

-- What a posted batch holds, per entity and day and per entity and account, written once when it
-- is posted (posted journals never change), and what was sent to the GL per entity and day, added
-- to as journals are sent or marked as sent. The batch list, the dashboard, the trial balance and
-- the GL pending summary read these few rows instead of summing lines: the journals waiting in a
-- range are what was posted in it less what was sent. Batches not posted yet are summed when
-- shown. `check` recomputes all three from the journals and lines.
CREATE TABLE batch_day_total (
    batch_id     bigint NOT NULL REFERENCES batch (id),
    entity_code  text NOT NULL REFERENCES financial_entity (code),
    journal_date date NOT NULL,
    journals     bigint NOT NULL,
    base_debit   numeric(20, 4) NOT NULL,
    base_credit  numeric(20, 4) NOT NULL,
    PRIMARY KEY (batch_id, entity_code, journal_date)
);
CREATE INDEX batch_day_total_by_date ON batch_day_total (journal_date);

INSERT INTO batch_day_total (batch_id, entity_code, journal_date, journals, base_debit, base_credit)
SELECT j.batch_id, j.entity_code, j.journal_date, count(*), coalesce(sum(t.debit), 0), coalesce(sum(t.credit), 0)
  FROM batch b
  JOIN journal j ON j.batch_id = b.id
  CROSS JOIN LATERAL (SELECT sum(l.base_debit) AS debit, sum(l.base_credit) AS credit FROM journal_line l WHERE l.journal_id = j.id) t
 WHERE b.status = 'POSTED'
 GROUP BY j.batch_id, j.entity_code, j.journal_date;

CREATE TABLE sent_day_total (
    entity_code  text NOT NULL REFERENCES financial_entity (code),
    journal_date date NOT NULL,
    journals     bigint NOT NULL,
    base_debit   numeric(20, 4) NOT NULL,
    PRIMARY KEY (entity_code, journal_date)
);

INSERT INTO sent_day_total (entity_code, journal_date, journals, base_debit)
SELECT j.entity_code, j.journal_date, count(*), coalesce(sum(t.debit), 0)
  FROM journal j
  CROSS JOIN LATERAL (SELECT sum(l.base_debit) AS debit FROM journal_line l WHERE l.journal_id = j.id) t
 WHERE j.sent_at IS NOT NULL
 GROUP BY j.entity_code, j.journal_date;

CREATE TABLE batch_account_total (
    batch_id     bigint NOT NULL REFERENCES batch (id),
    entity_code  text NOT NULL,
    account_code text NOT NULL,
    base_debit   numeric(20, 4) NOT NULL,
    base_credit  numeric(20, 4) NOT NULL,
    PRIMARY KEY (batch_id, entity_code, account_code),
    FOREIGN KEY (entity_code, account_code) REFERENCES account (entity_code, account_code)
);

INSERT INTO batch_account_total (batch_id, entity_code, account_code, base_debit, base_credit)
SELECT j.batch_id, l.entity_code, l.account_code, sum(l.base_debit), sum(l.base_credit)
  FROM batch b
  JOIN journal j ON j.batch_id = b.id
  JOIN journal_line l ON l.journal_id = j.id
 WHERE b.status = 'POSTED'
 GROUP BY j.batch_id, l.entity_code, l.account_code;
