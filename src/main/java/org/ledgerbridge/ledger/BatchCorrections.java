package org.ledgerbridge.ledger;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The way back from a batch: an OPEN one is voided (its journals removed), a POSTED one reversed
 * (mirror journals in a new REVERSAL batch). Either way every module first says whether it can undo
 * what it recorded with the batch ({@link BatchEffects}), and the audit log says why.
 */
@Service
public class BatchCorrections {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final List<BatchEffects> effects;
    private final PostingService posting;
    private final BatchService batches;

    public BatchCorrections(JdbcClient jdbc, AuditLog audit, List<BatchEffects> effects, PostingService posting, BatchService batches) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.effects = effects;
        this.posting = posting;
        this.batches = batches;
    }

    /**
     * Voids OPEN batches, all or none: their journals and lines are removed, and every module undoes
     * what it recorded with them ({@link BatchEffects}); the batches stay, VOIDED, and the audit log
     * says what was removed and why.
     */
    @Transactional
    public BatchChange voidBatches(List<Long> ids, String reason, String actor) {
        if (reason == null || reason.isBlank()) {
            return new BatchChange.Refused(PostingRule.REASON_REQUIRED, ids.isEmpty() ? 0 : ids.get(0), "voiding a batch needs a reason");
        }
        for (long id : ids) {
            BatchStatus status = batches.statusForUpdate(id);
            if (status == null) {
                return new BatchChange.Refused(PostingRule.BATCH_NOT_FOUND, id, "no batch " + id);
            }
            if (status != BatchStatus.OPEN) {
                return new BatchChange.Refused(PostingRule.BATCH_NOT_OPEN, id, "batch " + id + " is " + status
                        + "; only an OPEN batch is voided (set a READY one back to OPEN first; a POSTED one is corrected by reversing it)");
            }
            Optional<BatchChange.Refused> refusal = batches.refusalToUndo(id);
            if (refusal.isPresent()) {
                return refusal.get();
            }
        }
        for (long id : ids) {
            effects.forEach(module -> module.undo(id, actor));
            long lines = jdbc.sql("""
                            DELETE FROM journal_line l USING journal j
                             WHERE l.entity_code = j.entity_code AND l.journal_id = j.id AND j.batch_id = ?""")
                    .param(id).update();
            long journals = jdbc.sql("DELETE FROM journal WHERE batch_id = ?").param(id).update();
            jdbc.sql("UPDATE batch SET status = 'VOIDED' WHERE id = ?").param(id).update();
            audit.record(actor, "batch.voided", "batch:" + id, Map.of("reason", reason, "journalsRemoved", journals, "linesRemoved", lines));
        }
        return new BatchChange.Changed(ids, BatchStatus.VOIDED);
    }

    /**
     * Reverses POSTED batches, all or none: one new REVERSAL batch holds a mirror journal for every
     * journal of theirs (debit and credit swapped, linked to the journal it reverses), dated
     * {@code date} or, when null, as the journal it reverses. It goes through READY and POSTED like
     * any batch; when it is posted, what the reversed batches did to the subledger is undone.
     */
    @Transactional
    public BatchChange reverse(List<Long> ids, String reason, LocalDate date, String actor) {
        long first = ids.isEmpty() ? 0 : ids.get(0);
        if (reason == null || reason.isBlank()) {
            return new BatchChange.Refused(PostingRule.REASON_REQUIRED, first, "reversing a batch needs a reason");
        }
        if (ids.isEmpty()) {
            return new BatchChange.Refused(PostingRule.BATCH_NOT_FOUND, 0, "name the batches to reverse");
        }
        for (long id : ids) {
            Optional<BatchChange.Refused> refusal = refusalToReverse(id);
            if (refusal.isPresent()) {
                return refusal.get();
            }
        }
        Long[] batchIds = ids.stream().distinct().toArray(Long[]::new);
        Optional<Posting.Refused> rule = posting.reversalRefusal(batchIds, date);
        if (rule.isPresent()) {
            return new BatchChange.Refused(rule.get().rule(), first, rule.get().message());
        }
        Batch reversal = batches.open(BatchType.REVERSAL, actor);
        long journals = posting.reverseBatches(reversal.id(), batchIds, date, reason, actor);
        for (long id : batchIds) {
            audit.record(actor, "batch.reversal-prepared", "batch:" + id, Map.of("reason", reason, "reversal", reversal.id()));
        }
        return new BatchChange.Reversing(List.of(batchIds), reversal.id(), reversal.name(), journals);
    }

    private record Reversible(BatchStatus status, BatchType type, Long reversedBy) {
    }

    private Optional<BatchChange.Refused> refusalToReverse(long id) {
        Optional<Reversible> found = jdbc.sql("SELECT status, batch_type, reversed_by_batch_id FROM batch WHERE id = ? FOR UPDATE")
                .param(id)
                .query((rs, n) -> new Reversible(BatchStatus.valueOf(rs.getString(1)), BatchType.valueOf(rs.getString(2)),
                        rs.getObject(3, Long.class)))
                .optional();
        if (found.isEmpty()) {
            return Optional.of(new BatchChange.Refused(PostingRule.BATCH_NOT_FOUND, id, "no batch " + id));
        }
        Reversible batch = found.get();
        if (batch.status() != BatchStatus.POSTED) {
            return Optional.of(new BatchChange.Refused(PostingRule.BATCH_NOT_POSTED, id, "batch " + id + " is " + batch.status()
                    + "; only a POSTED batch is reversed (one not posted yet is voided instead)"));
        }
        if (batch.type() == BatchType.REVERSAL) {
            return Optional.of(new BatchChange.Refused(PostingRule.REVERSAL_OF_REVERSAL, id, "batch " + id
                    + " is itself a reversal; to post the original again, import its file again"));
        }
        if (batch.reversedBy() != null) {
            return Optional.of(new BatchChange.Refused(PostingRule.BATCH_ALREADY_REVERSED, id, "batch " + id + " is already reversed by batch "
                    + batch.reversedBy()));
        }
        Optional<Long> pending = pendingReversalOf(id);
        if (pending.isPresent()) {
            return Optional.of(new BatchChange.Refused(PostingRule.BATCH_ALREADY_REVERSED, id, "batch " + id + " is already reversed by batch "
                    + pending.get() + " (not posted yet: post or void that one)"));
        }
        return batches.refusalToUndo(id);
    }

    /** The unposted REVERSAL batch that reverses this batch's journals, read through the few unposted reversals' journals. */
    private Optional<Long> pendingReversalOf(long id) {
        Long[] pending = jdbc.sql("SELECT id FROM batch WHERE batch_type = 'REVERSAL' AND status IN ('OPEN', 'READY')")
                .query(Long.class).list().toArray(Long[]::new);
        if (pending.length == 0) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        SELECT r.batch_id FROM journal r JOIN journal o ON o.entity_code = r.entity_code AND o.id = r.reverses_journal_id
                         WHERE r.batch_id = ANY(?) AND o.batch_id = ? LIMIT 1""")
                .params(pending, id).query(Long.class).optional();
    }
}
