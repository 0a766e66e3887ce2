package org.ledgerbridge.imports;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ledgerbridge.receivables.MigratedDocuments;
import org.ledgerbridge.receivables.MigrationMode;
import org.ledgerbridge.receivables.NewDocument;
import org.ledgerbridge.support.Cli;
import org.ledgerbridge.support.LedgerTest;
import org.ledgerbridge.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A template for every import kind: the header its import reads, an example row, and what each column takes. */
@LedgerTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_EACH_TEST_METHOD)
class ImportTemplatesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    /** What a template must never cause: its own header or layout refused. */
    private static final Set<String> LAYOUT_CODES = Set.of("MISSING_COLUMN", "UNKNOWN_COLUMN", "DUPLICATE_COLUMN", "MISSING_HEADER",
            "MALFORMED_CSV", "TOO_MANY_COLUMNS", "BLANK_ROW");

    @Autowired ImportService imports;
    @Autowired MigrationMode migrationMode;
    @Autowired MigratedDocuments migrated;
    @TempDir Path dir;

    @Test
    void every_import_kind_has_a_template_with_exactly_the_columns_its_import_reads_each_described_with_an_example() {
        assertThat(ImportTemplates.kinds()).containsExactlyInAnyOrderElementsOf(imports.kinds());
        for (String kind : imports.kinds()) {
            List<ImportTemplates.Column> template = ImportTemplates.columns(kind).orElseThrow();
            assertThat(template).as(kind).extracting(ImportTemplates.Column::name, ImportTemplates.Column::required)
                    .containsExactlyElementsOf(imports.kind(kind).orElseThrow().columns().stream()
                            .map(c -> org.assertj.core.groups.Tuple.tuple(c.name(), c.required())).toList());
            assertThat(template).as(kind + ": what each column takes").allSatisfy(c -> assertThat(c.rules()).isNotBlank());
            assertThat(template).as(kind + ": an example of each required column").filteredOn(ImportTemplates.Column::required)
                    .allSatisfy(c -> assertThat(c.example()).isNotBlank());
        }
    }

    @Test
    void each_template_as_csv_and_as_xlsx_is_read_by_its_import_as_it_is_its_example_row_and_nothing_about_its_layout_refused()
            throws IOException {
        Samples.withOpenInvoices(imports, migrationMode, migrated, TODAY);
        migrationMode.set(NewDocument.Module.AR, true, "setup");
        for (String kind : ImportTemplates.kinds()) {
            for (ImportTemplates.Format format : ImportTemplates.Format.values()) {
                Path file = dir.resolve(ImportTemplates.fileName(kind, format));
                try (OutputStream out = Files.newOutputStream(file)) {
                    assertThat(ImportTemplates.write(kind, format, out)).isTrue();
                }
                ImportReport report = imports.run(kind, file, ImportOptions.of(TODAY, "t").dryRun(true).withFlag("batch", "1041")
                        .withFlag("target", "books"));

                assertThat(report.rows()).as(kind + " " + format + ": the example row").isEqualTo(1);
                assertThat(report.errors()).as(kind + " " + format).noneMatch(e -> LAYOUT_CODES.contains(e.code().name()));
            }
        }
    }

    @Test
    void a_refusal_of_the_whole_file_is_told_on_its_first_data_row_even_below_a_templates_comment_lines() throws IOException {
        Samples.imported(imports, TODAY, "entities", "accounts", "parties", "payment-methods");
        for (String[] kindAndCode : List.of(new String[]{"gl-accounts", "UNKNOWN_TARGET"}, new String[]{"imis", "BATCH_REQUIRED"},
                new String[]{"pro-forma-invoices", "MIGRATION_MODE_OFF"})) {
            Path file = dir.resolve(ImportTemplates.fileName(kindAndCode[0], ImportTemplates.Format.CSV));
            try (OutputStream out = Files.newOutputStream(file)) {
                ImportTemplates.write(kindAndCode[0], ImportTemplates.Format.CSV, out);
            }
            long exampleRow = Files.readAllLines(file).size();

            ImportReport report = imports.run(kindAndCode[0], file, ImportOptions.of(TODAY, "t").dryRun(true));

            assertThat(report.errors()).as(kindAndCode[0]).extracting(RowProblem::row, p -> p.code().name())
                    .contains(org.assertj.core.groups.Tuple.tuple(exampleRow, kindAndCode[1]));
        }
    }

    @Test
    void the_examples_of_a_migrated_document_and_a_payment_are_accepted_by_the_sample_ledger_as_they_are() throws IOException {
        Samples.withOpenInvoices(imports, migrationMode, migrated, TODAY);
        migrationMode.set(NewDocument.Module.AR, true, "setup");
        Path documents = dir.resolve("documents.csv");
        try (OutputStream out = Files.newOutputStream(documents)) {
            ImportTemplates.write("documents", ImportTemplates.Format.CSV, out);
        }
        Files.writeString(documents, Files.readString(documents).replace("INV-20410", "INV-99001"));
        assertThat(imports.run("documents", documents, ImportOptions.of(TODAY, "t").dryRun(true)).errors()).isEmpty();

        migrationMode.set(NewDocument.Module.AR, false, "setup");
        Path payments = dir.resolve("payments.csv");
        try (OutputStream out = Files.newOutputStream(payments)) {
            ImportTemplates.write("payments", ImportTemplates.Format.CSV, out);
        }
        assertThat(imports.run("payments", payments, ImportOptions.of(TODAY, "t").dryRun(true)).errors()).isEmpty();
    }

    @Test
    void the_csv_template_describes_each_column_above_its_header_and_the_xlsx_one_on_a_second_sheet() throws IOException {
        Path csv = dir.resolve("payments.csv");
        try (OutputStream out = Files.newOutputStream(csv)) {
            ImportTemplates.write("payments", ImportTemplates.Format.CSV, out);
        }
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).filteredOn(l -> l.startsWith("#")).anyMatch(l -> l.startsWith("# BILL_TO_ID (required): "))
                .anyMatch(l -> l.startsWith("# INVOICE_NUMBERS (optional): "));
        assertThat(lines.get(lines.size() - 2)).startsWith("BILL_TO_ID,AMOUNT,PAYMENT_METHOD_ID,DATE");
        assertThat(lines.get(lines.size() - 1)).startsWith("100231,340.00,VISA,2026-11-02");

        Path xlsx = dir.resolve("payments.xlsx");
        try (OutputStream out = Files.newOutputStream(xlsx)) {
            ImportTemplates.write("payments", ImportTemplates.Format.XLSX, out);
        }
        try (InputStream in = Files.newInputStream(xlsx); ReadableWorkbook workbook = new ReadableWorkbook(in)) {
            List<String> sheets = workbook.getSheets().map(s -> s.getName()).toList();
            assertThat(sheets).containsExactly("payments", "Columns");
            List<Row> rules = workbook.getSheets().toList().get(1).read();
            assertThat(rules.get(0).getCellText(0)).isEqualTo("COLUMN");
            assertThat(rules.get(1).getCellText(0)).isEqualTo("BILL_TO_ID");
            assertThat(rules.get(1).getCellText(3)).isNotBlank();
        }
    }

    @Test
    void template_writes_the_file_without_a_ledger_and_never_overwrites_one() throws IOException {
        Cli cli = Cli.onFreshLedger("2026-11-21");
        Path out = dir.resolve("ob.xlsx");

        assertThat(cli.run("template", "opening-balances", "--out", out.toString()).exitCode()).isZero();
        assertThat(out).exists();
        assertThat(cli.run("template", "opening-balances", "--out", out.toString()).exitCode()).isEqualTo(2);
        assertThat(cli.run("template", "nonsense").err()).contains("no import kind 'nonsense'");
        assertThat(cli.run("template", "entities").out()).contains("CODE,NAME,BASE_CURRENCY\nPSAB,State Association of Boroughs,USD");
    }
}
