package org.ledgerbridge.imis;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ledgerbridge.delivery.GlFormats;
import org.ledgerbridge.imports.MappingProfile;
import org.ledgerbridge.imports.ProgressListener;
import org.ledgerbridge.imports.RowProblem;
import org.ledgerbridge.ledger.Account;
import org.ledgerbridge.ledger.AccountRole;
import org.ledgerbridge.ledger.AccountType;
import org.ledgerbridge.ledger.FinancialEntity;
import org.ledgerbridge.support.CheckingTools;
import org.ledgerbridge.support.Samples;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** Seed 000: the Access database that turned an iMIS auto-batch into Sage files, replaced. */
class ImisConverterTest {

    private static final ImisChart NO_LEDGER = ImisChart.none("1900", "USD");

    @TempDir
    Path out;

    private ImisConverter.Conversion convert(Path file, String format, ImisSummary level, ImisChart chart, String... batches) {
        return ImisConverter.convert(file, Set.of(batches), GlFormats.named(format).orElseThrow(), level, "AB######-#", chart,
                MappingProfile.NONE, out, ProgressListener.NONE);
    }

    static List<String> formats() {
        return GlFormats.names();
    }

    @ParameterizedTest
    @MethodSource("formats")
    void every_batch_of_the_sample_converts_into_per_entity_files_that_balance(String format) {
        for (String batch : List.of("1041", "1042", "1043")) {
            var conversion = convert(Samples.file("imis-export.csv"), format, ImisSummary.DETAIL, NO_LEDGER, batch);

            assertThat(conversion).as(format + " " + batch).isInstanceOfSatisfying(ImisConverter.Converted.class, converted -> {
                assertThat(converted.files()).isNotEmpty().allSatisfy(f -> {
                    assertThat(f.debit()).isEqualByComparingTo(f.credit());
                    assertThat(f.file()).startsWith(f.entity() + "_AB00" + batch + "-1");
                    assertThat(out.resolve(f.file())).exists();
                });
            });
        }
    }

    @Test
    void only_the_chosen_batch_is_converted_and_the_others_are_counted_as_skipped() {
        var converted = (ImisConverter.Converted) convert(Samples.file("imis-export.csv"), "csv", ImisSummary.DETAIL, NO_LEDGER, "1041");

        assertThat(converted.linesConverted()).isEqualTo(7);
        assertThat(converted.linesSkipped()).isEqualTo(7);
        assertThat(converted.files()).extracting(ImisConverter.FileReport::entity).containsExactly("BMC", "PSAB", "SEC");
    }

    @Test
    void a_transaction_across_entities_is_balanced_in_each_through_inter_entity_lines() throws IOException {
        var converted = (ImisConverter.Converted) convert(Samples.file("imis-export.csv"), "csv", ImisSummary.DETAIL, NO_LEDGER, "1043");

        assertThat(converted.interEntity()).containsExactly(Map.entry("PSAB -> BMC", new BigDecimal("400.00")),
                Map.entry("PSAB -> SEC", new BigDecimal("250.00")));
        String sec = Files.readString(out.resolve("SEC_AB001043-1.csv"));
        assertThat(sec).contains("SEC,880177,2026-11-04,4000,0.00,250.00").contains("SEC,880177,2026-11-04,1900,250.00,0.00");
        String psab = Files.readString(out.resolve("PSAB_AB001043-1.csv"));
        assertThat(psab).contains("1050,650.00,0.00").contains("1900,0.00,400.00").contains("1900,0.00,250.00");
    }

    @Test
    void a_batch_not_in_the_file_is_refused_with_the_batches_it_holds_and_nothing_is_written() throws IOException {
        var rejected = (ImisConverter.Rejected) convert(Samples.file("imis-export.csv"), "sage300", ImisSummary.DETAIL, NO_LEDGER, "9999");

        assertThat(rejected.errors()).extracting(p -> p.code().name(), RowProblem::message).containsExactly(
                tuple("BATCH_NOT_IN_FILE", "batch 9999 is not in the file; it holds batches 1041, 1042, 1043"));
        try (var files = Files.list(out)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void a_batch_that_does_not_net_to_zero_is_refused_naming_the_transactions_and_the_amount() throws IOException {
        Path file = out.resolve("in.csv");
        Files.writeString(file, Files.readString(Samples.file("imis-export.csv")).replace("PSAB,1050,545.00", "PSAB,1050,540.00"));

        var rejected = (ImisConverter.Rejected) convert(file, "csv", ImisSummary.DETAIL, NO_LEDGER, "1041");

        assertThat(rejected.errors()).extracting(RowProblem::row, p -> p.code().name()).containsExactly(tuple(4L, "BATCH_DOES_NOT_BALANCE"));
        assertThat(rejected.errors().get(0).message()).contains("off by -5.00", "880102 (-5.00)");
    }

    @Test
    void bad_dates_and_amounts_are_refused_with_their_row_and_column() throws IOException {
        Path file = out.resolve("in.csv");
        Files.writeString(file, Files.readString(Samples.file("imis-export.csv"))
                .replace("1041,880101,1,11/02/2026", "1041,880101,1,13/02/2026").replace("PSAB,4200,-45.00", "PSAB,4200,-45,00"));

        var rejected = (ImisConverter.Rejected) convert(file, "csv", ImisSummary.DETAIL, NO_LEDGER, "1041");

        assertThat(rejected.errors()).extracting(RowProblem::row, RowProblem::column, p -> p.code().name())
                .contains(tuple(2L, "TRANSACTION_DATE", "INVALID_DATE"));
    }

    @Test
    void a_description_that_is_a_formula_is_refused_as_the_imports_refuse_it_and_a_dash_stays_text() throws IOException {
        Path file = out.resolve("in.csv");
        Files.writeString(file, Files.readString(Samples.file("imis-export.csv"))
                .replace("Borough Code Book (print)", "=HYPERLINK(\"http://x\")").replace("Online payment VISA ****4242", "- October dues"));

        var rejected = (ImisConverter.Rejected) convert(file, "csv", ImisSummary.DETAIL, NO_LEDGER, "1041");

        assertThat(rejected.errors()).extracting(RowProblem::row, RowProblem::column, p -> p.code().name())
                .contains(tuple(2L, "DESCRIPTION", "FORMULA_NOT_ALLOWED"));
        try (var written = Files.list(out)) {
            assertThat(written.map(f -> f.getFileName().toString())).as("nothing written").containsExactly("in.csv");
        }
        Files.writeString(file, Files.readString(file).replace("=HYPERLINK(\"http://x\")", "Borough Code Book (print)"));
        assertThat(convert(file, "csv", ImisSummary.DETAIL, NO_LEDGER, "1041")).isInstanceOf(ImisConverter.Converted.class);
    }

    @Test
    void unknown_entities_and_accounts_are_listed_all_at_once_when_a_ledger_chart_is_set_up() {
        ImisChart chart = ImisChart.of(Map.of("PSAB", new FinancialEntity("PSAB", "State Association", "USD")),
                List.of(new Account("PSAB", "1050", "Undeposited", AccountType.ASSET, null, true),
                        new Account("PSAB", "1900", "Inter-entity", AccountType.ASSET, AccountRole.INTER_ENTITY, true)));

        var rejected = (ImisConverter.Rejected) convert(Samples.file("imis-export.csv"), "csv", ImisSummary.DETAIL, chart, "1041");

        assertThat(rejected.errors()).extracting(p -> p.code().name(), RowProblem::message).contains(
                tuple("UNKNOWN_ACCOUNT", "no account 4200 in the chart of PSAB"),
                tuple("UNKNOWN_ENTITY", "no financial entity 'BMC' in the ledger"),
                tuple("UNKNOWN_ENTITY", "no financial entity 'SEC' in the ledger"));
    }

    @Test
    void an_existing_output_file_is_not_touched_by_a_refused_conversion() throws IOException {
        Path previous = out.resolve("PSAB_AB001041-1.csv");
        Files.writeString(previous, "last week's file");

        convert(Samples.file("imis-export.csv"), "csv", ImisSummary.DETAIL, NO_LEDGER, "1041", "9999");

        assertThat(Files.readString(previous)).isEqualTo("last week's file");
    }

    @Test
    void summarising_per_batch_sums_each_entitys_lines_per_account() throws IOException {
        var converted = (ImisConverter.Converted) convert(Samples.file("imis-export.csv"), "csv", ImisSummary.BATCH, NO_LEDGER, "1041");

        assertThat(converted.files()).filteredOn(f -> f.entity().equals("PSAB")).singleElement()
                .satisfies(f -> assertThat(f.lines()).isEqualTo(3)); // 1050, 1900, 4200
        assertThat(Files.readString(out.resolve("PSAB_AB001041-1.csv"))).contains("1050,760.00,0.00");
    }

    @Test
    void the_ledger_file_passes_hledger_check_and_the_beancount_file_bean_check() throws Exception {
        CheckingTools.require("hledger", "bean-check");
        for (String batch : List.of("1041", "1042", "1043")) {
            convert(Samples.file("imis-export.csv"), "ledger", ImisSummary.DETAIL, NO_LEDGER, batch);
            convert(Samples.file("imis-export.csv"), "beancount", ImisSummary.DETAIL, NO_LEDGER, batch);
        }
        try (var files = Files.list(out)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".journal")) {
                    assertThat(run("hledger", "-f", file.toString(), "check")).as(name).isZero();
                } else if (name.endsWith(".beancount")) {
                    assertThat(run("bean-check", file.toString())).as(name).isZero();
                }
            }
        }
    }


    private static int run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).inheritIO().start();
        return process.waitFor(60, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }

    @ParameterizedTest
    @MethodSource("formats")
    void an_export_shuffled_or_sorted_by_account_converts_to_the_very_bytes_of_the_one_sorted_by_batch_and_transaction(String format)
            throws IOException {
        Path sorted = out.resolve("sorted.csv");
        org.ledgerbridge.demo.SyntheticFiles.generate("imis-export", 3_000, 7, java.time.LocalDate.of(2026, 11, 21), sorted);
        List<String> lines = Files.readAllLines(sorted);
        List<String> rows = new java.util.ArrayList<>(lines.subList(1, lines.size()));
        java.util.Collections.shuffle(rows, new java.util.Random(42));
        Path shuffled = out.resolve("shuffled.csv");
        Files.write(shuffled, concat(lines.get(0), rows));
        rows.sort(java.util.Comparator.comparing((String row) -> row.split(",")[11]).thenComparing(row -> row.split(",")[10]));
        Path byAccount = out.resolve("by-account.csv");
        Files.write(byAccount, concat(lines.get(0), rows));

        Map<String, String> expected = converted(sorted, format, "sorted");
        assertThat(expected).isNotEmpty();
        assertThat(converted(shuffled, format, "shuffled")).isEqualTo(expected);
        assertThat(converted(byAccount, format, "by-account")).isEqualTo(expected);
    }

    private Map<String, String> converted(Path file, String format, String folder) throws IOException {
        Path dir = out.resolve(format + "-" + folder);
        var conversion = ImisConverter.convert(file, Set.of("1", "2"), GlFormats.named(format).orElseThrow(), ImisSummary.DETAIL,
                "AB######-#", NO_LEDGER, MappingProfile.NONE, dir, ProgressListener.NONE);
        assertThat(conversion).as(folder).isInstanceOf(ImisConverter.Converted.class);
        Map<String, String> files = new java.util.TreeMap<>();
        try (var listed = Files.list(dir)) {
            for (Path f : listed.toList()) {
                files.put(f.getFileName().toString(), Files.readString(f));
            }
        }
        return files;
    }

    private static List<String> concat(String header, List<String> rows) {
        List<String> all = new java.util.ArrayList<>();
        all.add(header);
        all.addAll(rows);
        return all;
    }

    @Test
    void lines_past_the_memory_bound_are_sorted_in_runs_on_disk_and_merged_in_transaction_order() throws IOException {
        Path sorted = out.resolve("sorted.csv");
        org.ledgerbridge.demo.SyntheticFiles.generate("imis-export", 5_000, 3, java.time.LocalDate.of(2026, 11, 21), sorted);
        List<ImisLine> inFileOrder = new java.util.ArrayList<>();
        ImisFile.read(sorted, MappingProfile.NONE, new org.ledgerbridge.imports.RowErrors(), ProgressListener.NONE, inFileOrder::add);
        List<ImisLine> shuffled = new java.util.ArrayList<>(inFileOrder);
        java.util.Collections.shuffle(shuffled, new java.util.Random(1));

        List<ImisLine> merged = new java.util.ArrayList<>();
        try (LineSorter sorter = new LineSorter(1_400, 700)) {
            shuffled.forEach(sorter::add);
            sorter.drainTo(merged::add);
        }

        assertThat(merged).hasSize(inFileOrder.size()).isEqualTo(inFileOrder);
    }

    @Test
    void a_batch_that_nets_to_zero_while_two_of_its_transactions_do_not_is_refused_naming_them() throws IOException {
        Path file = out.resolve("in.csv");
        Files.writeString(file, Files.readString(Samples.file("imis-export.csv"))
                .replace("PSAB,1050,120.00", "PSAB,1050,125.00").replace("PSAB,1050,545.00", "PSAB,1050,540.00"));

        var rejected = (ImisConverter.Rejected) convert(file, "csv", ImisSummary.DETAIL, NO_LEDGER, "1041");

        assertThat(rejected.errors()).extracting(p -> p.code().name()).containsExactly("BATCH_DOES_NOT_BALANCE");
        assertThat(rejected.errors().get(0).message()).isEqualTo("batch 1041 nets to zero, but not each of its transactions: "
                + "transactions that do not net: 880101 (5.00), 880102 (-5.00)").doesNotContain("off by 0.00");
    }

    @Test
    void a_conversion_never_overwrites_a_file_already_in_the_folder_and_writes_nothing() throws IOException {
        Path previous = out.resolve("PSAB_AB001041-1.csv");
        Files.writeString(previous, "last week's file");

        var rejected = (ImisConverter.Rejected) convert(Samples.file("imis-export.csv"), "csv", ImisSummary.DETAIL, NO_LEDGER, "1041");

        assertThat(rejected.errors()).extracting(p -> p.code().name()).containsExactly("OUTPUT_EXISTS");
        assertThat(Files.readString(previous)).isEqualTo("last week's file");
        try (var files = Files.list(out)) {
            assertThat(files).containsExactly(previous);
        }
    }

    @Test
    void summarising_per_transaction_and_per_day_keeps_each_file_balanced_with_fewer_lines() {
        for (ImisSummary level : List.of(ImisSummary.TRANSACTION, ImisSummary.DAY)) {
            var converted = (ImisConverter.Converted) ImisConverter.convert(Samples.file("imis-export.csv"), Set.of("1041"),
                    GlFormats.named("csv").orElseThrow(), level, "AB######-#", NO_LEDGER, MappingProfile.NONE, out.resolve(level.name()),
                    ProgressListener.NONE);

            assertThat(converted.files()).allSatisfy(f -> assertThat(f.debit()).isEqualByComparingTo(f.credit()));
            assertThat(converted.files()).filteredOn(f -> f.entity().equals("PSAB")).singleElement()
                    .satisfies(f -> assertThat(f.lines()).isLessThanOrEqualTo(7));
        }
    }

    @Test
    void a_line_the_format_cannot_take_refuses_the_conversion_with_the_formats_reason_and_writes_nothing() throws IOException {
        Path file = out.resolve("in.csv");
        Files.writeString(file, Files.readString(Samples.file("imis-export.csv")).replace("PSAB,1050,120.00", "PSAB,1050-000-000-0001,120.00"));
        Path folder = out.resolve("sage");

        var conversion = ImisConverter.convert(file, Set.of("1041"), GlFormats.named("sage50-us").orElseThrow(), ImisSummary.DETAIL,
                "AB######-#", NO_LEDGER, MappingProfile.NONE, folder, ProgressListener.NONE);

        assertThat(conversion).isInstanceOfSatisfying(ImisConverter.Rejected.class, rejected -> assertThat(rejected.errors())
                .extracting(p -> p.code().name()).containsExactly("NOT_VALID_FOR_FORMAT"));
        assertThat(((ImisConverter.Rejected) conversion).errors().get(0).message()).contains("at most 15 characters");
        try (var files = Files.list(folder)) {
            assertThat(files).as("no file, hidden part files included").isEmpty();
        }
    }

    @Test
    void a_refusal_after_some_files_were_written_leaves_not_even_their_hidden_parts() throws IOException {
        Path file = out.resolve("in.csv");
        Files.writeString(file, Files.readString(Samples.file("imis-export.csv")).replace("PSAB,4100,-310.00", "PSAB,4100,-300.00"));
        Path folder = out.resolve("converted");

        var conversion = ImisConverter.convert(file, Set.of("1041", "1042"), GlFormats.named("csv").orElseThrow(), ImisSummary.DETAIL,
                "AB######-#", NO_LEDGER, MappingProfile.NONE, folder, ProgressListener.NONE);

        assertThat(conversion).isInstanceOfSatisfying(ImisConverter.Rejected.class, rejected -> assertThat(rejected.errors())
                .extracting(p -> p.code().name()).containsExactly("BATCH_DOES_NOT_BALANCE"));
        try (var files = Files.list(folder)) {
            assertThat(files).as("batch 1041 balanced and was written first; nothing of it is left").isEmpty();
        }
    }

    @Test
    void a_transaction_across_entities_without_a_payment_line_is_paid_by_the_entity_that_received_the_most() throws IOException {
        Path file = out.resolve("transfer.csv");
        Files.writeString(file, """
                BATCH_NUM,TRANS_NUMBER,LINE_NUMBER,TRANSACTION_DATE,TRANSACTION_TYPE,SOURCE_SYSTEM,ST_ID,INVOICE_REFERENCE_NUM,PRODUCT_CODE,DESCRIPTION,FINANCIAL_ENTITY,GL_ACCOUNT,AMOUNT
                2001,990001,1,11/05/2026,DIST,ORDER,100231,,,Shared stand,SEC,4100,-60.00
                2001,990001,2,11/05/2026,DIST,ORDER,100231,,,Shared stand,PSAB,1050,100.00
                2001,990001,3,11/05/2026,DIST,ORDER,100231,,,Shared stand,BMC,4000,-40.00
                """);

        var converted = (ImisConverter.Converted) convert(file, "csv", ImisSummary.DETAIL, NO_LEDGER, "2001");

        assertThat(converted.interEntity()).containsExactly(Map.entry("PSAB -> BMC", new BigDecimal("40.00")),
                Map.entry("PSAB -> SEC", new BigDecimal("60.00")));
        assertThat(converted.files()).allSatisfy(f -> assertThat(f.debit()).isEqualByComparingTo(f.credit()));
        assertThat(Files.readString(out.resolve("PSAB_AB002001-1.csv"))).contains("1900,0.00,60.00").contains("1900,0.00,40.00");
    }
}
