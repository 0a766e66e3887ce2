package org.ledgerbridge.ledger;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * What a batch holds and what happened to it, to read before posting and after: the file it was
 * imported from, its totals per entity and account, and its history (opened, set READY, posted,
 * voided or reversed, with the reason given). Its journals are read a page at a time
 * ({@link LedgerReports#journalsOfBatch}). The batch screen, {@code batch show} and
 * {@code GET /api/batches/{id}} show it.
 */
@Service
public class BatchReadout {

    /** A batch's history is short (a few status changes); past this many events the oldest are left out. */
    static final int HISTORY_SHOWN = 200;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final BatchService batches;

    public BatchReadout(JdbcClient jdbc, BatchService batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    /** @param importedFrom the import that made the batch; null for a batch made otherwise (a reversal, credit applications) */
    public record BatchDetail(Batch batch, ImportedFrom importedFrom, List<AccountTotal> totals, List<HistoryEntry> history) {
    }

    public record ImportedFrom(long importRunId, String kind, String fileName, String actor, OffsetDateTime at) {
    }

    /** Debits and credits of one account in the batch, in its entity's base currency. */
    public record AccountTotal(String entity, String account, String accountName, String currency, BigDecimal debit, BigDecimal credit) {
    }

    /** @param reason the reason given for a void or a reversal; null otherwise */
    public record HistoryEntry(OffsetDateTime at, String actor, String event, String reason) {
    }

    public Optional<BatchDetail> detail(long id) {
        return batches.find(id).map(batch -> new BatchDetail(batch, importedFrom(id).orElse(null), totals(batch), history(id)));
    }

    private Optional<ImportedFrom> importedFrom(long batchId) {
        return jdbc.sql("""
                        SELECT r.id, r.kind, r.file_name, r.actor, r.finished_at
                          FROM batch b JOIN import_run r ON r.id = b.import_run_id WHERE b.id = :id""")
                .param("id", batchId)
                .query((rs, n) -> new ImportedFrom(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class)))
                .optional();
    }

    private List<AccountTotal> totals(Batch batch) {
        // a posted batch: the totals written when it was posted; one not posted yet: summed from its lines
        String totals = batch.status() == BatchStatus.POSTED ? """
                SELECT entity_code, account_code, base_debit AS debit, base_credit AS credit
                  FROM batch_account_total WHERE batch_id = :id""" : """
                SELECT l.entity_code, l.account_code, sum(l.base_debit) AS debit, sum(l.base_credit) AS credit
                  FROM journal j JOIN journal_line l ON l.entity_code = j.entity_code AND l.journal_id = j.id
                 WHERE j.batch_id = :id
                 GROUP BY l.entity_code, l.account_code""";
        return jdbc.sql("SELECT t.entity_code, t.account_code, a.name, e.base_currency, t.debit, t.credit FROM (" + totals + ") t"
                        + " JOIN account a ON a.entity_code = t.entity_code AND a.account_code = t.account_code"
                        + " JOIN financial_entity e ON e.code = t.entity_code"
                        + " ORDER BY t.entity_code, t.account_code")
                .param("id", batch.id())
                .query((rs, n) -> new AccountTotal(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        Currencies.atScale(rs.getBigDecimal(5), rs.getString(4)), Currencies.atScale(rs.getBigDecimal(6), rs.getString(4))))
                .list();
    }

    private List<HistoryEntry> history(long batchId) {
        List<HistoryEntry> newestFirst = jdbc.sql("""
                        SELECT at, actor, action, details::text FROM audit_event
                         WHERE subject = :subject ORDER BY id DESC LIMIT :limit""")
                .param("subject", "batch:" + batchId).param("limit", HISTORY_SHOWN)
                .query((rs, n) -> entry(rs.getObject(1, OffsetDateTime.class), rs.getString(2), rs.getString(3), JSON.readTree(rs.getString(4))))
                .list();
        List<HistoryEntry> oldestFirst = new ArrayList<>(newestFirst);
        Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    /** An audit event of a batch in words. */
    static HistoryEntry entry(OffsetDateTime at, String actor, String action, JsonNode details) {
        String event = switch (action) {
            case "batch.opened" -> "opened";
            case "batch.status" -> "set " + details.path("to").asString("");
            case "batch.posted" -> "posted";
            case "journals.posted" -> details.path("journals").asLong() + (details.path("reversing").asBoolean() ? " reversing" : "")
                    + " journal(s) added";
            case "batch.voided" -> "voided: " + details.path("journalsRemoved").asLong() + " journal(s) removed";
            case "batch.reversal-prepared" -> "reversal prepared in batch " + details.path("reversal").asLong();
            case "batch.reversed" -> "reversed by batch " + details.path("reversal").asLong();
            case "credits.applied" -> "credits applied: " + details.path("applications").asLong() + " application(s)";
            default -> action;
        };
        String reason = details.hasNonNull("reason") ? details.get("reason").asString() : null;
        return new HistoryEntry(at, actor, event, reason);
    }
}
