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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ledgerbridge.ledger.JournalLineDraft.credit;
import static org.ledgerbridge.ledger.JournalLineDraft.debit;

/**
 * Journal numbers as staff see them: per entity, 1, 2, 3 ... without gaps, given when a batch is
 * posted, so that a voided batch leaves no hole, whatever ids the journals got.
 */
@LedgerTest
class JournalNumbersTest {

    @Autowired PostingService posting;
    @Autowired BatchService batches;
    @Autowired BatchCorrections corrections;
    @Autowired LedgerSetup setup;
    @Autowired LedgerReports reports;
    @Autowired LedgerCheck check;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;

    LedgerFixture fixture;
    String psab;
    String bmc;

    @BeforeEach
    void two_associations() {
        fixture = new LedgerFixture(setup, batches, transactions);
        psab = fixture.association("USD");
        bmc = fixture.association("USD");
    }

    @Test
    void posted_journals_are_numbered_per_entity_in_the_order_they_were_posted_and_a_voided_batch_leaves_no_hole() {
        long first = batchOf(psab, psab, psab, bmc, bmc);
        long voided = batchOf(psab, psab);
        long second = batchOf(psab, psab);
        assertThat(numbers(first)).as("not posted yet: no number").containsOnlyNulls();

        assertThat(corrections.voidBatches(List.of(voided), "keyed twice", "tester")).isInstanceOf(BatchChange.Changed.class);
        post(first);
        post(second);

        assertThat(numbersOf(psab)).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(numbersOf(bmc)).containsExactly(1L, 2L);
        assertThat(check.run()).isEmpty();
        assertThat(numbers(second)).containsExactly(4L, 5L);
        long journal = jdbc.sql("SELECT id FROM journal WHERE batch_id = ? ORDER BY id LIMIT 1").param(second).query(Long.class).single();
        assertThat(reports.journal(journal)).hasValueSatisfying(j -> assertThat(j.label()).isEqualTo(psab + "-4"));
    }

    @Test
    void a_reversal_takes_the_next_numbers_when_it_is_posted() {
        long original = batchOf(psab, psab);
        post(original);
        BatchChange reversal = corrections.reverse(List.of(original), "wrong month", null, "tester");
        long reversing = ((BatchChange.Reversing) reversal).reversalBatchId();

        post(reversing);

        assertThat(numbers(reversing)).containsExactly(3L, 4L);
    }

    @Test
    void a_posted_journals_number_cannot_be_changed_and_a_batch_cannot_be_posted_with_a_journal_unnumbered() {
        long posted = batchOf(psab);
        post(posted);
        assertThatThrownBy(() -> jdbc.sql("UPDATE posted_journal_number SET number = 99 WHERE journal_id IN "
                + "(SELECT id FROM journal WHERE batch_id = ?)").param(posted).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("never changed");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM posted_journal_number").update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("never changed");

        long ready = batchOf(psab);
        batches.changeStatus(List.of(ready), BatchStatus.READY, "tester");
        String digest = jdbc.sql("SELECT batch_lines_digest(?)").param(ready).query(String.class).single();
        assertThatThrownBy(() -> jdbc.sql("""
                        UPDATE batch SET status = 'POSTED', posted_at = now(), posted_by = 'sql', posted_digest = ?
                         WHERE id = ?""").params(digest, ready).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("has no number");
        assertThat(numbersOf(psab)).containsExactly(1L);

        jdbc.sql("ALTER TABLE posted_journal_number DISABLE TRIGGER posted_journal_number_final").update();
        // what only the tables' owner could do: number 1 becomes 7, leaving a hole
        jdbc.sql("UPDATE posted_journal_number SET number = 7 WHERE entity_code = ?").param(psab).update();
        jdbc.sql("ALTER TABLE posted_journal_number ENABLE TRIGGER posted_journal_number_final").update();
        assertThat(check.run()).extracting(p -> p.code().name()).contains("JOURNAL_NUMBERS_NOT_CONSECUTIVE");
    }

    @Test
    void two_batches_of_one_entity_posted_at_the_same_moment_get_consecutive_numbers_never_the_same() throws Exception {
        List<Long> ready = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            long batch = batchOf(psab, psab, psab, bmc);
            batches.changeStatus(List.of(batch), BatchStatus.READY, "tester");
            ready.add(batch);
        }
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<BatchChange>> postings = ready.stream().map(batch -> CompletableFuture.supplyAsync(() -> {
            try {
                start.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return batches.post(List.of(batch), "tester");
        })).toList();
        start.countDown();
        for (CompletableFuture<BatchChange> posted : postings) {
            assertThat(posted.get()).isInstanceOf(BatchChange.Changed.class);
        }

        assertThat(numbersOf(psab)).containsExactlyElementsOf(LongStream.rangeClosed(1, 18).boxed().toList());
        assertThat(numbersOf(bmc)).containsExactlyElementsOf(LongStream.rangeClosed(1, 6).boxed().toList());
        for (long batch : ready) {
            List<Long> psabNumbers = jdbc.sql("SELECT n.number FROM journal j JOIN posted_journal_number n ON n.entity_code = j.entity_code AND n.journal_id = j.id "
                            + "WHERE j.batch_id = ? AND j.entity_code = ? ORDER BY j.id")
                    .params(batch, psab).query(Long.class).list();
            assertThat(psabNumbers.get(2) - psabNumbers.get(0)).as("a batch's journals are numbered together").isEqualTo(2);
        }
    }

    /** An open batch with one balanced journal per entity named, in that order. */
    private long batchOf(String... entities) {
        long batch = fixture.openBatch();
        List<JournalDraft> drafts = new ArrayList<>();
        for (String entity : entities) {
            drafts.add(JournalDraft.of(entity, LocalDate.of(2026, 11, 2), "test",
                    debit("1010", "USD", new BigDecimal("25.00")), credit("4000", "USD", new BigDecimal("25.00"))));
        }
        assertThat(posting.post(batch, drafts, "tester")).isInstanceOf(Posting.Posted.class);
        return batch;
    }

    private void post(long batch) {
        batches.changeStatus(List.of(batch), BatchStatus.READY, "tester");
        assertThat(batches.post(List.of(batch), "tester")).isInstanceOf(BatchChange.Changed.class);
    }

    private List<Long> numbers(long batch) {
        return jdbc.sql("SELECT n.number FROM journal j LEFT JOIN posted_journal_number n ON n.entity_code = j.entity_code AND n.journal_id = j.id WHERE j.batch_id = ? "
                + "ORDER BY j.id").param(batch).query(Long.class).list();
    }

    private List<Long> numbersOf(String entity) {
        return jdbc.sql("SELECT number FROM posted_journal_number WHERE entity_code = ? ORDER BY number")
                .param(entity).query(Long.class).list();
    }
}
