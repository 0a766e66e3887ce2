package org.ledgerbridge.ledger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ledgerbridge.imports.ImportOptions;
import org.ledgerbridge.imports.ImportReport;
import org.ledgerbridge.imports.ImportService;
import org.ledgerbridge.imports.ImportStatus;
import org.ledgerbridge.receivables.MigratedDocuments;
import org.ledgerbridge.receivables.MigrationMode;
import org.ledgerbridge.support.LedgerTest;
import org.ledgerbridge.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Before posting a batch, and after, staff read where it came from, what it holds per account, and what happened to it. */
@LedgerTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_EACH_TEST_METHOD)
class BatchReadoutTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    @Autowired ImportService imports;
    @Autowired MigrationMode migrationMode;
    @Autowired MigratedDocuments migrated;
    @Autowired BatchService batches;
    @Autowired BatchCorrections corrections;
    @Autowired BatchReadout readout;
    @Autowired LedgerReports reports;
    @Autowired JdbcClient jdbc;

    private ImportReport payments;
    private long deposit;

    @BeforeEach
    void the_clerk_imported_the_payments_file() {
        Samples.withOpenInvoices(imports, migrationMode, migrated, TODAY);
        payments = imports.run("payments", Samples.file("payments.csv"), ImportOptions.of(TODAY, "clerk").withFlag("allow-overpayment", "true"));
        assertThat(payments.status()).isEqualTo(ImportStatus.COMMITTED);
        deposit = batches.list().stream().filter(b -> b.type() == BatchType.DEPOSIT).findFirst().orElseThrow().id();
    }

    /** The batch's lines summed per entity and account in base currency, read straight from the lines. */
    private Map<String, List<BigDecimal>> linesPerAccount(long batch) {
        return jdbc.sql("""
                        SELECT l.entity_code || '/' || l.account_code AS k, sum(l.base_debit) AS d, sum(l.base_credit) AS c
                          FROM journal j JOIN journal_line l ON l.entity_code = j.entity_code AND l.journal_id = j.id
                         WHERE j.batch_id = ? GROUP BY 1""")
                .param(batch)
                .query((rs, n) -> Map.entry(rs.getString(1), List.of(rs.getBigDecimal(2).stripTrailingZeros(), rs.getBigDecimal(3).stripTrailingZeros())))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private long journals(long batch) {
        return jdbc.sql("SELECT count(*) FROM journal WHERE batch_id = ?").param(batch).query(Long.class).single();
    }

    private static Map<String, List<BigDecimal>> totalsPerAccount(BatchReadout.BatchDetail detail) {
        return detail.totals().stream().collect(Collectors.toMap(t -> t.entity() + "/" + t.account(),
                t -> List.of(t.debit().stripTrailingZeros(), t.credit().stripTrailingZeros())));
    }

    @Test
    void an_open_batch_shows_the_file_it_came_from_and_its_totals_per_account_summed_from_its_lines() {
        BatchReadout.BatchDetail detail = readout.detail(deposit).orElseThrow();

        assertThat(detail.batch().status()).isEqualTo(BatchStatus.OPEN);
        assertThat(detail.importedFrom()).satisfies(from -> {
            assertThat(from.fileName()).isEqualTo("payments.csv");
            assertThat(from.kind()).isEqualTo("payments");
            assertThat(from.actor()).isEqualTo("clerk");
            assertThat(from.importRunId()).isEqualTo(jdbc.sql("SELECT id FROM import_run WHERE kind = 'payments' AND status = 'committed'")
                    .query(Long.class).single());
        });
        assertThat(totalsPerAccount(detail)).isNotEmpty().isEqualTo(linesPerAccount(deposit));
        assertThat(detail.totals()).allSatisfy(t -> {
            assertThat(t.accountName()).isNotBlank();
            assertThat(t.currency()).hasSize(3);
        });
        assertThat(detail.totals().stream().map(BatchReadout.AccountTotal::debit).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(detail.batch().debit());
        assertThat(detail.history()).extracting(BatchReadout.HistoryEntry::event)
                .containsExactly("opened", journals(deposit) + " journal(s) added");
    }

    @Test
    void a_posted_then_reversed_batch_shows_each_step_who_took_it_and_the_reason_with_the_same_totals() {
        Map<String, List<BigDecimal>> before = totalsPerAccount(readout.detail(deposit).orElseThrow());
        batches.changeStatus(List.of(deposit), BatchStatus.READY, "clerk");
        batches.post(List.of(deposit), "controller");
        BatchChange.Reversing reversing = (BatchChange.Reversing) corrections.reverse(List.of(deposit), "deposited twice", null, "controller");
        batches.changeStatus(List.of(reversing.reversalBatchId()), BatchStatus.READY, "clerk");
        batches.post(List.of(reversing.reversalBatchId()), "controller");

        BatchReadout.BatchDetail detail = readout.detail(deposit).orElseThrow();

        assertThat(detail.batch().status()).isEqualTo(BatchStatus.POSTED);
        assertThat(detail.batch().reversedBy()).isEqualTo(reversing.reversalBatchId());
        assertThat(totalsPerAccount(detail)).as("from the totals written at posting").isEqualTo(before);
        assertThat(detail.history()).extracting(h -> h.actor() + ": " + h.event() + (h.reason() == null ? "" : " (" + h.reason() + ")"))
                .containsExactly("clerk: opened", "clerk: " + journals(deposit) + " journal(s) added",
                        "clerk: set READY", "controller: posted",
                        "controller: reversal prepared in batch " + reversing.reversalBatchId() + " (deposited twice)",
                        "controller: reversed by batch " + reversing.reversalBatchId());
        BatchReadout.BatchDetail reversal = readout.detail(reversing.reversalBatchId()).orElseThrow();
        assertThat(reversal.importedFrom()).as("a reversal comes from no file").isNull();
        assertThat(totalsPerAccount(reversal)).allSatisfy((account, debitCredit) ->
                assertThat(List.of(debitCredit.get(1), debitCredit.get(0))).as(account).isEqualTo(before.get(account)));
    }

    @Test
    void a_voided_batch_shows_why_and_holds_no_journal_and_an_unknown_batch_is_none() {
        corrections.voidBatches(List.of(deposit), "wrong file", "controller");

        BatchReadout.BatchDetail detail = readout.detail(deposit).orElseThrow();

        assertThat(detail.totals()).isEmpty();
        assertThat(detail.history()).last().satisfies(h -> {
            assertThat(h.event()).startsWith("voided: ").endsWith("journal(s) removed");
            assertThat(h.reason()).isEqualTo("wrong file");
        });
        assertThat(reports.journalsOfBatch(deposit, null, 100).items()).isEmpty();
        assertThat(readout.detail(999_999)).isEmpty();
    }
}
