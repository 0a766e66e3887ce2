package org.ledgerbridge.ledger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ledgerbridge.support.LedgerFixture;
import org.ledgerbridge.support.LedgerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ledgerbridge.ledger.JournalLineDraft.credit;
import static org.ledgerbridge.ledger.JournalLineDraft.debit;

/** The database itself refuses to change what was posted, whatever SQL reaches it. */
@LedgerTest
class PostedJournalsAreImmutableTest {

    @Autowired PostingService posting;
    @Autowired BatchService batches;
    @Autowired LedgerSetup setup;
    @Autowired LedgerCheck check;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;

    long journal;
    long batch;

    @BeforeEach
    void a_posted_journal() {
        LedgerFixture fixture = new LedgerFixture(setup, batches, transactions);
        String psab = fixture.association("USD");
        batch = fixture.openBatch();
        journal = ((Posting.Posted) posting.post(batch, List.of(JournalDraft.of(psab, LocalDate.of(2026, 11, 2), "test",
                debit("1200", "USD", new BigDecimal("600.00")), credit("4000", "USD", new BigDecimal("600.00"))))
                , "tester")).journalIds().get(0);
        batches.changeStatus(List.of(batch), BatchStatus.READY, "tester");
        batches.post(List.of(batch), "tester");
    }

    @Test
    void updating_a_posted_journal_line_through_sql_fails() {
        assertThatThrownBy(() -> jdbc.sql("UPDATE journal_line SET debit = 1 WHERE journal_id = ? AND line_no = 1")
                .param(journal).update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("cannot be changed");
    }

    @Test
    void deleting_a_posted_journal_line_through_sql_fails() {
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM journal_line WHERE journal_id = ?").param(journal).update())
                .isInstanceOf(DataAccessException.class);
    }

    @Test
    void deleting_or_redating_a_posted_journal_fails_but_its_delivery_marks_may_be_set() {
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM journal WHERE id = ?").param(journal).update())
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("UPDATE journal SET journal_date = journal_date + 1 WHERE id = ?").param(journal).update())
                .isInstanceOf(DataAccessException.class);

        assertThat(jdbc.sql("UPDATE journal SET sent_at = now() WHERE id = ?").param(journal).update()).isEqualTo(1);
    }

    @Test
    void adding_a_line_to_a_posted_journal_fails() {
        assertThatThrownBy(() -> insertLines(journal, "(9, '1200', 1.00, 0, NULL)", "(10, '4000', 0, 1.00, NULL)"))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("is in a posted batch: lines cannot be added");
    }

    /** A journal of an open batch, without lines yet; its id. */
    private long openJournal() {
        long open = batches.open(BatchType.ADJUSTMENT, "tester").id();
        String entity = jdbc.sql("SELECT entity_code FROM journal WHERE id = ?").param(journal).query(String.class).single();
        return jdbc.sql("INSERT INTO journal (entity_code, batch_id, journal_date, source, created_by) VALUES (?, ?, '2026-11-03', 'sql', 'x') RETURNING id")
                .params(entity, open).query(Long.class).single();
    }

    /** Lines {@code (line_no, account, debit, credit, party)} in USD, the base currency, straight into the table. */
    private int insertLines(long journalId, String... lines) {
        return insertLineValues(journalId, "line_no, account, debit, credit, party",
                "v.line_no, v.account, 'USD', v.debit, v.credit, v.debit, v.credit, v.party", lines);
    }

    /** Lines {@code (line_no, account, currency, debit, credit, base_debit, base_credit)}. */
    private int insertLinesInCurrencies(long journalId, String... lines) {
        return insertLineValues(journalId, "line_no, account, currency, debit, credit, base_debit, base_credit",
                "v.line_no, v.account, v.currency, v.debit, v.credit, v.base_debit, v.base_credit, NULL", lines);
    }

    private int insertLineValues(long journalId, String valueColumns, String lineColumns, String... lines) {
        return jdbc.sql("INSERT INTO journal_line (journal_id, entity_code, line_no, account_code, currency, debit, credit, base_debit, base_credit, party_id) "
                        + "SELECT j.id, j.entity_code, " + lineColumns + " FROM journal j, (VALUES " + String.join(", ", lines)
                        + ") AS v(" + valueColumns + ") WHERE j.id = ?")
                .param(journalId).update();
    }

    @Test
    void lines_added_to_a_journal_in_a_later_statement_must_balance_on_their_own() {
        long open = openJournal();
        assertThat(insertLines(open, "(1, '1200', 10.00, 0, NULL)", "(2, '4000', 0, 10.00, NULL)")).isEqualTo(2);
        assertThat(insertLines(open, "(3, '1200', 5.00, 0, NULL)", "(4, '4000', 0, 5.00, NULL)")).isEqualTo(2);

        assertThatThrownBy(() -> insertLines(open, "(5, '1200', 7.00, 0, NULL)"))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("journal " + open + " does not balance in USD");
        assertThat(jdbc.sql("SELECT sum(debit) - sum(credit) FROM journal_line WHERE journal_id = ?").param(open).query(BigDecimal.class).single())
                .isEqualByComparingTo("0");
    }

    @Test
    void lines_in_two_currencies_whose_amounts_cancel_out_still_must_balance_in_each_currency() {
        long open = openJournal();
        assertThatThrownBy(() -> insertLinesInCurrencies(open, "(1, '1200', 'USD', 10.00, 0, 10.00, 0)", "(2, '4000', 'CAD', 0, 10.00, 0, 10.00)"))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("journal " + open + " does not balance in ")
                .hasMessageNotContaining("base currency");

        assertThat(insertLinesInCurrencies(open, "(1, '1200', 'USD', 10.00, 0, 10.00, 0)", "(2, '4000', 'USD', 0, 10.00, 0, 10.00)",
                "(3, '1200', 'CAD', 8.00, 0, 6.00, 0)", "(4, '4000', 'CAD', 0, 8.00, 0, 6.00)")).isEqualTo(4);
    }

    @Test
    void lines_balanced_in_their_currency_must_balance_in_the_base_currency_too() {
        long open = openJournal();
        assertThatThrownBy(() -> insertLinesInCurrencies(open, "(1, '1200', 'CAD', 10.00, 0, 7.00, 0)", "(2, '4000', 'CAD', 0, 10.00, 0, 7.01)"))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("journal " + open + " does not balance in base currency");
        assertThat(jdbc.sql("SELECT count(*) FROM journal_line WHERE journal_id = ?").param(open).query(Long.class).single()).isZero();
    }

    @Test
    void a_journal_may_reverse_only_a_journal_of_its_own_entity() {
        long open = batches.open(BatchType.REVERSAL, "tester").id();
        String entity = jdbc.sql("SELECT entity_code FROM journal WHERE id = ?").param(journal).query(String.class).single();
        String reversal = "INSERT INTO journal (entity_code, batch_id, journal_date, source, created_by, reverses_journal_id, reversal_reason) "
                + "VALUES (?, ?, '2026-11-03', 'sql', 'x', ?, 'wrong amount')";
        assertThatThrownBy(() -> jdbc.sql(reversal).params(entity, open, 999999L).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("reverses 999999 which is not a journal of " + entity);
        String other = new LedgerFixture(setup, batches, transactions).association("USD");
        assertThatThrownBy(() -> jdbc.sql(reversal).params(other, open, journal).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("reverses " + journal + " which is not a journal of " + other);

        assertThat(jdbc.sql(reversal).params(entity, open, journal).update()).isEqualTo(1);
    }

    @Test
    void a_line_naming_an_unknown_journal_account_or_party_is_refused_by_the_database() {
        long open = openJournal();
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO journal_line (journal_id, entity_code, line_no, account_code, currency, debit, credit, base_debit, base_credit) "
                        + "SELECT 999999, entity_code, 1, '1200', 'USD', 1, 0, 1, 0 FROM journal WHERE id = ? "
                        + "UNION ALL SELECT 999999, entity_code, 2, '4000', 'USD', 0, 1, 0, 1 FROM journal WHERE id = ?").params(open, open).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("names an unknown journal 999999");
        assertThatThrownBy(() -> insertLines(open, "(1, '1200', 1.00, 0, NULL)", "(2, '9999', 0, 1.00, NULL)"))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("names an unknown account 9999");
        assertThatThrownBy(() -> insertLines(open, "(1, '1200', 1.00, 0, 'NOBODY')", "(2, '4000', 0, 1.00, NULL)"))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("names an unknown party NOBODY");
        assertThat(jdbc.sql("SELECT count(*) FROM journal_line WHERE journal_id = ?").param(open).query(Long.class).single()).isZero();
    }

    @Test
    void a_posted_batch_cannot_be_reopened_or_deleted_through_sql() {
        assertThatThrownBy(() -> jdbc.sql("UPDATE batch SET status = 'OPEN' WHERE id = ?").param(batch).update())
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM batch WHERE id = ?").param(batch).update())
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE journal_line CASCADE").update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("the ledger table journal_line cannot be truncated");
    }

    @Test
    void what_journals_and_their_lines_refer_to_is_kept_while_they_exist() {
        long open = openJournal();
        insertLines(open, "(1, '1200', 3.00, 0, NULL)", "(2, '4000', 0, 3.00, NULL)");
        long openBatch = jdbc.sql("SELECT batch_id FROM journal WHERE id = ?").param(open).query(Long.class).single();
        String entity = jdbc.sql("SELECT entity_code FROM journal WHERE id = ?").param(journal).query(String.class).single();

        assertThatThrownBy(() -> jdbc.sql("DELETE FROM journal WHERE id = ?").param(open).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("this journal is referred to by journal lines and cannot be deleted");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM account WHERE entity_code = ? AND account_code = '4000'").param(entity).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("this account is referred to by journal lines and cannot be deleted");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM batch WHERE id = ?").param(openBatch).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("this batch holds journals and cannot be deleted");
        assertThat(jdbc.sql("SELECT count(*) FROM journal_line WHERE journal_id = ?").param(open).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void a_batch_holding_a_journal_without_lines_does_not_post_even_through_sql() {
        long open = openJournal();
        long openBatch = jdbc.sql("SELECT batch_id FROM journal WHERE id = ?").param(open).query(Long.class).single();
        jdbc.sql("UPDATE batch SET status = 'READY' WHERE id = ?").param(openBatch).update();

        assertThatThrownBy(() -> jdbc.sql("UPDATE batch SET status = 'POSTED', posted_at = now(), posted_digest = 'x' WHERE id = ?")
                        .param(openBatch).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("holds a journal without lines");
        assertThat(jdbc.sql("SELECT status FROM batch WHERE id = ?").param(openBatch).query(String.class).single()).isEqualTo("READY");
    }

    @Test
    void an_unbalanced_journal_cannot_be_inserted_even_bypassing_the_posting_service() {
        long open = batches.open(BatchType.ADJUSTMENT, "tester").id();
        String entity = jdbc.sql("SELECT entity_code FROM journal WHERE id = ?").param(journal).query(String.class).single();
        assertThatThrownBy(() -> {
            long id = jdbc.sql("INSERT INTO journal (entity_code, batch_id, journal_date, source, created_by) VALUES (?, ?, '2026-11-03', 'sql', 'x') RETURNING id")
                    .params(entity, open).query(Long.class).single();
            jdbc.sql("""
                    INSERT INTO journal_line (journal_id, entity_code, line_no, account_code, currency, debit, credit, base_debit, base_credit)
                    VALUES (?, ?, 1, '1010', 'USD', 5, 0, 5, 0)""").params(id, entity).update();
        }).isInstanceOf(DataAccessException.class).hasMessageContaining("does not balance");
    }

    @Test
    void check_notices_totals_kept_for_a_posted_batch_that_differ_from_its_lines() {
        assertThat(check.run()).extracting(p -> p.code().name()).doesNotContain("BATCH_TOTALS_DIFFER");
        jdbc.sql("UPDATE batch_account_total SET base_debit = base_debit + 1 WHERE batch_id = (SELECT batch_id FROM journal WHERE id = ?)")
                .param(journal).update();
        assertThat(check.run()).extracting(p -> p.code().name()).contains("BATCH_TOTALS_DIFFER");
        jdbc.sql("UPDATE batch_account_total SET base_debit = base_debit - 1 WHERE batch_id = (SELECT batch_id FROM journal WHERE id = ?)")
                .param(journal).update();
        jdbc.sql("UPDATE batch_day_total SET journals = journals + 1 WHERE batch_id = (SELECT batch_id FROM journal WHERE id = ?)")
                .param(journal).update();
        assertThat(check.run()).extracting(p -> p.code().name()).contains("BATCH_TOTALS_DIFFER");
    }

    @Test
    void check_notices_totals_kept_of_what_was_sent_that_differ_from_the_journals_marked_sent() {
        jdbc.sql("INSERT INTO sent_day_total (entity_code, journal_date, journals, base_debit) "
                + "SELECT entity_code, journal_date, 1, 5 FROM journal WHERE id = ?").param(journal).update();
        assertThat(check.run()).extracting(p -> p.code().name()).contains("SENT_TOTALS_DIFFER");
    }

    @Test
    void check_notices_a_posted_journal_changed_behind_the_triggers_back() {
        new org.springframework.transaction.support.TransactionTemplate(transactions).executeWithoutResult(tx -> {
            // a superuser switching the rule off for a moment (on a Citus cluster too, where it reaches every shard)
            jdbc.sql("ALTER TABLE journal_line DISABLE TRIGGER journal_line_immutable_when_posted").update();
            jdbc.sql("UPDATE journal_line SET description = 'edited' WHERE entity_code = (SELECT entity_code FROM journal WHERE id = ?) "
                    + "AND journal_id = ?").params(journal, journal).update();
            jdbc.sql("ALTER TABLE journal_line ENABLE TRIGGER journal_line_immutable_when_posted").update();
        });
        assertThat(check.run()).extracting(p -> p.code().name()).contains("POSTED_JOURNAL_CHANGED");
    }
}
