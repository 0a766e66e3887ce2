package org.ledgerbridge.reliability;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ledgerbridge.imports.ImportOptions;
import org.ledgerbridge.imports.ImportReport;
import org.ledgerbridge.imports.ImportService;
import org.ledgerbridge.imports.ImportStatus;
import org.ledgerbridge.imports.RowProblem;
import org.ledgerbridge.receivables.MigratedDocuments;
import org.ledgerbridge.receivables.MigrationMode;
import org.ledgerbridge.ledger.LedgerSetup;
import org.ledgerbridge.support.LedgerTest;
import org.ledgerbridge.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hostile files too large or too binary to keep in the corpus, made here at run time: a
 * 100 MB field, 10,000 columns, an XLSX zip bomb, an XLSX with an external entity (XXE), an XLSX
 * with a `../` entry. Each is turned down with its code, the heap does not grow with the file,
 * and the ledger is unchanged.
 */
@LedgerTest
class HostileFilesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    static final String PAYMENTS_HEADER = "BILL_TO_ID,AMOUNT,PAYMENT_METHOD_ID,DATE,CHECK_NUMBER,INVOICE_NUMBERS,INVOICE_TYPES,SOURCE_SYSTEMS,IS_PREPAYMENT";

    @Autowired ImportService imports;
    @Autowired MigrationMode migrationMode;
    @Autowired MigratedDocuments migrated;
    @Autowired LedgerSetup setup;
    @Autowired JdbcClient jdbc;
    @TempDir Path dir;

    @BeforeEach
    void the_sample_ledger() {
        if (setup.isEmpty()) {
            Samples.withOpenInvoices(imports, migrationMode, migrated, TODAY);
        }
    }

    private RowProblem turnedDown(Path file) {
        LedgerSnapshot before = LedgerSnapshot.of(jdbc);
        System.gc();
        long usedBefore = usedHeap();
        ImportReport report = imports.run("payments", file, ImportOptions.of(TODAY, "hostile"));
        long grown = usedHeap() - usedBefore;
        assertThat(report.status()).as(report.errors().toString()).isEqualTo(ImportStatus.REJECTED);
        assertThat(LedgerSnapshot.of(jdbc)).isEqualTo(before);
        assertThat(grown).as("heap kept after reading a hostile file").isLessThan(64L << 20);
        return report.errors().get(0);
    }

    private static long usedHeap() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    @Test
    void a_100_mb_field_is_refused_without_holding_it_in_memory() throws IOException {
        Path file = dir.resolve("huge-field.csv");
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(PAYMENTS_HEADER + "\n100231,340.00,VISA,2026-11-02,");
            char[] block = new char[1 << 20];
            java.util.Arrays.fill(block, '7');
            for (int i = 0; i < 100; i++) {
                w.write(block);
            }
            w.write(",INV-20411,,,\n");
        }
        RowProblem problem = turnedDown(file);
        assertThat(problem.code()).hasToString("MALFORMED_CSV");
        assertThat(problem.row()).isEqualTo(2);
    }

    @Test
    void ten_thousand_columns_are_refused_at_the_header() throws IOException {
        RowProblem problem = turnedDown(fileOfColumns(10_000));
        assertThat(problem.code()).hasToString("TOO_MANY_COLUMNS");
        assertThat(problem.row()).isEqualTo(1);
    }

    @Test
    void a_header_of_exactly_a_thousand_columns_is_read_and_one_more_is_refused() throws IOException {
        ImportReport atTheLimit = imports.run("payments", fileOfColumns(1_000), ImportOptions.of(TODAY, "hostile").dryRun(true));
        assertThat(atTheLimit.errors()).extracting(p -> p.code().name()).doesNotContain("TOO_MANY_COLUMNS");
        assertThat(atTheLimit.warnings()).extracting(p -> p.code().name()).contains("UNKNOWN_COLUMN");

        RowProblem problem = turnedDown(fileOfColumns(1_001));
        assertThat(problem.code()).hasToString("TOO_MANY_COLUMNS");
        assertThat(problem.message()).contains("1001 columns").contains("at most 1000");
    }

    private Path fileOfColumns(int columns) throws IOException {
        Path file = dir.resolve("columns-" + columns + ".csv");
        StringBuilder header = new StringBuilder(PAYMENTS_HEADER);
        StringBuilder row = new StringBuilder("100231,340.00,VISA,2026-11-02,,INV-20411,,,");
        for (int i = 9; i < columns; i++) {
            header.append(",EXTRA_").append(i);
            row.append(",x");
        }
        Files.writeString(file, header + "\n" + row + "\n");
        return file;
    }

    @Test
    void an_xlsx_zip_bomb_is_refused_before_it_is_inflated() throws IOException {
        Path file = xlsxWithSheet("bomb.xlsx", out -> {
            out.write("<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                    .getBytes(StandardCharsets.UTF_8));
            byte[] padding = new byte[1 << 20];
            java.util.Arrays.fill(padding, (byte) ' ');
            for (int i = 0; i < 1024; i++) {
                out.write(padding); // 1 GiB of spaces deflates to about a megabyte
            }
            out.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
        });
        assertThat(Files.size(file)).isLessThan(5L << 20);
        RowProblem problem = turnedDown(file);
        assertThat(problem.code()).hasToString("ZIP_BOMB");
        assertThat(problem.row()).isZero();
    }

    @Test
    void an_xlsx_with_an_external_entity_is_refused_and_the_entity_is_never_read() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-VALUE");
        Path file = xlsxWithSheet("xxe.xlsx", out -> out.write(("<?xml version=\"1.0\"?>"
                + "<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>BILL_TO_ID</t></is></c></row>"
                + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>&xxe;</t></is></c></row>"
                + "</sheetData></worksheet>").getBytes(StandardCharsets.UTF_8)));
        RowProblem problem = turnedDown(file);
        assertThat(problem.code()).hasToString("MALFORMED_XLSX");
        assertThat(problem.message()).doesNotContain("TOP-SECRET-VALUE");
    }

    @Test
    void an_xlsx_with_a_path_outside_the_workbook_is_refused() throws IOException {
        Path file = xlsxWithExtraEntry("traversal.xlsx", "../../../../tmp/ledgerbridge-evil.txt");
        RowProblem problem = turnedDown(file);
        assertThat(problem.code()).hasToString("UNSAFE_ZIP_ENTRY");
        assertThat(Path.of("/tmp/ledgerbridge-evil.txt")).doesNotExist();
    }

    // --- making the workbooks: a real one from fastexcel, then its sheet or entries replaced ---

    private interface SheetContent {
        void write(OutputStream out) throws IOException;
    }

    private Path realWorkbook() throws IOException {
        Path file = dir.resolve("real.xlsx");
        try (OutputStream out = Files.newOutputStream(file); Workbook workbook = new Workbook(out, "test", "1.0")) {
            Worksheet sheet = workbook.newWorksheet("Payments");
            String[] header = PAYMENTS_HEADER.split(",");
            for (int c = 0; c < header.length; c++) {
                sheet.value(0, c, header[c]);
            }
            sheet.value(1, 0, "100231");
            sheet.value(1, 1, 340.0);
            sheet.value(1, 2, "VISA");
        }
        return file;
    }

    private Path xlsxWithSheet(String name, SheetContent content) throws IOException {
        return rewritten(name, content, null);
    }

    private Path xlsxWithExtraEntry(String name, String entryName) throws IOException {
        return rewritten(name, null, entryName);
    }

    /** A real workbook copied entry by entry, its first sheet replaced and an entry added when asked. */
    private Path rewritten(String name, SheetContent sheet, String extraEntry) throws IOException {
        Path real = realWorkbook();
        Path file = dir.resolve(name);
        try (ZipFile source = new ZipFile(real.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            Enumeration<? extends ZipEntry> entries = source.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (sheet != null && entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    sheet.write(out);
                } else {
                    source.getInputStream(entry).transferTo(out);
                }
                out.closeEntry();
            }
            if (extraEntry != null) {
                out.putNextEntry(new ZipEntry(extraEntry));
                out.write("evil".getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return file;
    }
}
