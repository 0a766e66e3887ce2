package org.ledgerbridge.receivables;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.ledgerbridge.imports.ImportService;
import org.ledgerbridge.support.GeneratedLedger;
import org.ledgerbridge.support.LedgerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A payments import lowers hundreds of thousands of invoices in one statement: each lowered invoice
 * stays on its page (a heap-only update) and adds no index entry, which is most of what that
 * statement costs (docs/benchmarks.md).
 */
@LedgerTest
@TestPropertySource(properties = "ledgerbridge.test.ledger=in-place") // a context (and database) of its own
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InvoicesLoweredInPlaceTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    private static final int INVOICES = 2_000;

    @Autowired ImportService imports;
    @Autowired MigrationMode migrationMode;
    @Autowired MigratedDocuments migrated;
    @Autowired Documents documents;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;

    @BeforeAll
    void members_owe_two_thousand_invoices() {
        new GeneratedLedger(imports, migrationMode, migrated, TODAY).membersOwing(INVOICES);
        jdbc.sql("VACUUM document").update(); // the pages as a ledger's are after a while: the released versions gone
    }

    @Test
    @DisabledIfSystemProperty(named = "ledgerbridge.test.citus", matches = ".+",
            disabledReason = "on a cluster the invoices are updated in the workers' shards, which this connection's counts do not see")
    void paying_every_invoice_in_one_import_updates_each_in_place_and_closes_it() {
        List<Map<String, Object>> open = jdbc.sql("""
                        SELECT entity_code, number, open_balance FROM document
                         WHERE module = 'AR' AND doc_type = 'INVOICE' AND status = 'OPEN' ORDER BY party_id""")
                .query().listOfRows();
        assertThat(open).hasSizeGreaterThan(INVOICES / 2);

        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            Map<String, Object> before = updatesOfDocuments();
            Documents.PaymentWriter payments = documents.paymentWriter(0);
            int n = 0;
            for (Map<String, Object> invoice : open) {
                payments.paid((String) invoice.get("entity_code"), (String) invoice.get("number"),
                        (BigDecimal) invoice.get("open_balance"), TODAY, "PAY-T-" + ++n);
            }
            payments.close(paidInAll -> open.forEach(invoice -> paidInAll.invoice((String) invoice.get("entity_code"),
                    (String) invoice.get("number"), (BigDecimal) invoice.get("open_balance"))));

            assertThat(payments.invoicesClosed()).isEqualTo(open.size());
            Map<String, Object> after = updatesOfDocuments();
            assertThat((Long) after.get("updated") - (Long) before.get("updated")).isEqualTo(open.size());
            // every invoice of a page closes in this one transaction: the room kept on a page holds nearly every
            // new version (without it, or with `status` in an index, none stays in place)
            assertThat((Long) after.get("in_place") - (Long) before.get("in_place")).as("invoices lowered in place")
                    .isGreaterThan(open.size() * 95L / 100);
            tx.setRollbackOnly();
        });
    }

    @Test
    void no_index_of_documents_names_what_a_payment_changes() {
        List<String> indexes = jdbc.sql("SELECT indexdef FROM pg_indexes WHERE tablename = 'document'").query(String.class).list();
        assertThat(indexes).isNotEmpty().noneMatch(index -> index.contains("status") || index.contains("open_balance"));
    }

    /** This connection's counts, which include its earlier transactions' until the server collects them: compared before and after. */
    private Map<String, Object> updatesOfDocuments() {
        return jdbc.sql("""
                        SELECT pg_stat_get_xact_tuples_updated('document'::regclass) AS updated,
                               pg_stat_get_xact_tuples_hot_updated('document'::regclass) AS in_place""")
                .query().singleRow();
    }
}
