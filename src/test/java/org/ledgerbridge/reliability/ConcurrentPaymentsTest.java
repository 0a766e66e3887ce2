package org.ledgerbridge.reliability;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ledgerbridge.imports.ImportOptions;
import org.ledgerbridge.imports.ImportReport;
import org.ledgerbridge.imports.ImportService;
import org.ledgerbridge.imports.ImportStatus;
import org.ledgerbridge.imports.RowProblem;
import org.ledgerbridge.ledger.LedgerCheck;
import org.ledgerbridge.receivables.MigratedDocuments;
import org.ledgerbridge.receivables.MigrationMode;
import org.ledgerbridge.receivables.NewDocument;
import org.ledgerbridge.receivables.OpenItems;
import org.ledgerbridge.support.LedgerTest;
import org.ledgerbridge.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contention: many payment files at once against the same invoices. Every open balance stays
 * between zero and the original, nothing deadlocks, every refusal says why with its code, and the
 * same file sent twice at once is committed once.
 */
@LedgerTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_EACH_TEST_METHOD)
class ConcurrentPaymentsTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    static final String HEADER = "BILL_TO_ID,AMOUNT,PAYMENT_METHOD_ID,DATE,CHECK_NUMBER,INVOICE_NUMBERS,INVOICE_TYPES,SOURCE_SYSTEMS,IS_PREPAYMENT\n";

    @Autowired ImportService imports;
    @Autowired MigrationMode migrationMode;
    @Autowired MigratedDocuments migrated;
    @Autowired OpenItems openItems;
    @Autowired LedgerCheck check;
    @Autowired JdbcClient jdbc;
    @TempDir Path dir;

    /** Five EVENT invoices of 500.00 owed by member 100231. */
    private void fiveInvoicesOf500() throws IOException {
        Samples.imported(imports, TODAY, "entities", "accounts", "parties", "payment-methods");
        StringBuilder csv = new StringBuilder("MODULE,TYPE,NUMBER,PARTY_ID,ENTITY,DATE,DUE_DATE,CURRENCY,EXCHANGE_RATE,ORIGINAL_AMOUNT,"
                + "OPEN_BALANCE,INVOICE_TYPE,SOURCE_SYSTEM,RETAINAGE_PERCENT,STATUS,DESCRIPTION\n");
        for (int k = 0; k < 5; k++) {
            csv.append("AR,INVOICE,INV-C").append(k).append(",100231,PSAB,2026-10-01,2026-10-31,USD,1,500.00,500.00,EVENT,EVENTS,,BALANCED,x\n");
        }
        migrationMode.set(NewDocument.Module.AR, true, "setup");
        assertThat(imports.run("documents", Files.writeString(dir.resolve("invoices.csv"), csv), ImportOptions.of(TODAY, "setup"))
                .status()).isEqualTo(ImportStatus.COMMITTED);
        migrated.release(List.of(), true, TODAY, "setup");
        migrationMode.set(NewDocument.Module.AR, false, "setup");
    }

    private List<ImportReport> atOnce(List<Path> files) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(files.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ImportReport>> results = new ArrayList<>();
        for (Path file : files) {
            Callable<ImportReport> task = () -> {
                start.await();
                return imports.run("payments", file, ImportOptions.of(TODAY, "thread"));
            };
            results.add(threads.submit(task));
        }
        start.countDown();
        threads.shutdown();
        assertThat(threads.awaitTermination(120, TimeUnit.SECONDS)).as("all imports finished: no deadlock").isTrue();
        List<ImportReport> reports = new ArrayList<>();
        for (Future<ImportReport> result : results) {
            reports.add(result.get());
        }
        return reports;
    }

    @Test
    void fifty_threads_paying_the_same_five_invoices_never_overpay_or_deadlock_and_each_refusal_has_its_code() throws Exception {
        fiveInvoicesOf500();
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            // 120.00 by cheque (each its own number, so each file is different) for invoice INV-C(i % 5)
            files.add(Files.writeString(dir.resolve("pay-" + i + ".csv"),
                    HEADER + "100231,120.00,CHK-PSAB,2026-11-02," + (5000 + i) + ",INV-C" + (i % 5) + ",,,\n"));
        }
        List<ImportReport> reports = atOnce(files);

        long committed = reports.stream().filter(r -> r.status() == ImportStatus.COMMITTED).count();
        assertThat(reports).allMatch(r -> r.status() == ImportStatus.COMMITTED || r.status() == ImportStatus.REJECTED);
        assertThat(reports.stream().filter(r -> r.status() == ImportStatus.REJECTED).flatMap(r -> r.errors().stream()).map(p -> p.code().name()))
                .as("every refusal says why").containsOnly("PAYMENT_EXCEEDS_ORDER_TOTAL");
        // four payments of 120.00 fit in each 500.00 invoice; the fifth would leave a credit, which is not allowed
        assertThat(committed).isEqualTo(20);
        for (int k = 0; k < 5; k++) {
            BigDecimal open = openItems.find("PSAB", "AR", "INV-C" + k).orElseThrow().openBalance();
            assertThat(open).as("INV-C%d", k).isEqualByComparingTo("20.00");
        }
        assertThat(check.run()).isEmpty();
        assertThat(openItems.check()).isEmpty();
    }

    @Test
    void the_same_file_imported_twice_at_the_same_moment_is_committed_once() throws Exception {
        fiveInvoicesOf500();
        Path file = Files.writeString(dir.resolve("pay.csv"), HEADER + "100231,100.00,CHK-PSAB,2026-11-02,7001,INV-C0,,,\n");
        Path copy = Files.copy(file, dir.resolve("pay-copy.csv"));
        List<ImportReport> reports = atOnce(List.of(file, copy));

        assertThat(reports).extracting(ImportReport::status)
                .containsExactlyInAnyOrder(ImportStatus.COMMITTED, ImportStatus.DUPLICATE);
        assertThat(openItems.find("PSAB", "AR", "INV-C0").orElseThrow().openBalance()).isEqualByComparingTo("400.00");
        assertThat(jdbc.sql("SELECT count(*) FROM payment").query(Long.class).single()).isEqualTo(1);
    }
}
