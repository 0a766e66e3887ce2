package org.ledgerbridge.receivables;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ledgerbridge.imports.ImportService;
import org.ledgerbridge.ledger.Page;
import org.ledgerbridge.support.LedgerTest;
import org.ledgerbridge.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The aging says who owes what and for how long: released open documents by days past due, credits against the party. */
@LedgerTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_EACH_TEST_METHOD)
class AgingTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    @Autowired ImportService imports;
    @Autowired MigrationMode migrationMode;
    @Autowired MigratedDocuments migrated;
    @Autowired Aging aging;

    @BeforeEach
    void the_boroughs_owe_their_migrated_invoices() {
        Samples.withOpenInvoices(imports, migrationMode, migrated, TODAY);
    }

    private static String row(Aging.Line l) {
        return String.join(" ", l.cells()).replaceAll(" +", " ").strip();
    }

    private List<String> arParties(LocalDate asOf) {
        return aging.page(NewDocument.Module.AR, asOf, null, null, 100).items().stream().map(AgingTest::row).toList();
    }

    @Test
    void each_open_invoice_is_in_the_column_of_its_days_past_due_and_an_unused_credit_counts_against_its_party() {
        assertThat(arParties(TODAY)).containsExactly(
                "100231 " + name("PSAB", "100231") + " PSAB USD 0.00 0.00 0.00 340.00 1250.00 1590.00",
                "100232 " + name("PSAB", "100232") + " PSAB USD 0.00 0.00 0.00 0.00 480.00 480.00",
                "100233 " + name("BMC", "100233") + " BMC USD 0.00 0.00 0.00 0.00 2200.00 2200.00",
                "100235 " + name("PSAB", "100235") + " PSAB CAD 0.00 0.00 500.00 0.00 0.00 500.00",
                "100235 " + name("PSAB", "100235") + " PSAB USD 0.00 0.00 0.00 0.00 -60.00 -60.00");
        assertThat(aging.totals(NewDocument.Module.AR, TODAY).stream().map(AgingTest::row)).containsExactly(
                "BMC USD 0.00 0.00 0.00 0.00 2200.00 2200.00",
                "PSAB CAD 0.00 0.00 500.00 0.00 0.00 500.00",
                "PSAB USD 0.00 0.00 0.00 340.00 1670.00 2010.00");
    }

    @Test
    void an_invoice_is_current_on_its_due_date_and_one_day_past_due_the_next() {
        assertThat(arParties(LocalDate.of(2026, 9, 14))).anyMatch(r -> r.startsWith("100231 ") && r.endsWith(" USD 340.00 0.00 1250.00 0.00 0.00 1590.00"));
        assertThat(arParties(LocalDate.of(2026, 9, 15))).anyMatch(r -> r.startsWith("100231 ") && r.endsWith(" USD 0.00 340.00 1250.00 0.00 0.00 1590.00"));
        assertThat(arParties(LocalDate.of(2026, 12, 14))).anyMatch(r -> r.startsWith("100231 ") && r.endsWith(" 0.00 0.00 0.00 0.00 1590.00 1590.00"));
    }

    @Test
    void the_parties_come_a_page_at_a_time_without_gap_or_repeat_and_one_entity_can_be_asked_for() {
        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            Page<Aging.Line> page = aging.page(NewDocument.Module.AR, TODAY, null, cursor, 2);
            page.items().forEach(l -> paged.add(row(l)));
            cursor = page.next();
        } while (cursor != null);

        assertThat(paged).isEqualTo(arParties(TODAY));
        assertThat(aging.page(NewDocument.Module.AR, TODAY, "BMC", null, 100).items()).extracting(Aging.Line::entity).containsOnly("BMC");
    }

    @Test
    void the_ap_aging_shows_what_we_owe_our_vendors_less_the_retainage_not_released_yet() {
        assertThat(aging.page(NewDocument.Module.AP, TODAY, null, null, 100).items().stream().map(AgingTest::row))
                .anyMatch(r -> r.startsWith("V9001 ") && r.endsWith(" USD 0.00 0.00 3879.00 0.00 0.00 3879.00"));
    }

    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private String name(String entity, String party) {
        return jdbc.sql("SELECT name FROM party WHERE party_id = ?").param(party).query(String.class).single();
    }
}
