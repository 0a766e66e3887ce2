package org.ledgerbridge.ledger;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules a journal keeps to be posted, without a database: each broken one refuses it with its code, journal and line. */
class JournalRulesTest {

    private static final LocalDate NOV_30 = LocalDate.of(2026, 11, 30);

    private final JournalRules.Chart chart = new JournalRules.Chart(
            Map.of("PSAB", new FinancialEntity("PSAB", "Borough", "USD"), "TOKYO", new FinancialEntity("TOKYO", "Tokyo office", "JPY")),
            Map.of(JournalRules.Chart.accountKey("PSAB", "1010"), true, JournalRules.Chart.accountKey("PSAB", "4000"), true,
                    JournalRules.Chart.accountKey("PSAB", "4999"), false, JournalRules.Chart.accountKey("TOKYO", "1010"), true,
                    JournalRules.Chart.accountKey("TOKYO", "4000"), true),
            Map.of("PSAB", LocalDate.of(2026, 10, 31)),
            Set.of("100231"));

    private static JournalLineDraft debit(String account, String amount, String currency) {
        return new JournalLineDraft(account, currency, new BigDecimal(amount), BigDecimal.ZERO, null, null, null, null, null);
    }

    private static JournalLineDraft credit(String account, String amount, String currency) {
        return new JournalLineDraft(account, currency, BigDecimal.ZERO, new BigDecimal(amount), null, null, null, null, null);
    }

    private static JournalDraft journal(String entity, LocalDate date, BigDecimal rate, JournalLineDraft... lines) {
        return new JournalDraft(entity, date, "test", null, rate, Arrays.asList(lines));
    }

    private static JournalDraft dues(JournalLineDraft... lines) {
        return journal("PSAB", NOV_30, null, lines);
    }

    /** The code, journal index and line number of the refusal, or "kept". */
    private String verdict(JournalDraft draft) {
        JournalRules.Checked checked = JournalRules.check(draft, 3, chart);
        return checked.refused() == null ? "kept"
                : checked.refused().rule() + " journal " + checked.refused().journalIndex() + " line " + checked.refused().lineNo();
    }

    @Test
    void a_balanced_journal_on_known_active_accounts_in_an_open_period_is_kept_with_its_base_amounts() {
        JournalRules.Checked checked = JournalRules.check(dues(debit("1010", "120.00", "USD"), credit("4000", "120.00", "USD")), 0, chart);

        assertThat(checked.refused()).isNull();
        assertThat(checked.baseAmounts()).extracting(a -> a[0].toPlainString() + "/" + a[1].toPlainString())
                .containsExactly("120.00/0", "0/120.00");
    }

    @Test
    void a_journal_of_an_unknown_entity_is_refused() {
        assertThat(verdict(journal("NOPE", NOV_30, null, debit("1010", "1.00", "USD"), credit("4000", "1.00", "USD"))))
                .isEqualTo("UNKNOWN_ENTITY journal 3 line 0");
    }

    @Test
    void a_journal_without_lines_is_refused() {
        assertThat(verdict(dues())).isEqualTo("EMPTY_JOURNAL journal 3 line 0");
    }

    @Test
    void an_exchange_rate_must_be_positive() {
        assertThat(verdict(journal("PSAB", NOV_30, BigDecimal.ZERO, debit("1010", "1.00", "USD"), credit("4000", "1.00", "USD"))))
                .isEqualTo("INVALID_EXCHANGE_RATE journal 3 line 0");
        assertThat(verdict(journal("PSAB", NOV_30, new BigDecimal("-1.1"), debit("1010", "1.00", "USD"), credit("4000", "1.00", "USD"))))
                .isEqualTo("INVALID_EXCHANGE_RATE journal 3 line 0");
    }

    @Test
    void a_journal_dated_on_or_before_the_close_is_refused_and_the_day_after_is_kept() {
        assertThat(verdict(journal("PSAB", LocalDate.of(2026, 10, 31), null, debit("1010", "1.00", "USD"), credit("4000", "1.00", "USD"))))
                .isEqualTo("CLOSED_PERIOD journal 3 line 0");
        assertThat(verdict(journal("PSAB", LocalDate.of(2026, 11, 1), null, debit("1010", "1.00", "USD"), credit("4000", "1.00", "USD"))))
                .isEqualTo("kept");
    }

    @Test
    void a_line_in_an_unknown_currency_is_refused_at_its_line() {
        assertThat(verdict(dues(debit("1010", "1.00", "USD"), credit("4000", "1.00", "ZZZ")))).isEqualTo("UNKNOWN_CURRENCY journal 3 line 2");
    }

    @Test
    void a_foreign_line_needs_the_journals_exchange_rate() {
        assertThat(verdict(dues(debit("1010", "1.00", "CAD"), credit("4000", "1.00", "CAD")))).isEqualTo("INVALID_EXCHANGE_RATE journal 3 line 1");
    }

    @Test
    void a_line_is_one_positive_side() {
        assertThat(verdict(dues(debit("1010", "1.00", "USD"), credit("4000", "1.00", "USD"),
                new JournalLineDraft("4000", "USD", BigDecimal.ONE, BigDecimal.ONE, null, null, null, null, null))))
                .isEqualTo("INVALID_LINE_AMOUNT journal 3 line 3");
        assertThat(verdict(dues(debit("1010", "0.00", "USD"), credit("4000", "0.00", "USD")))).isEqualTo("INVALID_LINE_AMOUNT journal 3 line 1");
        assertThat(verdict(dues(debit("1010", "-1.00", "USD"), credit("4000", "-1.00", "USD")))).isEqualTo("INVALID_LINE_AMOUNT journal 3 line 1");
    }

    @Test
    void an_amount_keeps_to_its_currencys_decimals() {
        assertThat(verdict(dues(debit("1010", "1.005", "USD"), credit("4000", "1.005", "USD"))))
                .isEqualTo("AMOUNT_EXCEEDS_CURRENCY_SCALE journal 3 line 1");
        assertThat(verdict(dues(debit("1010", "1.000", "USD"), credit("4000", "1.00", "USD")))).isEqualTo("kept");
    }

    @Test
    void a_line_naming_a_party_names_a_known_one() {
        JournalLineDraft unknownParty = new JournalLineDraft("4000", "USD", BigDecimal.ZERO, BigDecimal.ONE, "999999", null, null, null, null);
        JournalLineDraft knownParty = new JournalLineDraft("4000", "USD", BigDecimal.ZERO, BigDecimal.ONE, "100231", null, null, null, null);

        assertThat(verdict(dues(debit("1010", "1.00", "USD"), unknownParty))).isEqualTo("UNKNOWN_PARTY journal 3 line 2");
        assertThat(verdict(dues(debit("1010", "1.00", "USD"), knownParty))).isEqualTo("kept");
    }

    @Test
    void every_account_is_in_the_entitys_chart_and_active() {
        assertThat(verdict(dues(debit("1010", "1.00", "USD"), credit("4100", "1.00", "USD")))).isEqualTo("UNKNOWN_ACCOUNT journal 3 line 2");
        assertThat(verdict(dues(debit("1010", "1.00", "USD"), credit("4999", "1.00", "USD")))).isEqualTo("INACTIVE_ACCOUNT journal 3 line 2");
    }

    @Test
    void debits_equal_credits_in_each_currency_not_just_in_total() {
        assertThat(verdict(dues(debit("1010", "1.00", "USD"), credit("4000", "0.99", "USD")))).isEqualTo("UNBALANCED journal 3 line 0");
        JournalDraft crossed = journal("PSAB", NOV_30, BigDecimal.ONE, debit("1010", "1.00", "USD"), credit("4000", "1.00", "CAD"));
        assertThat(verdict(crossed)).isEqualTo("UNBALANCED journal 3 line 0");
        assertThat(JournalRules.check(crossed, 0, chart).refused().message()).contains("does not balance in USD: debit 1.00, credit 0");
    }

    @Test
    void a_journal_balanced_in_its_currency_can_be_refused_for_the_cents_its_conversion_leaves() {
        // at 150 yen a dollar 0.01 USD is 1.5 yen, rounded half-even to 2 on each of two lines; 0.02 USD is 3 yen: 4 against 3
        JournalDraft rounding = journal("TOKYO", NOV_30, new BigDecimal("150"), debit("1010", "0.01", "USD"), debit("1010", "0.01", "USD"),
                credit("4000", "0.02", "USD"));

        assertThat(verdict(rounding)).isEqualTo("UNBALANCED_IN_BASE_CURRENCY journal 3 line 0");
        assertThat(JournalRules.check(rounding, 0, chart).refused().message()).contains("not in JPY after conversion").contains("rounding line");
    }

    @Test
    void the_rules_are_checked_in_order_and_the_first_broken_one_is_reported() {
        assertThat(JournalRules.RULES).hasSize(7);
        // closed period and an unknown account at once: the period is checked first
        assertThat(verdict(journal("PSAB", LocalDate.of(2026, 1, 1), null, debit("9999", "1.00", "USD"), credit("4000", "2.00", "USD"))))
                .isEqualTo("CLOSED_PERIOD journal 3 line 0");
        // an unknown account on an unbalanced journal: the account is named
        assertThat(verdict(dues(debit("9999", "1.00", "USD"), credit("4000", "2.00", "USD")))).isEqualTo("UNKNOWN_ACCOUNT journal 3 line 1");
    }
}
