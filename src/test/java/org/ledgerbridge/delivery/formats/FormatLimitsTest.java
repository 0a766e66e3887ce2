package org.ledgerbridge.delivery.formats;

import org.junit.jupiter.api.Test;
import org.ledgerbridge.delivery.GlJournal;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each writer keeps to its target's documented limits, or refuses with a reason. */
class FormatLimitsTest {

    private static GlJournal.Line line(String account, GlJournal.AccountKind kind, String debit, String credit) {
        return new GlJournal.Line(account, kind, new BigDecimal(debit), new BigDecimal(credit), "=cmd|' /C calc'!A0", null, null);
    }

    private static final GlJournal JOURNAL = new GlJournal("PSAB", LocalDate.of(2026, 11, 30), "LB-1", "@SUM(1+1)", null, "USD",
            List.of(line("1010", GlJournal.AccountKind.ASSETS, "1.00", "0.00"), line("4000", GlJournal.AccountKind.INCOME, "0.00", "1.00")));

    @Test
    void xero_caps_a_file_at_300_lines() throws IOException {
        XeroManualJournal xero = new XeroManualJournal();
        StringWriter out = new StringWriter();
        xero.journal(out, JOURNAL, 1);

        assertThat(xero.maxLinesPerFile()).isEqualTo(300);
        assertThat(out.toString().lines()).hasSize(2).allSatisfy(row -> assertThat(row).contains("Tax Exempt"));
    }

    @Test
    void sage50_us_takes_at_most_560_distributions_and_15_character_accounts() {
        assertThat(new Sage50UsGeneralJournal().maxLinesPerJournal()).isEqualTo(560);
        GlJournal longAccount = new GlJournal("PSAB", LocalDate.of(2026, 11, 30), "LB-2", null, null, "USD",
                List.of(line("1010-000-000-0001", GlJournal.AccountKind.ASSETS, "1.00", "0.00"),
                        line("4000", GlJournal.AccountKind.INCOME, "0.00", "1.00")));
        assertThatThrownBy(() -> new Sage50UsGeneralJournal().journal(new StringWriter(), longAccount, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 15 characters");
    }

    @Test
    void myob_numbers_a_four_digit_code_by_its_kind_and_refuses_what_it_cannot_take() {
        assertThat(MyobJournalEntries.myobAccount(line("1050", GlJournal.AccountKind.ASSETS, "1", "0"))).isEqualTo("1-1050");
        assertThat(MyobJournalEntries.myobAccount(line("4000", GlJournal.AccountKind.INCOME, "1", "0"))).isEqualTo("4-4000");
        assertThat(MyobJournalEntries.myobAccount(line("21050", GlJournal.AccountKind.LIABILITIES, "1", "0"))).isEqualTo("2-1050");
        assertThatThrownBy(() -> MyobJournalEntries.myobAccount(line("AB-12", GlJournal.AccountKind.ASSETS, "1", "0")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a MYOB account number");
    }

    @Test
    void text_reaches_a_gl_that_reads_it_as_written_and_is_made_safe_only_where_a_spreadsheet_opens_it() throws IOException {
        GlJournal dues = new GlJournal("PSAB", LocalDate.of(2026, 11, 30), "LB-3", "- October dues", null, "USD",
                List.of(new GlJournal.Line("1010", GlJournal.AccountKind.ASSETS, new BigDecimal("1.00"), BigDecimal.ZERO, "- October dues", null, null),
                        new GlJournal.Line("4000", GlJournal.AccountKind.INCOME, BigDecimal.ZERO, new BigDecimal("1.00"), "- October dues", null, null)));
        for (var format : List.of(new LedgerJournal(), new BeancountJournal(), new QuickBooksIif())) {
            StringWriter out = new StringWriter();
            format.journal(out, dues, 1);
            assertThat(out.toString()).as(format.name()).contains("- October dues").doesNotContain("'- October dues");
        }
        StringWriter csv = new StringWriter();
        new Sage300Batch().journal(csv, dues, 1);
        assertThat(csv.toString()).as("a file a spreadsheet opens").contains("'- October dues");
    }

    @Test
    void no_text_cell_of_any_csv_layout_starts_a_formula() throws IOException {
        for (var format : List.of(new GenericCsv(), new Sage300Batch(), new Sage50UsGeneralJournal(), new IntacctJournalEntry(),
                new XeroManualJournal(), new MyobJournalEntries(), new Sage50CaGeneralJournal())) {
            StringWriter out = new StringWriter();
            format.journal(out, JOURNAL, 1);
            for (String row : out.toString().lines().toList()) {
                for (String cell : row.split("[,\\t]")) {
                    String text = cell.startsWith("\"") ? cell.substring(1) : cell;
                    assertThat(text).as(format.name() + ": " + row).doesNotStartWith("=").doesNotStartWith("@").doesNotStartWith("+");
                }
            }
        }
    }
}
