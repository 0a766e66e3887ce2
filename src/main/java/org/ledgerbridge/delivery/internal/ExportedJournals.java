package org.ledgerbridge.delivery.internal;

import org.ledgerbridge.delivery.GlJournal;
import org.ledgerbridge.ledger.Currencies;
import org.ledgerbridge.storage.CopyReader;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Reads the journals an export takes (POSTED, dated in the range, not exported before unless again)
 * straight off the database with COPY, in the order their files are written: entity, date, id.
 */
public final class ExportedJournals {

    /** One journal read in full: its id, the journal as the files show it, and whether its batch is a deposit batch. */
    public record Read(long id, GlJournal journal, boolean deposit) {
    }

    private ExportedJournals() {
    }

    /**
     * Hands each journal to {@code journals} as soon as its last line is read, until it answers false.
     *
     * @param baseCurrencies each entity's base currency: the amounts read are the base-currency ones
     * @param kinds          entity -> account -> the kind of account the GL formats need
     */
    public static void read(DataSource dataSource, JdbcClient jdbc, LocalDate from, LocalDate to, boolean again, String entity,
                            Map<String, String> baseCurrencies, Map<String, Map<String, GlJournal.AccountKind>> kinds,
                            Predicate<Read> journals) {
        // journals in the index's order and their lines by primary key: the first rows arrive at once and the
        // files are written while the rest are read, instead of waiting for a sort of a million rows
        jdbc.sql("SET LOCAL enable_sort = off").update();
        jdbc.sql("SET LOCAL enable_hashjoin = off").update();
        jdbc.sql("SET LOCAL enable_mergejoin = off").update();
        Reading reading = new Reading(baseCurrencies, kinds, journals);
        // COPY, not a cursor: the server streams the rows while they are turned into files
        CopyReader.read(dataSource, """
                        SELECT j.id, j.entity_code,
                               -- the journal's own fields once, on its first line: a million rows decode half the values
                               CASE WHEN l.line_no = 1 THEN j.journal_date END, CASE WHEN l.line_no = 1 THEN j.source END,
                               CASE WHEN l.line_no = 1 THEN j.description END, CASE WHEN l.line_no = 1 THEN b.name END,
                               l.account_code, l.base_debit, l.base_credit, l.description AS line_description, l.party_id,
                               l.document_number, CASE WHEN l.line_no = 1 THEN b.batch_type END, l.payment_count, l.tax_code
                          FROM journal j
                          JOIN batch b ON b.id = j.batch_id
                          JOIN journal_line l ON l.entity_code = j.entity_code AND l.journal_id = j.id
                         WHERE b.status = 'POSTED' AND j.journal_date BETWEEN CAST(? AS date) AND CAST(? AS date)
                           AND (CAST(? AS boolean) OR NOT EXISTS (SELECT 1 FROM journal_export x WHERE x.entity_code = j.entity_code AND x.journal_id = j.id))
                           AND (? = '' OR j.entity_code = ?)
                         ORDER BY j.entity_code, j.journal_date, j.id, l.line_no""",
                reading::row, from, to, again, entity, entity);
        // back to the planner's own choices for the rest of the transaction (the marking must not run as nested loops)
        jdbc.sql("RESET enable_sort").update();
        jdbc.sql("RESET enable_hashjoin").update();
        jdbc.sql("RESET enable_mergejoin").update();
        reading.finishJournal();
    }

    /** The journal being read: its first line carries the journal's own fields. */
    private static final class Reading {
        private final Map<String, String> baseCurrencies;
        private final Map<String, Map<String, GlJournal.AccountKind>> kinds;
        private final Predicate<Read> journals;
        private boolean stopped;
        private long id = -1;
        private String entity;
        private LocalDate date;
        private String reference;
        private String description;
        private String batch;
        private String currency;
        private boolean deposit;
        private Map<String, GlJournal.AccountKind> accountKinds = Map.of();
        private List<GlJournal.Line> lines = new ArrayList<>();

        Reading(Map<String, String> baseCurrencies, Map<String, Map<String, GlJournal.AccountKind>> kinds, Predicate<Read> journals) {
            this.baseCurrencies = baseCurrencies;
            this.kinds = kinds;
            this.journals = journals;
        }

        boolean row(CopyReader.Row row) {
            long rowId = row.longValue(1);
            if (rowId != id) {
                finishJournal();
                if (stopped) {
                    return false;
                }
                id = rowId;
                entity = row.text(2);
                date = row.date(3);
                reference = "LB-" + rowId;
                String batchDescription = row.text(5);
                description = batchDescription != null ? batchDescription : row.text(4);
                batch = row.text(6);
                currency = baseCurrencies.get(entity);
                deposit = "DEPOSIT".equals(row.text(13));
                accountKinds = kinds.getOrDefault(entity, Map.of());
            }
            String account = row.text(7);
            lines.add(new GlJournal.Line(account, accountKinds.get(account),
                    Currencies.atScale(row.decimal(8), currency), Currencies.atScale(row.decimal(9), currency),
                    row.text(10), row.text(11), row.text(12), row.isNull(14) ? null : (int) row.longValue(14), row.text(15)));
            return true;
        }

        void finishJournal() {
            if (lines.isEmpty() || stopped) {
                return;
            }
            GlJournal journal = new GlJournal(entity, date, reference, description, batch, currency, List.copyOf(lines));
            lines = new ArrayList<>();
            stopped = !journals.test(new Read(id, journal, deposit));
        }
    }
}
