package org.ledgerbridge.delivery;

import org.ledgerbridge.ledger.AuditLog;
import org.ledgerbridge.ledger.Currencies;
import org.ledgerbridge.ledger.PostingRule;
import org.ledgerbridge.ledger.SentJournals;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What sending reads and keeps: the posted journals as they leave for a GL, each journal's delivery
 * state per target, and the record of each delivery (with the ledger's sent mark and the audit log).
 */
@Component
class GlDeliveryRecords {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final SentJournals sentJournals;
    private final TransactionTemplate transaction;

    GlDeliveryRecords(JdbcClient jdbc, AuditLog audit, SentJournals sentJournals, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.sentJournals = sentJournals;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The deliveries of these journals, their sent marks and audit events: three statements in one transaction. */
    void record(java.util.Collection<Long> ids, GlTarget target, String actor, String status) {
        if (ids.isEmpty()) {
            return;
        }
        Long[] journals = ids.toArray(Long[]::new);
        transaction.executeWithoutResult(tx -> {
            jdbc.sql("""
                            INSERT INTO gl_delivery (journal_id, target, status, actor)
                            SELECT id, ?, ?, ? FROM unnest(?::bigint[]) AS t(id)""")
                    .params(target.name(), status, actor, journals).update();
            if (status.equals("SENT")) {
                sentJournals.record(journals);
            }
            audit.recordEach(actor, status.equals("SENT") ? "gl.sent" : "gl.send-uncertain",
                    ids.stream().map(id -> "journal:" + id).toList(), java.util.Collections.nCopies(ids.size(), Map.of("target", target.name())));
        });
    }

    /** An UNCERTAIN send the target answered for: it goes, and the journal is SENT when the target has it. */
    void settleUncertain(long id, boolean found, GlTarget target, String actor) {
        transaction.executeWithoutResult(tx -> {
            jdbc.sql("DELETE FROM gl_delivery WHERE journal_id = ? AND status = 'UNCERTAIN'").param(id).update();
            if (found) {
                record(List.of(id), target, actor, "SENT");
            }
        });
    }

    /** SENT, MARKED_SENT or UNCERTAIN per journal; absent when never sent. */
    Map<Long, String> deliveryStates(List<Long> ids) {
        Map<Long, String> states = new LinkedHashMap<>();
        // a join with the list, not `= ANY(list)`: misjudged as a join filter, ANY scans the whole list for every row
        jdbc.sql("SELECT d.journal_id, d.status FROM unnest(?::bigint[]) AS wanted(id) JOIN gl_delivery d ON d.journal_id = wanted.id")
                .param(ids.toArray(Long[]::new))
                .query(rs -> {
                    states.merge(rs.getLong(1), rs.getString(2), (a, b) -> a.equals("UNCERTAIN") ? b : a);
                });
        return states;
    }

    /** The posted journals by id, as they leave for a GL; unknown or unposted ones are problems. */
    Map<Long, GlJournal> journals(List<Long> ids, List<GlSending.Problem> problems) {
        Map<Long, GlJournal.Builder> builders = new LinkedHashMap<>();
        Map<Long, String> status = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT j.id, j.entity_code, j.journal_date, coalesce(j.description, j.source), b.name, b.status, e.base_currency,
                               l.account_code, a.account_type, l.base_debit, l.base_credit, l.description, l.tax_code
                          FROM unnest(?::bigint[]) AS wanted(id)
                          JOIN journal j ON j.id = wanted.id
                          JOIN batch b ON b.id = j.batch_id
                          JOIN financial_entity e ON e.code = j.entity_code
                          JOIN journal_line l ON l.entity_code = j.entity_code AND l.journal_id = j.id
                          JOIN account a ON a.entity_code = l.entity_code AND a.account_code = l.account_code
                         ORDER BY j.id, l.line_no""")
                .param(ids.toArray(Long[]::new))
                .query(rs -> {
                    long id = rs.getLong(1);
                    status.put(id, rs.getString(6));
                    String currency = rs.getString(7);
                    GlJournal.Builder builder = builders.computeIfAbsent(id, k -> {
                        try {
                            return new GlJournal.Builder(rs.getString(2), rs.getObject(3, LocalDate.class), "LB-" + k, rs.getString(4),
                                    rs.getString(5), currency);
                        } catch (java.sql.SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    GlJournal.AccountKind kind = GlJournal.AccountKind.of(org.ledgerbridge.ledger.AccountType.valueOf(rs.getString(9)));
                    builder.lines.add(new GlJournal.Line(rs.getString(8), kind, Currencies.atScale(rs.getBigDecimal(10), currency),
                            Currencies.atScale(rs.getBigDecimal(11), currency), rs.getString(12), null, null, null, rs.getString(13)));
                });
        Map<Long, GlJournal> journals = new LinkedHashMap<>();
        for (long id : ids) {
            if (!builders.containsKey(id)) {
                problems.add(new GlSending.Problem(id, 0, PostingRule.UNKNOWN_JOURNAL, "no journal " + id));
            } else if (!"POSTED".equals(status.get(id))) {
                problems.add(new GlSending.Problem(id, 0, GlRule.NOT_POSTED, "journal " + id + " is in a " + status.get(id) + " batch"));
            } else {
                journals.put(id, builders.get(id).build());
            }
        }
        return journals;
    }
}
