package org.ledgerbridge.ledger;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.ledgerbridge.ledger.PostingRule.*;

/**
 * The one door through which journals enter the ledger. Every journal is checked here before a
 * byte is written (balanced per entity and currency, known and active accounts, open period),
 * and the database checks balance and immutability again on its own.
 */
@Service
public class PostingService {

    private final JdbcClient jdbc;
    private final javax.sql.DataSource dataSource;
    private final JournalStore store;
    private final AuditLog audit;

    PostingService(JdbcClient jdbc, JournalStore store, javax.sql.DataSource dataSource, AuditLog audit) {
        this.jdbc = jdbc;
        this.store = store;
        this.dataSource = dataSource;
        this.audit = audit;
    }

    /** Posts all the journals into an OPEN batch, or none of them. */
    @Transactional
    public Posting post(long batchId, List<JournalDraft> drafts, String actor) {
        return post(batchId, drafts, null, actor);
    }

    /**
     * Journal ids taken ahead of posting, for rows that name their journal before it is written (a
     * payment and the deposit journal it is summed into). Unused ids are gaps, as after any rollback.
     */
    public List<Long> reserveJournalIds(int n) {
        return store.reserveIds(n);
    }

    /** {@link #post(long, List, String)} with the journals' ids reserved before ({@link #reserveJournalIds}), in order. */
    @Transactional
    public Posting post(long batchId, List<JournalDraft> drafts, List<Long> reservedIds, String actor) {
        Optional<Posting.Refused> batchRefusal = batchMustBeOpen(batchId);
        if (batchRefusal.isPresent()) {
            return batchRefusal.get();
        }
        JournalRules.Chart chart = store.chartFor(drafts, false);
        List<JournalStore.PreparedJournal> prepared = new ArrayList<>(drafts.size());
        for (int i = 0; i < drafts.size(); i++) {
            JournalDraft draft = drafts.get(i);
            JournalRules.Checked checked = JournalRules.check(draft, i, chart);
            if (checked.refused() != null) {
                return checked.refused();
            }
            prepared.add(new JournalStore.PreparedJournal(draft, checked.baseAmounts(), null, null));
        }
        List<Long> ids = store.insert(batchId, prepared, reservedIds, actor);
        audit.record(actor, "journals.posted", "batch:" + batchId, Map.of("journals", ids.size()));
        return new Posting.Posted(ids);
    }

    /**
     * A posted journal is corrected only by its mirror image: same accounts and amounts, debit and
     * credit swapped, linked to the original with the reason given.
     */
    @Transactional
    public Posting reverse(long batchId, long journalId, LocalDate reversalDate, String reason, String actor) {
        if (reason == null || reason.isBlank()) {
            return new Posting.Refused(REASON_REQUIRED, 0, 0, "a reversal needs a reason");
        }
        Optional<Posting.Refused> batchRefusal = batchMustBeOpen(batchId);
        if (batchRefusal.isPresent()) {
            return batchRefusal.get();
        }
        var original = jdbc.sql("""
                        SELECT j.entity_code, b.status,
                               EXISTS (SELECT 1 FROM journal r WHERE r.entity_code = j.entity_code AND r.reverses_journal_id = j.id) AS reversed
                          FROM journal j JOIN batch b ON b.id = j.batch_id WHERE j.id = ?""")
                .param(journalId)
                .query((rs, n) -> new Object[]{rs.getString(1), rs.getString(2), rs.getBoolean(3)})
                .optional();
        if (original.isEmpty()) {
            return new Posting.Refused(UNKNOWN_JOURNAL, 0, 0, "no journal " + journalId);
        }
        if (!"POSTED".equals(original.get()[1])) {
            return new Posting.Refused(REVERSAL_OF_UNPOSTED_JOURNAL, 0, 0, "journal " + journalId
                    + " is in a " + original.get()[1] + " batch: change or void the batch instead of reversing");
        }
        if ((Boolean) original.get()[2]) {
            return new Posting.Refused(ALREADY_REVERSED, 0, 0, "journal " + journalId + " was already reversed");
        }
        String entity = (String) original.get()[0];
        List<JournalLineDraft> lines = new ArrayList<>();
        List<BigDecimal[]> base = new ArrayList<>();
        jdbc.sql("""
                        SELECT account_code, currency, debit, credit, base_debit, base_credit, party_id, document_number, description,
                               payment_count
                          FROM journal_line WHERE journal_id = ? ORDER BY line_no""")
                .param(journalId)
                .query(rs -> {
                    lines.add(new JournalLineDraft(rs.getString(1), rs.getString(2), rs.getBigDecimal(4), rs.getBigDecimal(3),
                            rs.getString(7), rs.getString(8), rs.getString(9), null, rs.getObject(10, Integer.class)));
                    base.add(new BigDecimal[]{rs.getBigDecimal(6), rs.getBigDecimal(5)});
                });
        JournalDraft mirror = new JournalDraft(entity, reversalDate, "reversal of journal " + journalId, reason, null, lines);
        JournalRules.Chart chart = store.chartFor(List.of(mirror), false);
        Optional<Posting.Refused> refusal = JournalRules.periodOpen(mirror, 0, chart)
                .or(() -> JournalRules.accountsKnownAndActive(mirror, 0, chart));
        if (refusal.isPresent()) {
            return refusal.get();
        }
        List<Long> ids = store.insert(batchId, List.of(new JournalStore.PreparedJournal(mirror, base, journalId, reason)), null, actor);
        audit.record(actor, "journal.reversed", "journal:" + journalId,
                Map.of("reversal", ids.get(0), "reason", reason, "batch", batchId));
        return new Posting.Posted(ids);
    }

    /**
     * Why the journals of these posted batches cannot be reversed on {@code date} (null: each on
     * the date of the journal it reverses): a closed period or an account no longer active.
     */
    public Optional<Posting.Refused> reversalRefusal(Long[] batchIds, LocalDate date) {
        Optional<Posting.Refused> closed = jdbc.sql("""
                        SELECT j.id, j.entity_code, coalesce(CAST(:date AS date), j.journal_date) AS day, p.closed_through
                          FROM journal j JOIN period_close p ON p.entity_code = j.entity_code
                         WHERE j.batch_id = ANY(:batches) AND coalesce(CAST(:date AS date), j.journal_date) <= p.closed_through
                         ORDER BY j.id LIMIT 1""")
                .param("date", date).param("batches", batchIds)
                .query((rs, n) -> new Posting.Refused(CLOSED_PERIOD, 0, 0, "the books of " + rs.getString(2) + " are closed through "
                        + rs.getObject(4, LocalDate.class) + "; the reversal of journal " + rs.getLong(1) + " would be dated "
                        + rs.getObject(3, LocalDate.class) + (date == null ? " (give a later reversal date)" : "")))
                .optional();
        if (closed.isPresent()) {
            return closed;
        }
        return jdbc.sql("""
                        SELECT l.journal_id, l.line_no, l.entity_code, l.account_code
                          FROM journal j JOIN journal_line l ON l.entity_code = j.entity_code AND l.journal_id = j.id
                          JOIN account a ON a.entity_code = l.entity_code AND a.account_code = l.account_code
                         WHERE j.batch_id = ANY(?) AND NOT a.active
                         ORDER BY l.journal_id, l.line_no LIMIT 1""")
                .param(batchIds)
                .query((rs, n) -> new Posting.Refused(INACTIVE_ACCOUNT, 0, rs.getInt(2), "account " + rs.getString(4) + " of "
                        + rs.getString(3) + " is inactive; journal " + rs.getLong(1) + " cannot be reversed onto it until it is active again"))
                .optional();
    }

    /**
     * Reverses every journal of the posted batches into an OPEN batch, in two set-based
     * statements whatever their number: each mirror journal names the journal it reverses. Check
     * {@link #reversalRefusal} first.
     * @return the number of reversing journals
     */
    @Transactional
    public long reverseBatches(long reversalBatchId, Long[] batchIds, LocalDate date, String reason, String actor) {
        batchMustBeOpen(reversalBatchId).ifPresent(refused -> {
            throw new IllegalStateException(refused.message());
        });
        // along journal_by_batch: the reversed batches' journals, then the reversing journals' own batch
        long journals = jdbc.sql("""
                        INSERT INTO journal (id, entity_code, batch_id, journal_date, source, description, reverses_journal_id,
                                             reversal_reason, created_by)
                        SELECT nextval('journal_id_seq'), j.entity_code, :batch, coalesce(CAST(:date AS date), j.journal_date),
                               'reversal of journal ' || j.id, j.description, j.id, :reason, :actor
                          FROM (SELECT * FROM journal WHERE batch_id = ANY(:batches) ORDER BY batch_id, id) j""")
                .param("batch", reversalBatchId).param("date", date).param("reason", reason).param("actor", actor)
                .param("batches", batchIds).update();
        jdbc.sql("""
                        INSERT INTO journal_line (journal_id, entity_code, line_no, account_code, currency, debit, credit,
                                                  base_debit, base_credit, party_id, document_number, description, payment_count,
                                                  tax_code)
                        SELECT r.id, l.entity_code, l.line_no, l.account_code, l.currency, l.credit, l.debit,
                               l.base_credit, l.base_debit, l.party_id, l.document_number, l.description, l.payment_count, l.tax_code
                          FROM journal r JOIN journal_line l ON l.entity_code = r.entity_code AND l.journal_id = r.reverses_journal_id
                         WHERE r.batch_id = ?""").param(reversalBatchId).update();
        audit.record(actor, "journals.posted", "batch:" + reversalBatchId, Map.of("journals", journals, "reversing", true));
        return journals;
    }

    /**
     * Posting many journals without holding them in memory: each journal is checked by the same
     * rules as {@link #post} and streamed to the database with COPY, all lines of a journal in one
     * COPY statement. Use it inside a transaction over {@code entities}; {@link PostingStream#close()}
     * sends the rest. The database checks balance and references per statement on its own.
     */
    public PostingStream stream(long batchId, java.util.Collection<String> entities, String actor) {
        batchMustBeOpen(batchId).ifPresent(refused -> {
            throw new IllegalStateException(refused.message());
        });
        List<JournalDraft> probe = entities.stream()
                .map(e -> new JournalDraft(e, LocalDate.MIN, "", null, null, List.of())).toList();
        return new PostingStream(jdbc, dataSource, audit, batchId, actor, store.chartFor(probe, true));
    }

    private Optional<Posting.Refused> batchMustBeOpen(long batchId) {
        Optional<String> status = jdbc.sql("SELECT status FROM batch WHERE id = ? FOR UPDATE")
                .param(batchId).query(String.class).optional();
        if (status.isEmpty()) {
            return Optional.of(new Posting.Refused(UNKNOWN_BATCH, 0, 0, "no batch " + batchId));
        }
        if (!"OPEN".equals(status.get())) {
            return Optional.of(new Posting.Refused(BATCH_NOT_OPEN, 0, 0,
                    "batch " + batchId + " is " + status.get() + "; journals go only into OPEN batches"));
        }
        return Optional.empty();
    }
}
