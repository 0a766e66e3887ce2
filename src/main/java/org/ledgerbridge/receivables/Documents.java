package org.ledgerbridge.receivables;

import org.ledgerbridge.storage.CopyWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/** The AR/AP documents of the subledger and the applications that change their open balances. */
@Service
public class Documents {

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    public Documents(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** Parties with an opening-balance invoice still open: the seed's "pending invoice". */
    public Set<String> partiesWithPendingOpeningInvoice() {
        return new HashSet<>(jdbc.sql("""
                        SELECT DISTINCT party_id FROM document
                         WHERE origin = 'OPENING_BALANCE' AND doc_type = 'INVOICE' AND status = 'OPEN'""")
                .query(String.class).list());
    }

    /** entity/module/number of every document, for "number unique per entity and module". */
    public Set<String> keys() {
        Set<String> keys = new HashSet<>();
        jdbc.sql("SELECT entity_code, module, number FROM document")
                .query(rs -> {
                    keys.add(key(rs.getString(1), NewDocument.Module.valueOf(rs.getString(2)), rs.getString(3)));
                });
        return keys;
    }

    public static String key(String entity, NewDocument.Module module, String number) {
        return entity + "\u0000" + module + "\u0000" + number;
    }

    /** Streams documents and their applications into the caller's transaction. */
    public Writer writer(long importRunId) {
        return new Writer(importRunId);
    }

    public final class Writer implements AutoCloseable {
        private final long importRunId;
        private final CopyWriter documents = new CopyWriter(dataSource, """
                document (entity_code, module, number, doc_type, party_id, doc_date, due_date, currency, exchange_rate,
                          original_amount, amount_ex_tax, tax_amount, open_balance, unreleased_retainage, retainage_percent,
                          invoice_type, source_system, status, migrated, origin, original_reference, service_start,
                          service_end, description, import_run_id)""");
        // an application's chunk goes after the documents it settles: the database checks they exist
        private final CopyWriter applications = new CopyWriter(dataSource,
                "application (entity_code, module, document_number, amount, applied_on, kind, reference)", documents::flush);

        private Writer(long importRunId) {
            this.importRunId = importRunId;
        }

        public void add(NewDocument d) {
            documents.row(d.entity(), d.module(), d.number(), d.type(), d.partyId(), d.date(), d.dueDate(), d.currency(),
                    d.exchangeRate(), d.originalAmount(), d.amountExTax(), d.taxAmount(), d.openBalance(),
                    d.unreleasedRetainage(), d.retainagePercent(), d.invoiceType(), d.sourceSystem(), d.status(),
                    d.migrated(), d.origin(), d.originalReference(), d.serviceStart(), d.serviceEnd(), d.description(),
                    importRunId == 0 ? null : importRunId);
        }

        /** What was settled before the migration: the difference between original amount and open balance. */
        public void addMigratedSettlement(NewDocument d, BigDecimal amount, LocalDate on) {
            applications.row(d.entity(), d.module(), d.number(), amount, on, "MIGRATED_SETTLEMENT", "settled before migration");
        }

        public long documentCount() {
            return documents.rows();
        }

        @Override
        public void close() {
            documents.close();
            applications.close();
        }
    }
}
