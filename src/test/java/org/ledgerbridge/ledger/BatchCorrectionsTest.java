package org.ledgerbridge.ledger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ledgerbridge.imports.ImportOptions;
import org.ledgerbridge.imports.ImportReport;
import org.ledgerbridge.imports.ImportService;
import org.ledgerbridge.imports.ImportStatus;
import org.ledgerbridge.receivables.MigratedDocuments;
import org.ledgerbridge.receivables.MigrationMode;
import org.ledgerbridge.receivables.OpenItems;
import org.ledgerbridge.support.LedgerTest;
import org.ledgerbridge.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A mistake in a batch has a way back: an OPEN batch is voided, a POSTED one reversed, and its file imports again. */
@LedgerTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_EACH_TEST_METHOD)
class BatchCorrectionsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    @Autowired ImportService imports;
    @Autowired MigrationMode migrationMode;
    @Autowired MigratedDocuments migrated;
    @Autowired OpenItems openItems;
    @Autowired BatchService batches;
    @Autowired BatchCorrections corrections;
    @Autowired PostingService posting;
    @Autowired LedgerCheck check;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void the_boroughs_owe_their_migrated_invoices() {
        Samples.withOpenInvoices(imports, migrationMode, migrated, TODAY);
    }

    private ImportReport importPayments() {
        return imports.run("payments", Samples.file("payments.csv"),
                ImportOptions.of(TODAY, "clerk").withFlag("allow-overpayment", "true"));
    }

    private List<Long> batchesOfType(BatchType type) {
        return batches.list().stream().filter(b -> b.type() == type).map(Batch::id).toList();
    }

    private void post(List<Long> ids) {
        assertThat(batches.changeStatus(ids, BatchStatus.READY, "clerk")).isInstanceOf(BatchChange.Changed.class);
        assertThat(batches.post(ids, "controller")).isInstanceOf(BatchChange.Changed.class);
    }

    /** Every AR document's open balance and status, and every payment and application: the subledger as a value. */
    private Map<String, Object> subledger() {
        return Map.of(
                "documents", jdbc.sql("SELECT entity_code || '/' || number || ' ' || open_balance || ' ' || status FROM document ORDER BY 1")
                        .query(String.class).list(),
                "applications", jdbc.sql("SELECT entity_code || '/' || document_number || ' ' || kind || ' ' || amount FROM application ORDER BY 1")
                        .query(String.class).list(),
                "payments", jdbc.sql("SELECT count(*) FROM payment").query(Long.class).single());
    }

    private BigDecimal open(String number) {
        return jdbc.sql("SELECT open_balance FROM document WHERE number = ?").param(number).query(BigDecimal.class).single();
    }

    @Test
    void batch_void_takes_several_batches_and_voids_all_or_none() {
        var before = subledger();
        assertThat(importPayments().status()).isEqualTo(ImportStatus.COMMITTED);
        List<Long> both = batches.list().stream().filter(b -> b.type() == BatchType.AUTO || b.type() == BatchType.DEPOSIT)
                .map(Batch::id).toList();
        assertThat(both).hasSize(2);

        BatchChange refused = corrections.voidBatches(List.of(both.get(0), both.get(1), 9999L), "duplicate file", "controller");
        assertThat(refused).isInstanceOfSatisfying(BatchChange.Refused.class, r -> {
            assertThat(r.code()).hasToString("BATCH_NOT_FOUND");
            assertThat(r.batchId()).isEqualTo(9999L);
        });
        assertThat(batches.find(both.get(0)).orElseThrow().status()).as("nothing voided").isEqualTo(BatchStatus.OPEN);

        assertThat(corrections.voidBatches(both, "duplicate file", "controller")).isInstanceOf(BatchChange.Changed.class);
        assertThat(both).allSatisfy(id -> assertThat(batches.find(id).orElseThrow().status()).isEqualTo(BatchStatus.VOIDED));
        assertThat(subledger()).isEqualTo(before);
        assertThat(check.run()).isEmpty();
    }

    @Test
    void a_voided_import_no_longer_counts_as_imported_and_the_same_bytes_import_again() {
        assertThat(importPayments().status()).isEqualTo(ImportStatus.COMMITTED);
        assertThat(importPayments().status()).as("the same bytes, while imported").isEqualTo(ImportStatus.DUPLICATE);
        List<Long> first = batchesOfType(BatchType.AUTO);
        assertThat(corrections.voidBatches(first, "wrong settlement date", "controller")).isInstanceOf(BatchChange.Changed.class);
        assertThat(importPayments().status()).as("one of its two batches is still there").isEqualTo(ImportStatus.DUPLICATE);

        assertThat(corrections.voidBatches(batchesOfType(BatchType.DEPOSIT), "wrong settlement date", "controller"))
                .isInstanceOf(BatchChange.Changed.class);
        assertThat(jdbc.sql("SELECT status FROM import_run WHERE kind = 'payments'").query(String.class).list()).containsExactly("undone");

        ImportReport again = importPayments();
        assertThat(again.status()).as(again.errors().toString()).isEqualTo(ImportStatus.COMMITTED);
        assertThat(open("INV-20411")).as("paid again by the new import").isZero();
        assertThat(check.run()).isEmpty();
        assertThat(openItems.check()).isEmpty();
    }

    @Test
    void a_voided_imis_batch_imports_again_as_its_next_part() {
        ImportOptions batch1041 = ImportOptions.of(TODAY, "clerk").withFlag("batch", "1041");
        assertThat(imports.run("imis", Samples.file("imis-export.csv"), batch1041).status()).isEqualTo(ImportStatus.COMMITTED);
        long first = batchesOfType(BatchType.AUTO).get(0);
        assertThat(corrections.voidBatches(List.of(first), "posted to the wrong period", "controller")).isInstanceOf(BatchChange.Changed.class);

        ImportReport again = imports.run("imis", Samples.file("imis-export.csv"), batch1041);

        assertThat(again.status()).as(again.errors().toString()).isEqualTo(ImportStatus.COMMITTED);
        assertThat(batches.list()).extracting(Batch::name, Batch::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("AB001041-1", BatchStatus.VOIDED),
                org.assertj.core.groups.Tuple.tuple("AB001041-2", BatchStatus.OPEN));
        assertThat(imports.run("imis", Samples.file("imis-export.csv"), batch1041).status())
                .as("imported again, it counts as imported").isEqualTo(ImportStatus.DUPLICATE);
    }

    @Test
    void a_posted_payments_batch_reversed_restores_every_invoice_and_credit_exactly() {
        var before = subledger();
        var beforeTrialBalance = jdbc.sql("SELECT count(*) FROM journal").query(Long.class).single();
        assertThat(importPayments().status()).isEqualTo(ImportStatus.COMMITTED);
        List<Long> paymentBatches = batches.list().stream().map(Batch::id).toList();
        post(paymentBatches);
        assertThat(open("INV-20411")).isZero();

        BatchChange prepared = corrections.reverse(paymentBatches, "the bank returned the whole deposit", null, "controller");

        assertThat(prepared).isInstanceOfSatisfying(BatchChange.Reversing.class, r -> {
            assertThat(r.batchIds()).isEqualTo(paymentBatches);
            assertThat(batches.find(r.reversalBatchId()).orElseThrow().type()).isEqualTo(BatchType.REVERSAL);
            assertThat(r.journals()).isEqualTo(jdbc.sql("SELECT count(*) FROM journal WHERE batch_id = ANY(?)")
                    .param(paymentBatches.toArray(Long[]::new)).query(Long.class).single());
        });
        assertThat(open("INV-20411")).as("nothing undone before the reversal is posted").isZero();
        long reversal = ((BatchChange.Reversing) prepared).reversalBatchId();
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM journal r JOIN journal o ON o.entity_code = r.entity_code AND o.id = r.reverses_journal_id
                         WHERE r.batch_id = ? AND r.journal_date = o.journal_date AND r.reversal_reason = 'the bank returned the whole deposit'""")
                .param(reversal).query(Long.class).single()).as("each linked to the journal it reverses, on its date")
                .isEqualTo(((BatchChange.Reversing) prepared).journals());

        post(List.of(reversal));

        assertThat(subledger()).isEqualTo(before);
        assertThat(paymentBatches).allSatisfy(id -> assertThat(batches.find(id).orElseThrow().reversedBy()).isEqualTo(reversal));
        assertThat(jdbc.sql("SELECT count(*) FROM journal").query(Long.class).single())
                .as("the original journals stay, posted, beside their mirror images").isGreaterThan(beforeTrialBalance);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM (SELECT l.account_code, l.entity_code, sum(l.debit - l.credit) s FROM journal_line l
                          JOIN journal j ON j.entity_code = l.entity_code AND j.id = l.journal_id WHERE j.batch_id = ANY(?) GROUP BY 1, 2) t WHERE s <> 0""")
                .param(java.util.stream.Stream.concat(paymentBatches.stream(), java.util.stream.Stream.of(reversal)).toArray(Long[]::new))
                .query(Long.class).single()).as("every account back where it was").isZero();
        assertThat(check.run()).isEmpty();
        assertThat(openItems.check()).isEmpty();
        assertThat(importPayments().status()).as("a fully reversed import imports again").isEqualTo(ImportStatus.COMMITTED);
    }

    @Test
    void a_reversal_is_dated_as_asked_and_refused_in_a_closed_period() {
        assertThat(importPayments().status()).isEqualTo(ImportStatus.COMMITTED);
        List<Long> deposit = batchesOfType(BatchType.DEPOSIT);
        post(deposit);
        jdbc.sql("INSERT INTO period_close (entity_code, closed_through) VALUES ('PSAB', '2026-11-10')").update();

        assertThat(corrections.reverse(deposit, "cheque bounced", null, "controller")).isInstanceOfSatisfying(BatchChange.Refused.class,
                r -> {
                    assertThat(r.code()).hasToString("CLOSED_PERIOD");
                    assertThat(r.message()).contains("closed through 2026-11-10").contains("give a later reversal date");
                });
        assertThat(batches.list()).as("no reversal batch left behind").noneMatch(b -> b.type() == BatchType.REVERSAL);

        BatchChange reversing = corrections.reverse(deposit, "cheque bounced", LocalDate.of(2026, 11, 21), "controller");

        assertThat(reversing).isInstanceOf(BatchChange.Reversing.class);
        assertThat(jdbc.sql("SELECT DISTINCT journal_date FROM journal WHERE batch_id = ?")
                .param(((BatchChange.Reversing) reversing).reversalBatchId()).query(LocalDate.class).list())
                .containsExactly(LocalDate.of(2026, 11, 21));
    }

    @Test
    void only_a_posted_batch_not_yet_reversed_is_reversed() {
        assertThat(importPayments().status()).isEqualTo(ImportStatus.COMMITTED);
        List<Long> deposit = batchesOfType(BatchType.DEPOSIT);

        assertThat(corrections.reverse(deposit, "x", null, "c")).isInstanceOfSatisfying(BatchChange.Refused.class,
                r -> assertThat(r.code()).hasToString("BATCH_NOT_POSTED"));
        assertThat(corrections.reverse(deposit, " ", null, "c")).isInstanceOfSatisfying(BatchChange.Refused.class,
                r -> assertThat(r.code()).hasToString("REASON_REQUIRED"));
        post(deposit);
        BatchChange.Reversing first = (BatchChange.Reversing) corrections.reverse(deposit, "bounced", null, "c");
        assertThat(corrections.reverse(deposit, "again", null, "c")).isInstanceOfSatisfying(BatchChange.Refused.class, r -> {
            assertThat(r.code()).hasToString("BATCH_ALREADY_REVERSED");
            assertThat(r.message()).contains("not posted yet");
        });
        post(List.of(first.reversalBatchId()));
        assertThat(corrections.reverse(deposit, "again", null, "c")).isInstanceOfSatisfying(BatchChange.Refused.class,
                r -> assertThat(r.code()).hasToString("BATCH_ALREADY_REVERSED"));
        assertThat(corrections.reverse(List.of(first.reversalBatchId()), "undo the undo", null, "c"))
                .isInstanceOfSatisfying(BatchChange.Refused.class, r -> assertThat(r.code()).hasToString("REVERSAL_OF_REVERSAL"));
    }

    @Test
    void a_voided_reversal_batch_leaves_the_original_reversible_again() {
        assertThat(importPayments().status()).isEqualTo(ImportStatus.COMMITTED);
        List<Long> deposit = batchesOfType(BatchType.DEPOSIT);
        post(deposit);
        BatchChange.Reversing first = (BatchChange.Reversing) corrections.reverse(deposit, "bounced", null, "c");

        assertThat(corrections.voidBatches(List.of(first.reversalBatchId()), "the cheque cleared after all", "c"))
                .isInstanceOf(BatchChange.Changed.class);

        assertThat(open("INV-20410")).as("still paid").isZero();
        assertThat(corrections.reverse(deposit, "bounced after all", null, "c")).isInstanceOf(BatchChange.Reversing.class);
        assertThat(check.run()).isEmpty();
    }

    @Test
    void a_pay_later_row_goes_with_the_last_batch_of_its_import_and_comes_back_with_the_file() throws java.io.IOException {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("pay-later", ".csv");
        java.nio.file.Files.writeString(file, "BILL_TO_ID,AMOUNT,PAYMENT_METHOD_ID,DATE,CHECK_NUMBER,INVOICE_NUMBERS,INVOICE_TYPES\n"
                + "100232,480.00,,2026-11-05,PO-1,,DUES\n100231,340.00,VISA,2026-11-02,,INV-20411,\n");
        ImportOptions options = ImportOptions.of(TODAY, "clerk");
        assertThat(imports.run("payments", file, options).status()).isEqualTo(ImportStatus.COMMITTED);
        assertThat(jdbc.sql("SELECT count(*) FROM order_reference").query(Long.class).single()).isEqualTo(1);

        assertThat(corrections.voidBatches(batchesOfType(BatchType.AUTO), "wrong day", "controller")).isInstanceOf(BatchChange.Changed.class);

        assertThat(jdbc.sql("SELECT count(*) FROM order_reference").query(Long.class).single()).isZero();
        assertThat(imports.run("payments", file, options).status()).isEqualTo(ImportStatus.COMMITTED);
        assertThat(jdbc.sql("SELECT count(*) FROM order_reference").query(Long.class).single()).isEqualTo(1);
        java.nio.file.Files.delete(file);
    }
}
