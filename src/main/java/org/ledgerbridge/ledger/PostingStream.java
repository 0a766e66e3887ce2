package org.ledgerbridge.ledger;

import org.ledgerbridge.storage.CopyWriter;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;

/**
 * Posting many journals without holding them in memory ({@link PostingService#stream}): each journal
 * is checked by the same rules as a batch post and streamed to the database with COPY, all lines of a
 * journal in one COPY statement; {@link #close()} sends the rest.
 */
public final class PostingStream implements AutoCloseable {
    private static final int IDS_PER_BLOCK = 100_000;

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final long batchId;
    private final String actor;
    private final JournalRules.Chart chart;
    private final CopyWriter journals;
    private final CopyWriter lines;
    private final ArrayDeque<Long> ids = new ArrayDeque<>();
    private long posted;
    private int index;

    PostingStream(JdbcClient jdbc, DataSource dataSource, AuditLog audit, long batchId, String actor, JournalRules.Chart chart) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.batchId = batchId;
        this.actor = actor;
        this.chart = chart;
        this.journals = new CopyWriter(dataSource,
                "journal (id, entity_code, batch_id, journal_date, source, description, created_by)");
        // a chunk of lines goes after the journals it belongs to: the database checks they exist
        this.lines = new CopyWriter(dataSource, """
                journal_line (journal_id, entity_code, line_no, account_code, currency, debit, credit, base_debit,
                              base_credit, party_id, document_number, description, tax_code)""", journals::flush);
    }

    /** Checks and sends one journal; a refusal throws {@link PostingRefusedException}. */
    public long post(JournalDraft draft) {
        JournalRules.Checked checked = JournalRules.check(draft, index++, chart);
        if (checked.refused() != null) {
            throw new PostingRefusedException(checked.refused());
        }
        List<BigDecimal[]> base = checked.baseAmounts();
        long id = nextId();
        journals.row(id, draft.entity(), batchId, draft.date(), draft.source(), draft.description(), actor);
        int lineNo = 0;
        for (JournalLineDraft line : draft.lines()) {
            BigDecimal[] amounts = base.get(lineNo);
            lines.rowInGroup(id, draft.entity(), ++lineNo, line.account(), line.currency(), line.debit(), line.credit(),
                    amounts[0], amounts[1], line.partyId(), line.documentNumber(), line.description(), line.taxCode());
        }
        lines.endGroup();
        posted++;
        return id;
    }

    private long nextId() {
        if (ids.isEmpty()) {
            journals.flush();
            lines.awaitSent(); // the connection is free for the sequence only between chunks
            ids.addAll(jdbc.sql("SELECT nextval('journal_id_seq') FROM generate_series(1, ?)")
                    .param(IDS_PER_BLOCK).query(Long.class).list());
        }
        return ids.poll();
    }

    public long posted() {
        return posted;
    }

    public long batchId() {
        return batchId;
    }

    @Override
    public void close() {
        journals.flush();
        lines.close();
        audit.record(actor, "journals.posted", "batch:" + batchId, Map.of("journals", posted));
    }
}
