package org.ledgerbridge.receivables;

import org.ledgerbridge.storage.CopyReader;
import org.ledgerbridge.storage.CopyWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** The AR/AP documents of the subledger and the applications that change their open balances. */
@Service
public class Documents {

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate transactions; // joins the caller's, or reads in one of its own

    public Documents(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** Parties with an opening-balance invoice still open: the seed's "pending invoice" (one pass per import, as {@link #keys}). */
    /**
     * Seed 004's "account cannot have an existing pending invoice": each customer with an open AR
     * invoice from an earlier opening-balance import or a migration (released or not), and one of
     * those invoices to name.
     */
    public Map<String, String> pendingInvoices() {
        Map<String, String> pending = new HashMap<>();
        jdbc.sql("""
                        SELECT party_id, min(number) FROM document
                         WHERE module = 'AR' AND doc_type = 'INVOICE' AND origin IN ('OPENING_BALANCE', 'MIGRATION')
                           AND status <> 'CLOSED' AND open_balance > 0
                         GROUP BY party_id""")
                .query(rs -> {
                    pending.put(rs.getString(1), rs.getString(2));
                });
        return pending;
    }

    /**
     * entity/module/number of every document, for "number unique per entity and module". One pass
     * over the table on purpose: an import checks every row against it, which a lookup per row
     * would make slower (the memory grows with the documents; see docs/benchmarks.md).
     */
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

    /** An open AR debit document (invoice, debit memo) a payment may pay. */
    public record OpenDebit(String entity, String number, String partyId, String invoiceType, String sourceSystem,
                            LocalDate dueDate, LocalDate date, String currency, BigDecimal exchangeRate, BigDecimal openBalance) {
    }

    /**
     * Streams every open AR invoice and debit memo, for the payment application rules (one pass, as
     * {@link #keys}), with COPY: the server sends while the rows are read here (half a million
     * invoices in 1.1 s instead of 1.45 s through a result set, at the start of a payments import).
     */
    public void forEachOpenDebit(Consumer<OpenDebit> consumer) {
        transactions.executeWithoutResult(tx -> CopyReader.read(dataSource, """
                        SELECT entity_code, number, party_id, invoice_type, source_system, due_date, doc_date, currency, open_balance,
                               exchange_rate
                          FROM document
                         WHERE module = 'AR' AND doc_type IN ('INVOICE', 'DEBIT_MEMO') AND status = 'OPEN' AND open_balance > 0""",
                row -> {
                    String currency = row.text(8);
                    consumer.accept(new OpenDebit(row.text(1), row.text(2), row.text(3), row.text(4), row.text(5), row.date(6),
                            row.date(7), currency, row.decimal(10), org.ledgerbridge.ledger.Currencies.atScale(row.decimal(9), currency)));
                    return true;
                }));
    }

    /**
     * Payments that never happened (their batch voided or reversed), named by entity and number:
     * the invoices they paid are open again by what they paid, and their applications and the
     * credit documents they left (which carry the payment's number) go. In the caller's transaction,
     * set-based whatever their number: the payments are held in a table of this transaction, with
     * statistics, so the statements join it as a table and not as an array of unknown size.
     */
    public void undoPayments(String[] entities, String[] numbers) {
        jdbc.sql("CREATE TEMP TABLE undone_payment (entity_code text, number text) ON COMMIT DROP").update();
        jdbc.sql("INSERT INTO undone_payment SELECT * FROM unnest(?::text[], ?::text[])").params(entities, numbers).update();
        jdbc.sql("ANALYZE undone_payment").update();
        jdbc.sql("""
                        UPDATE document d
                           SET open_balance = d.open_balance + paid.amount, status = 'OPEN'
                          FROM (SELECT a.entity_code, a.document_number, sum(a.amount) AS amount
                                  FROM application a JOIN undone_payment p ON a.reference = p.number
                                 WHERE a.kind = 'PAYMENT' AND a.module = 'AR'
                                 GROUP BY a.entity_code, a.document_number) paid
                         WHERE d.entity_code = paid.entity_code AND d.module = 'AR' AND d.number = paid.document_number""").update();
        jdbc.sql("DELETE FROM application a USING undone_payment p WHERE a.kind = 'PAYMENT' AND a.reference = p.number").update();
        // what a credit's own document says the payment applied, along the documents' applications
        jdbc.sql("""
                        DELETE FROM application a USING undone_payment p
                         WHERE a.kind = 'PAYMENT' AND a.entity_code = p.entity_code AND a.module = 'AR' AND a.document_number = p.number""")
                .update();
        jdbc.sql("""
                        DELETE FROM document d USING undone_payment p
                         WHERE d.entity_code = p.entity_code AND d.module = 'AR' AND d.number = p.number""").update();
        jdbc.sql("DROP TABLE undone_payment").update();
    }

    /**
     * Records payments against invoices in bulk inside the caller's transaction: an application per
     * invoice paid, a document for each payment that leaves a credit, and at {@link PaymentWriter#close(Consumer)}
     * the invoices' open balances lowered in one statement by what the caller says it paid off each in all.
     */
    public PaymentWriter paymentWriter(long importRunId) {
        jdbc.sql("""
                CREATE TEMP TABLE paid_now (entity_code text, number text, amount numeric(20, 4)) ON COMMIT DROP""").update();
        return new PaymentWriter(importRunId);
    }

    public final class PaymentWriter {
        /**
         * Credits are sent in runs sorted by party: the database then inserts each run along the
         * documents' indexes by party, instead of at random (docs/benchmarks.md).
         */
        private static final int CREDITS_PER_RUN = 20_000;

        private final Writer documents;
        private final CopyWriter paid = new CopyWriter(dataSource, "paid_now (entity_code, number, amount)");
        private final List<NewDocument> credits = new ArrayList<>(CREDITS_PER_RUN);
        private long invoicesClosed;

        private PaymentWriter(long importRunId) {
            this.documents = new Writer(importRunId, null);
        }

        /** {@code amount} of the payment {@code paymentNumber} pays invoice {@code number} of {@code entity}. */
        public void paid(String entity, String number, BigDecimal amount, LocalDate on, String paymentNumber) {
            documents.applications.row(entity, NewDocument.Module.AR, number, amount, on, "PAYMENT", paymentNumber);
        }

        /** A payment that leaves a credit: its document, for the unapplied amount and open for all of it. */
        public void credit(NewDocument credit) {
            credits.add(credit);
            if (credits.size() == CREDITS_PER_RUN) {
                sendCredits();
            }
        }

        private void sendCredits() {
            credits.sort(Comparator.comparing(NewDocument::partyId)); // along the documents' indexes by party
            credits.forEach(documents::add);
            credits.clear();
        }

        public long invoicesClosed() {
            return invoicesClosed;
        }

        public void awaitSent() {
            paid.awaitSent();
        }

        /**
         * Sends the last rows, then lowers each invoice by {@code paidInAll}: what the payments written paid off it, as a
         * row per invoice (entity, number, amount) instead of a row per payment. The caller knows these sums already:
         * summing them again here would hold a map of every invoice paid.
         */
        public void close(Consumer<PaidInAll> paidInAll) {
            sendCredits();
            documents.flush(); // handed over: the database works through the last rows while the totals are read here
            paidInAll.accept((entity, number, amount) -> paid.row(entity, number, amount));
            paid.close();
            documents.close();
            jdbc.sql("ANALYZE paid_now").update(); // its size known, the update hashes these totals, not every document
            // the CHECK (open_balance >= 0) holds "never beyond its open balance" even against a concurrent writer
            invoicesClosed = jdbc.sql("""
                            WITH lowered AS (
                                UPDATE document d
                                   SET open_balance = d.open_balance - p.amount,
                                       status = CASE WHEN d.open_balance - p.amount = 0 AND d.unreleased_retainage = 0
                                                     THEN 'CLOSED' ELSE d.status END
                                  FROM paid_now p
                                 WHERE d.entity_code = p.entity_code AND d.module = 'AR' AND d.number = p.number
                                RETURNING d.status)
                            SELECT count(*) FROM lowered WHERE status = 'CLOSED'""")
                    .query(Long.class).single();
        }
    }

    /** Where the caller of {@link PaymentWriter#close(Consumer)} puts an invoice's total paid. */
    @FunctionalInterface
    public interface PaidInAll {
        void invoice(String entity, String number, BigDecimal amount);
    }

    /** Streams documents and their applications into the caller's transaction; {@code migratedOn}: the migration day. */
    public Writer writer(long importRunId, LocalDate migratedOn) {
        return new Writer(importRunId, migratedOn);
    }

    public final class Writer implements AutoCloseable {
        private final long importRunId;
        private final LocalDate migratedOn;
        private final CopyWriter documents = new CopyWriter(dataSource, """
                document (entity_code, module, number, doc_type, party_id, doc_date, due_date, currency, exchange_rate,
                          original_amount, amount_ex_tax, tax_amount, open_balance, unreleased_retainage, retainage_percent,
                          invoice_type, source_system, status, migrated, origin, original_reference, service_start,
                          service_end, description, import_run_id, migrated_balance, migrated_on, tax_zone, tax_category)""");
        // an application's chunk goes after the documents it settles: the database checks they exist
        final CopyWriter applications = new CopyWriter(dataSource,
                "application (entity_code, module, document_number, amount, applied_on, kind, reference)", documents::flush);

        private Writer(long importRunId, LocalDate migratedOn) {
            this.importRunId = importRunId;
            this.migratedOn = migratedOn;
        }

        public void add(NewDocument d) {
            documents.row(d.entity(), d.module(), d.number(), d.type(), d.partyId(), d.date(), d.dueDate(), d.currency(),
                    d.exchangeRate(), d.originalAmount(), d.amountExTax(), d.taxAmount(), d.openBalance(),
                    d.unreleasedRetainage(), d.retainagePercent(), d.invoiceType(), d.sourceSystem(), d.status(),
                    d.migrated(), d.origin(), d.originalReference(), d.serviceStart(), d.serviceEnd(), d.description(),
                    importRunId == 0 ? null : importRunId, d.migrated() ? d.openBalance() : null, d.migrated() ? migratedOn : null,
                    d.taxZone(), d.taxCategory());
        }

        /** What was settled before the migration: the difference between original amount and open balance. */
        public void addMigratedSettlement(NewDocument d, BigDecimal amount, LocalDate on) {
            applications.row(d.entity(), d.module(), d.number(), amount, on, "MIGRATED_SETTLEMENT", "settled before migration");
        }

        /** Hands over what is written so far, without waiting for the database. */
        public void flush() {
            documents.flush();
            applications.flush();
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
