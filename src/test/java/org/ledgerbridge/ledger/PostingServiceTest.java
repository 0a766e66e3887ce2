package org.ledgerbridge.ledger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ledgerbridge.support.LedgerFixture;
import org.ledgerbridge.support.LedgerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ledgerbridge.ledger.JournalLineDraft.credit;
import static org.ledgerbridge.ledger.JournalLineDraft.debit;

@LedgerTest
class PostingServiceTest {

    private static final LocalDate NOV_2 = LocalDate.of(2026, 11, 2);

    @Autowired PostingService posting;
    @Autowired BatchService batches;
    @Autowired LedgerSetup setup;
    @Autowired LedgerReports reports;
    @Autowired LedgerCheck check;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;

    LedgerFixture fixture;
    String psab;
    long batch;

    @BeforeEach
    void an_association_with_an_open_batch() {
        fixture = new LedgerFixture(setup, batches, transactions);
        psab = fixture.association("USD");
        batch = fixture.openBatch();
    }

    private JournalDraft duesInvoiced(String amount) {
        return JournalDraft.of(psab, NOV_2, "test", debit("1200", "USD", new BigDecimal(amount)).forParty("M-" + psab),
                credit("4000", "USD", new BigDecimal(amount)));
    }

    private long linesOf(String entity) {
        return jdbc.sql("SELECT count(*) FROM journal_line WHERE entity_code = ?").param(entity).query(Long.class).single();
    }

    @Test
    void a_balanced_journal_is_posted_and_counts_in_the_trial_balance_once_its_batch_is_posted() {
        Posting result = posting.post(batch, List.of(duesInvoiced("600.00")), "tester");

        assertThat(result).isInstanceOf(Posting.Posted.class);
        assertThat(reports.trialBalance(psab, false)).isEmpty();
        assertThat(reports.trialBalance(psab, true)).extracting(TrialBalanceLine::account, TrialBalanceLine::balance)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("1200", new BigDecimal("600.00")),
                        org.assertj.core.groups.Tuple.tuple("4000", new BigDecimal("-600.00")));

        batches.changeStatus(List.of(batch), BatchStatus.READY, "tester");
        assertThat(batches.post(List.of(batch), "tester")).isInstanceOf(BatchChange.Changed.class);
        assertThat(reports.trialBalance(psab, false)).hasSize(2);
        assertThat(check.run()).isEmpty();
    }

    @Test
    void a_journal_that_does_not_balance_is_refused_and_nothing_is_written() {
        JournalDraft unbalanced = JournalDraft.of(psab, NOV_2, "test", debit("1200", "USD", new BigDecimal("600.00")),
                credit("4000", "USD", new BigDecimal("599.99")));

        Posting result = posting.post(batch, List.of(duesInvoiced("10.00"), unbalanced), "tester");

        assertThat(result).isInstanceOfSatisfying(Posting.Refused.class, refused -> {
            assertThat(refused.rule()).isEqualTo(PostingRule.UNBALANCED);
            assertThat(refused.journalIndex()).isEqualTo(1);
            assertThat(refused.message()).contains("debit 600.00", "credit 599.99");
        });
        assertThat(linesOf(psab)).isZero();
    }

    @Test
    void an_unknown_account_is_refused_with_its_line() {
        JournalDraft draft = JournalDraft.of(psab, NOV_2, "test", debit("1200", "USD", BigDecimal.TEN),
                credit("9999", "USD", BigDecimal.TEN));

        assertThat(posting.post(batch, List.of(draft), "tester")).isInstanceOfSatisfying(Posting.Refused.class, refused -> {
            assertThat(refused.rule()).isEqualTo(PostingRule.UNKNOWN_ACCOUNT);
            assertThat(refused.lineNo()).isEqualTo(2);
        });
        assertThat(linesOf(psab)).isZero();
    }

    @Test
    void an_inactive_account_is_refused() {
        JournalDraft draft = JournalDraft.of(psab, NOV_2, "test", debit("1200", "USD", BigDecimal.TEN),
                credit("4999", "USD", BigDecimal.TEN));

        assertThat(posting.post(batch, List.of(draft), "tester"))
                .isInstanceOfSatisfying(Posting.Refused.class, r -> assertThat(r.rule()).isEqualTo(PostingRule.INACTIVE_ACCOUNT));
    }

    @Test
    void a_journal_dated_in_a_closed_period_is_refused() {
        setup.closePeriod(psab, LocalDate.of(2026, 10, 31), "controller");

        JournalDraft october = JournalDraft.of(psab, LocalDate.of(2026, 10, 31), "test",
                debit("1200", "USD", BigDecimal.TEN), credit("4000", "USD", BigDecimal.TEN));

        assertThat(posting.post(batch, List.of(october), "tester"))
                .isInstanceOfSatisfying(Posting.Refused.class, r -> assertThat(r.rule()).isEqualTo(PostingRule.CLOSED_PERIOD));
        assertThat(posting.post(batch, List.of(duesInvoiced("10.00")), "tester")).isInstanceOf(Posting.Posted.class);
    }

    @Test
    void an_amount_with_more_decimals_than_the_currency_allows_is_refused() {
        JournalDraft draft = JournalDraft.of(psab, NOV_2, "test", debit("1200", "USD", new BigDecimal("10.005")),
                credit("4000", "USD", new BigDecimal("10.005")));

        assertThat(posting.post(batch, List.of(draft), "tester")).isInstanceOfSatisfying(Posting.Refused.class,
                r -> assertThat(r.rule()).isEqualTo(PostingRule.AMOUNT_EXCEEDS_CURRENCY_SCALE));
    }

    @Test
    void a_foreign_currency_journal_balances_in_its_currency_and_in_the_base_currency() {
        JournalDraft cad = new JournalDraft(psab, NOV_2, "test", "code book billed in CAD", new BigDecimal("0.7312"),
                List.of(debit("1200", "CAD", new BigDecimal("500.00")), credit("4000", "CAD", new BigDecimal("500.00"))));

        assertThat(posting.post(batch, List.of(cad), "tester")).isInstanceOf(Posting.Posted.class);
        assertThat(reports.trialBalance(psab, true)).extracting(TrialBalanceLine::debit)
                .contains(new BigDecimal("365.60"));
    }

    @Test
    void journals_go_only_into_open_batches() {
        posting.post(batch, List.of(duesInvoiced("1.00")), "tester");
        batches.changeStatus(List.of(batch), BatchStatus.READY, "tester");

        assertThat(posting.post(batch, List.of(duesInvoiced("1.00")), "tester"))
                .isInstanceOfSatisfying(Posting.Refused.class, r -> assertThat(r.rule()).isEqualTo(PostingRule.BATCH_NOT_OPEN));
    }

    @Test
    void only_ready_batches_post_and_a_posted_batch_never_changes_status_again() {
        posting.post(batch, List.of(duesInvoiced("1.00")), "tester");

        assertThat(batches.post(List.of(batch), "approver")).isInstanceOfSatisfying(BatchChange.Refused.class,
                r -> assertThat(r.code()).hasToString("BATCH_NOT_READY"));

        batches.changeStatus(List.of(batch), BatchStatus.READY, "preparer");
        batches.post(List.of(batch), "approver");

        assertThat(batches.changeStatus(List.of(batch), BatchStatus.OPEN, "preparer"))
                .isInstanceOfSatisfying(BatchChange.Refused.class, r -> assertThat(r.code()).hasToString("STATUS_CHANGE_REFUSED"));
        assertThat(batches.find(batch).orElseThrow().status()).isEqualTo(BatchStatus.POSTED);
    }

    @Test
    void an_empty_batch_does_not_post() {
        batches.changeStatus(List.of(batch), BatchStatus.READY, "preparer");

        assertThat(batches.post(List.of(batch), "approver")).isInstanceOfSatisfying(BatchChange.Refused.class,
                r -> assertThat(r.code()).hasToString("BATCH_EMPTY"));
    }

    @Test
    void a_posted_journal_is_corrected_by_a_reversing_journal_linked_to_it() {
        long original = ((Posting.Posted) posting.post(batch, List.of(duesInvoiced("600.00")), "tester")).journalIds().get(0);
        batches.changeStatus(List.of(batch), BatchStatus.READY, "tester");
        batches.post(List.of(batch), "tester");
        long corrections = fixture.openBatch();

        Posting reversal = posting.reverse(corrections, original, LocalDate.of(2026, 11, 5), "billed the wrong member", "controller");

        assertThat(reversal).isInstanceOf(Posting.Posted.class);
        assertThat(reports.trialBalance(psab, true)).allSatisfy(line -> assertThat(line.balance()).isZero());
        JournalView mirror = reports.journals(null, null).stream()
                .filter(j -> j.id() == ((Posting.Posted) reversal).journalIds().get(0)).findFirst().orElseThrow();
        assertThat(mirror.reverses()).isEqualTo(original);
        assertThat(mirror.lines().get(0).credit()).isEqualByComparingTo("600.00");

        assertThat(posting.reverse(corrections, original, LocalDate.of(2026, 11, 5), "again", "controller"))
                .isInstanceOfSatisfying(Posting.Refused.class, r -> assertThat(r.rule()).isEqualTo(PostingRule.ALREADY_REVERSED));
    }

    @Test
    void a_journal_of_an_unposted_batch_is_not_reversed() {
        long journal = ((Posting.Posted) posting.post(batch, List.of(duesInvoiced("5.00")), "tester")).journalIds().get(0);

        assertThat(posting.reverse(fixture.openBatch(), journal, NOV_2, "oops", "controller")).isInstanceOfSatisfying(
                Posting.Refused.class, r -> assertThat(r.rule()).isEqualTo(PostingRule.REVERSAL_OF_UNPOSTED_JOURNAL));
    }
}
