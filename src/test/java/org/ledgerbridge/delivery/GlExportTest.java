package org.ledgerbridge.delivery;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ledgerbridge.imports.ImportOptions;
import org.ledgerbridge.imports.ImportService;
import org.ledgerbridge.ledger.BatchService;
import org.ledgerbridge.ledger.BatchStatus;
import org.ledgerbridge.ledger.LedgerReports;
import org.ledgerbridge.ledger.TrialBalanceLine;
import org.ledgerbridge.receivables.MigratedDocuments;
import org.ledgerbridge.receivables.MigrationMode;
import org.ledgerbridge.receivables.NewDocument;
import org.ledgerbridge.support.CheckingTools;
import org.ledgerbridge.support.GoldenFiles;
import org.ledgerbridge.support.LedgerTest;
import org.ledgerbridge.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Posted journals of the sample ledger (payments posted a journal each) leave for every GL format. */
@LedgerTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_CLASS) // a ledger of its own, whatever ran before
class GlExportTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    private static final LocalDate FROM = LocalDate.of(2026, 11, 1);
    private static final LocalDate TO = LocalDate.of(2026, 11, 30);
    @Autowired ImportService imports;
    @Autowired MigrationMode migrationMode;
    @Autowired MigratedDocuments migrated;
    @Autowired BatchService batches;
    @Autowired GlExportService export;
    @Autowired LedgerReports reports;
    @Autowired javax.sql.DataSource dataSource;
    @TempDir Path dir;

    @BeforeEach
    void the_sample_payments_are_posted() {
        if (!batches.list().isEmpty()) {
            return; // set up by an earlier test of this class, in this class's ledger
        }
        Samples.withOpenInvoices(imports, migrationMode, migrated, TODAY);
        assertThat(imports.run("payments", Samples.file("payments.csv"),
                ImportOptions.of(TODAY, "setup").withFlag("allow-overpayment", "true")
                        .withFlag("gl-detail", "payment")).status().name()).isEqualTo("COMMITTED"); // a journal per payment: every line's party and document
        List<Long> ids = batches.list().stream().map(b -> b.id()).toList();
        batches.changeStatus(ids, BatchStatus.READY, "preparer");
        batches.post(ids, "approver");
    }

    private Map<String, String> files(Path zip) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    private Map<String, String> exportAgain(String format, Summarize summarize) throws IOException {
        Path zip = dir.resolve(format + "-" + summarize + ".zip");
        GlExport result = export.export(FROM, TO, format, null, true, summarize, zip, "tester");
        assertThat(result).as(result.toString()).isInstanceOf(GlExport.Exported.class);
        return files(zip);
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv", "sage300", "sage50-us", "sage50-ca", "intacct", "xero", "iif", "myob", "ledger", "beancount"})
    void every_format_matches_its_golden_files(String format) throws IOException {
        Map<String, String> files = exportAgain(format, Summarize.DETAIL);

        assertThat(files).containsKey("manifest.csv");
        for (Map.Entry<String, String> file : files.entrySet()) {
            GoldenFiles.assertMatches(GoldenFiles.ROOT.resolve(format).resolve(file.getKey()), file.getValue());
        }
    }

    @Test
    void the_same_range_exported_twice_is_empty_the_second_time_unless_again() throws IOException {
        GlExport first = export.export(FROM, TO, "csv", null, false, Summarize.DETAIL, dir.resolve("first.zip"), "t");
        GlExport second = export.export(FROM, TO, "csv", null, false, Summarize.DETAIL, dir.resolve("second.zip"), "t");
        GlExport again = export.export(FROM, TO, "csv", null, true, Summarize.DETAIL, dir.resolve("again.zip"), "t");

        assertThat(first).isInstanceOf(GlExport.Exported.class); // whatever earlier tests left unexported
        assertThat(((GlExport.Exported) second).journals()).isZero();
        assertThat(((GlExport.Exported) again).journals()).isEqualTo(reports.journals(FROM, TO).size());
        assertThat(reports.journals(FROM, TO)).allSatisfy(j -> assertThat(j.exportedAt()).isNotNull());
    }

    @Test
    void an_export_never_overwrites_a_file_and_knows_the_one_it_delivered() throws IOException {
        Path zip = dir.resolve("delivered.zip");
        assertThat(export.export(FROM, TO, "csv", null, true, Summarize.DETAIL, zip, "t")).isInstanceOf(GlExport.Exported.class);
        byte[] delivered = Files.readAllBytes(zip);

        GlExport again = export.export(FROM, TO, "csv", null, true, Summarize.DETAIL, zip, "t");
        assertThat(again).isInstanceOfSatisfying(GlExport.Refused.class, r -> assertThat(r.code()).hasToString("ALREADY_EXPORTED"));
        Path foreign = Files.writeString(dir.resolve("foreign.zip"), "someone else's file");
        GlExport overwrite = export.export(FROM, TO, "csv", null, true, Summarize.DETAIL, foreign, "t");
        assertThat(overwrite).isInstanceOfSatisfying(GlExport.Refused.class, r -> assertThat(r.code()).hasToString("OUTPUT_EXISTS"));
        assertThat(Files.readAllBytes(zip)).isEqualTo(delivered);
        assertThat(Files.readString(foreign)).isEqualTo("someone else's file");
    }

    @Test
    void an_export_to_a_device_a_pipe_or_a_folder_is_refused_at_once_and_nothing_is_recorded() throws Exception {
        long before = org.springframework.jdbc.core.simple.JdbcClient.create(dataSource).sql("SELECT count(*) FROM gl_export")
                .query(Long.class).single();
        Path pipe = dir.resolve("pipe.zip");
        assertThat(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor()).isZero();
        for (Path out : List.of(Path.of("/dev/full"), pipe, Files.createDirectories(dir.resolve("folder.zip")))) {
            long started = System.nanoTime();
            GlExport refused = export.export(FROM, TO, "csv", null, true, Summarize.DETAIL, out, "t");
            assertThat(refused).as(out.toString()).isInstanceOfSatisfying(GlExport.Refused.class,
                    r -> assertThat(r.code()).hasToString("OUTPUT_NOT_A_FILE"));
            assertThat(System.nanoTime() - started).as("never reads the device or waits on the pipe").isLessThan(5_000_000_000L);
        }
        assertThat(org.springframework.jdbc.core.simple.JdbcClient.create(dataSource).sql("SELECT count(*) FROM gl_export")
                .query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void a_run_that_stopped_after_its_commit_but_before_the_rename_is_completed_by_the_next_run() throws IOException {
        Path zip = dir.resolve("interrupted.zip");
        assertThat(export.export(FROM, TO, "csv", null, true, Summarize.DETAIL, zip, "t")).isInstanceOf(GlExport.Exported.class);
        byte[] delivered = Files.readAllBytes(zip);
        Files.move(zip, dir.resolve("interrupted.zip.part")); // as the crash left it: committed, not yet renamed

        GlExport rerun = export.export(FROM, TO, "csv", null, true, Summarize.DETAIL, zip, "t");
        assertThat(rerun).isInstanceOfSatisfying(GlExport.Refused.class, r -> assertThat(r.code()).hasToString("ALREADY_EXPORTED"));
        assertThat(Files.readAllBytes(zip)).isEqualTo(delivered);
        assertThat(dir.resolve("interrupted.zip.part")).doesNotExist();
    }

    @Test
    void a_part_file_of_a_run_that_never_committed_is_discarded_and_the_export_runs() throws IOException {
        Path zip = dir.resolve("fresh.zip");
        Files.writeString(dir.resolve("fresh.zip.part"), "half a zip");
        assertThat(export.export(FROM, TO, "csv", null, true, Summarize.DETAIL, zip, "t")).isInstanceOf(GlExport.Exported.class);
        assertThat(new String(Files.readAllBytes(zip), 0, 2)).isEqualTo("PK");
    }

    @Test
    void every_file_balances_on_its_own_and_the_manifest_says_so() throws IOException {
        GlExport.Exported exported = (GlExport.Exported) export.export(FROM, TO, "sage300", null, true, Summarize.DETAIL,
                dir.resolve("m.zip"), "t");

        assertThat(exported.files()).isNotEmpty().allSatisfy(f -> assertThat(f.debit()).isEqualByComparingTo(f.credit()));
    }

    @Test
    void a_day_summary_sums_per_account_and_keeps_the_totals() throws IOException {
        Map<String, String> detail = exportAgain("csv", Summarize.DETAIL);
        Map<String, String> day = exportAgain("csv", Summarize.DAY);

        assertThat(day.get("manifest.csv").lines().skip(1).map(l -> l.split(",")[4]).toList())
                .isEqualTo(detail.get("manifest.csv").lines().skip(1).map(l -> l.split(",")[4]).toList());
        assertThat(day.get("PSAB_2026-11-01_2026-11-30.csv").lines().count())
                .isLessThanOrEqualTo(detail.get("PSAB_2026-11-01_2026-11-30.csv").lines().count());
    }

    @Test
    void no_text_cell_can_start_a_formula() {
        assertThat(TextCells.safe("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(TextCells.safe("+1")).isEqualTo("'+1");
        assertThat(TextCells.safe("-1")).isEqualTo("'-1");
        assertThat(TextCells.safe("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(TextCells.safe("\tx")).startsWith("'");
        assertThat(TextCells.safe("two\nlines")).isEqualTo("two lines");
        assertThat(TextCells.safe("Dues 2026")).isEqualTo("Dues 2026");
    }

    @Test
    void the_ledger_output_passes_hledger_check_and_its_balances_equal_the_trial_balance() throws Exception {
        CheckingTools.require("hledger");
        Map<String, String> files = exportAgain("ledger", Summarize.DETAIL);
        Path journal = dir.resolve("PSAB.journal");
        Files.writeString(journal, files.get("PSAB_2026-11-01_2026-11-30.journal"));

        assertThat(run("hledger", "-f", journal.toString(), "check")).isZero();
        Process balance = new ProcessBuilder("hledger", "-f", journal.toString(), "balance", "--flat", "--no-total",
                "-O", "csv").redirectErrorStream(true).start();
        String csv = new String(balance.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        balance.waitFor(30, TimeUnit.SECONDS);
        for (TrialBalanceLine line : reports.trialBalance("PSAB", false)) {
            if (line.balance().signum() != 0) {
                assertThat(csv).contains(":" + line.account() + "\",\"" + line.balance().toPlainString() + " USD\"");
            }
        }
    }

    @Test
    void the_beancount_output_passes_bean_check() throws Exception {
        CheckingTools.require("bean-check");
        Map<String, String> files = exportAgain("beancount", Summarize.DETAIL);
        Path ledger = dir.resolve("PSAB.beancount");
        Files.writeString(ledger, files.get("PSAB_2026-11-01_2026-11-30.beancount"));

        assertThat(run("bean-check", ledger.toString())).isZero();
    }


    private static int run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).inheritIO().start();
        return process.waitFor(60, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }

    @Test
    void an_unknown_format_is_refused_with_the_list_of_formats() {
        assertThat(export.export(FROM, TO, "lotus123", null, false, Summarize.DETAIL, dir.resolve("x.zip"), "t"))
                .isInstanceOfSatisfying(GlExport.Refused.class, r -> {
                    assertThat(r.code()).hasToString("UNKNOWN_FORMAT");
                    assertThat(r.message()).contains("sage300", "myob", "beancount");
                });
        assertThat(dir.resolve("x.zip")).doesNotExist();
    }

    private static BigDecimal cashDebits(String csv, String account) {
        return csv.lines().skip(1).map(l -> l.split(",")).filter(f -> f[3].equals(account))
                .map(f -> new BigDecimal(f[4])).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void a_deposit_batch_carries_its_cash_once_per_receipt_or_once_as_the_deposit_line_never_twice() throws IOException {
        Map<String, String> detail = exportAgain("csv", Summarize.DETAIL);
        Path zip = dir.resolve("deposits.zip");
        assertThat(export.export(FROM, TO, "csv", null, true, Summarize.DETAIL, true, zip, "t")).isInstanceOf(GlExport.Exported.class);
        Map<String, String> summary = files(zip);

        String detailPsab = detail.get("PSAB_2026-11-01_2026-11-30.csv");
        String summaryPsab = summary.get("PSAB_2026-11-01_2026-11-30.csv");
        // the cheques of the DEPOSIT batch: 500.00 on 11/03 and 1300.00 on 11/05, to operating cash 1010
        assertThat(cashDebits(detailPsab, "1010")).isEqualByComparingTo("1800.00");
        assertThat(cashDebits(summaryPsab, "1010")).isEqualByComparingTo("1800.00");
        assertThat(summaryPsab.lines().filter(l -> l.contains(",1010,")).toList())
                .hasSize(2).allSatisfy(l -> assertThat(l).contains("DEP-").contains("Deposit of 1 receipts"));
        assertThat(summary.get("manifest.csv").lines().skip(1).map(l -> l.split(","))).allSatisfy(f ->
                assertThat(new BigDecimal(f[4])).isEqualByComparingTo(new BigDecimal(f[5])));
    }

    @Test
    void a_journal_another_export_takes_meanwhile_is_sent_by_one_of_them_only() throws Exception {
        var jdbc = org.springframework.jdbc.core.simple.JdbcClient.create(dataSource);
        long journal = jdbc.sql("""
                        SELECT j.id FROM journal j JOIN batch b ON b.id = j.batch_id
                         WHERE b.status = 'POSTED' AND j.journal_date BETWEEN ? AND ? ORDER BY j.id LIMIT 1""")
                .params(FROM, TO).query(Long.class).single();
        jdbc.sql("DELETE FROM journal_export WHERE journal_id = ?").param(journal).update(); // not exported yet
        long exportsBefore = jdbc.sql("SELECT count(*) FROM gl_export").query(Long.class).single();
        Path zip = dir.resolve("second.zip");

        try (java.sql.Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false); // the other export: it has marked the journal and not yet committed
            other.createStatement().execute("INSERT INTO journal_export (entity_code, journal_id, exported_at)"
                    + " SELECT entity_code, id, now() FROM journal WHERE id = " + journal);
            var running = java.util.concurrent.Executors.newSingleThreadExecutor().submit(() ->
                    export.export(FROM, TO, "csv", null, false, Summarize.DETAIL, zip, "t"));
            // this export has read the journal and waits for the other's mark
            java.time.Instant deadline = java.time.Instant.now().plusSeconds(30);
            // on a Citus cluster the wait is on the worker that holds the journal's entity
            String waiting = jdbc.sql("SELECT to_regclass('citus_lock_waits') IS NOT NULL").query(Boolean.class).single()
                    ? "SELECT count(*) FROM citus_lock_waits"
                    : "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%INSERT INTO journal_export%'";
            while (jdbc.sql(waiting).query(Long.class).single() == 0 && java.time.Instant.now().isBefore(deadline)) {
                Thread.sleep(20);
            }
            other.commit();

            assertThat(running.get(30, TimeUnit.SECONDS)).isInstanceOfSatisfying(GlExport.Refused.class,
                    r -> assertThat(r.code()).hasToString("EXPORTED_MEANWHILE"));
        }
        assertThat(zip).doesNotExist();
        assertThat(dir.resolve("second.zip.part")).doesNotExist();
        assertThat(jdbc.sql("SELECT count(*) FROM gl_export").query(Long.class).single()).isEqualTo(exportsBefore);
        assertThat(jdbc.sql("SELECT count(*) FROM journal_export WHERE journal_id = ?").param(journal).query(Long.class).single())
                .isOne();
    }
}
