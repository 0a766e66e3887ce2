package org.ledgerbridge.delivery.formats;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ledgerbridge.delivery.GlFiles;
import org.ledgerbridge.delivery.GlFormat;
import org.ledgerbridge.delivery.GlFormats;
import org.ledgerbridge.delivery.GlJournal;
import org.ledgerbridge.delivery.WrittenFiles;
import org.ledgerbridge.support.GoldenFiles;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every format writer's bytes for the same three journals, against golden files, without a
 * database: a deposit with a party, a document, a payment count and a tax code; a bank fee whose
 * texts look like formulas and hold the format's separators; an equity line on an account the
 * chart did not declare, with a description longer than any field allows.
 */
class FormatWritersTest {

    private static final GlJournal.AccountKind ASSETS = GlJournal.AccountKind.ASSETS;

    private static GlJournal.Line line(String account, GlJournal.AccountKind kind, String debit, String credit, String description,
                                       String party, String document, Integer payments, String tax) {
        return new GlJournal.Line(account, kind, new BigDecimal(debit), new BigDecimal(credit), description, party, document, payments, tax);
    }

    static final List<GlJournal> JOURNALS = List.of(
            new GlJournal("PSAB", LocalDate.of(2026, 11, 2), "LB-1001", "October dues, \"Borough\"", "DEPOSIT-000002", "USD", List.of(
                    line("1010", ASSETS, "1250.00", "0.00", "Deposit 2026-11-02", "100231", "INV-20411", 12, null),
                    line("4000", GlJournal.AccountKind.INCOME, "0.00", "1180.00", "Dues - October", "100231", "INV-20411", null, "GST"),
                    line("2200", GlJournal.AccountKind.LIABILITIES, "0.00", "70.00", "Tax collected", null, null, null, "GST"))),
            new GlJournal("PSAB", LocalDate.of(2026, 11, 15), "LB-1002", "=HYPERLINK(\"http://x\")", null, "USD", List.of(
                    line("6100", GlJournal.AccountKind.EXPENSES, "45.45", "0.00", "Bank fees; charged\tmonthly", null, null, null, null),
                    line("1010", ASSETS, "0.00", "45.45", "+cmd|' /C calc'!A0", null, null, null, null))),
            new GlJournal("PSAB", LocalDate.of(2026, 11, 30), "LB-1003", "x".repeat(300), "AB000001-1", "USD", List.of(
                    line("3000", GlJournal.AccountKind.EQUITY, "0.01", "0.00", "y".repeat(5000), null, null, null, null),
                    line("1010", ASSETS, "0.00", "0.01", "", null, null, null, null))));

    static List<String> formats() {
        return GlFormats.names();
    }

    @ParameterizedTest
    @MethodSource("formats")
    void each_format_writes_the_same_journals_as_its_golden_files(String name) throws IOException {
        GlFormat format = GlFormats.named(name).orElseThrow();
        WrittenFiles sink = new WrittenFiles();
        Map<String, String> files = sink.files();
        GlFiles writer = new GlFiles(format, sink, (entity, part, capped) -> entity + "_" + part + "." + format.extension(), entity -> List.of(
                new GlFormat.ChartAccount("1010", "Operating bank", ASSETS),
                new GlFormat.ChartAccount("2200", "Sales tax payable", GlJournal.AccountKind.LIABILITIES),
                new GlFormat.ChartAccount("4000", "Membership dues", GlJournal.AccountKind.INCOME)));

        for (GlJournal journal : JOURNALS) {
            assertThat(writer.write(journal)).as(name).isEmpty();
        }
        writer.finish();

        assertThat(files).isNotEmpty();
        for (Map.Entry<String, String> file : files.entrySet()) {
            GoldenFiles.assertMatches(GoldenFiles.ROOT.resolve("writers").resolve(name).resolve(file.getKey()), file.getValue());
        }
    }
}
