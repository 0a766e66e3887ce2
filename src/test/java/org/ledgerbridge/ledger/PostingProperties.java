package org.ledgerbridge.ledger;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.ledgerbridge.support.LedgerFixture;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ledgerbridge.ledger.JournalLineDraft.credit;
import static org.ledgerbridge.ledger.JournalLineDraft.debit;

/**
 * Random sequences of valid and invalid journals, reversals and batch posts: after every step
 * the ledger's invariants hold, the AR balance equals a simple model's, and a refused step leaves
 * the database exactly as it was.
 */
class PostingProperties {

    private static ConfigurableApplicationContext context;

    private static synchronized ConfigurableApplicationContext context() {
        if (context == null) {
            context = org.ledgerbridge.support.PropertyContext.start();
        }
        return context;
    }

    @AfterContainer
    static void closeContext() {
        if (context != null) {
            context.close();
            context = null;
        }
    }

    sealed interface Step permits PostValid, PostUnbalanced, PostToUnknownAccount, PostToInactiveAccount, PostInClosedPeriod,
            Reverse, PostBatch, OpenBatch {
    }

    record PostValid(int cents) implements Step { }
    record PostUnbalanced(int cents, int difference) implements Step { }
    record PostToUnknownAccount(int cents) implements Step { }
    record PostToInactiveAccount(int cents) implements Step { }
    record PostInClosedPeriod(int cents) implements Step { }
    record Reverse(int pick) implements Step { }
    record PostBatch() implements Step { }
    record OpenBatch() implements Step { }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Integer> cents = Arbitraries.integers().between(1, 10_000_000);
        Arbitrary<Step> step = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, cents.map(PostValid::new)),
                net.jqwik.api.Tuple.of(2, net.jqwik.api.Combinators.combine(cents, Arbitraries.integers().between(1, 500))
                        .as(PostUnbalanced::new)),
                net.jqwik.api.Tuple.of(1, cents.map(PostToUnknownAccount::new)),
                net.jqwik.api.Tuple.of(1, cents.map(PostToInactiveAccount::new)),
                net.jqwik.api.Tuple.of(1, cents.map(PostInClosedPeriod::new)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0, 100).map(Reverse::new)),
                net.jqwik.api.Tuple.of(2, Arbitraries.just(new PostBatch())),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new OpenBatch())));
        return step.list().ofMinSize(1).ofMaxSize(25);
    }

    @Property(tries = 40)
    void the_ledger_keeps_its_invariants_and_refusals_change_nothing(@ForAll("steps") List<Step> steps) {
        var ctx = context();
        PostingService posting = ctx.getBean(PostingService.class);
        BatchService batches = ctx.getBean(BatchService.class);
        LedgerReports reports = ctx.getBean(LedgerReports.class);
        LedgerCheck check = ctx.getBean(LedgerCheck.class);
        JdbcClient jdbc = ctx.getBean(JdbcClient.class);
        LedgerFixture fixture = new LedgerFixture(ctx.getBean(LedgerSetup.class), batches, ctx.getBean(PlatformTransactionManager.class));
        String entity = fixture.association("USD");
        ctx.getBean(LedgerSetup.class).closePeriod(entity, LocalDate.of(2026, 9, 30), "controller");

        long batch = fixture.openBatch();
        List<Long> postedJournals = new ArrayList<>();   // in POSTED batches, not yet reversed
        List<long[]> openJournals = new ArrayList<>();    // {journal, cents} in the current batch
        Map<Long, Long> centsOf = new java.util.HashMap<>();
        long expectedArCents = 0;

        for (Step step : steps) {
            String before = snapshot(jdbc);
            Posting result = null;
            boolean mustBeRefused = false;
            if (step instanceof PostValid valid) {
                result = posting.post(batch, List.of(invoice(entity, "1200", "4000", valid.cents(), 0, LocalDate.of(2026, 11, 2))), "p");
                assertThat(result).isInstanceOf(Posting.Posted.class);
                long id = ((Posting.Posted) result).journalIds().get(0);
                openJournals.add(new long[]{id, valid.cents()});
                centsOf.put(id, (long) valid.cents());
                expectedArCents += valid.cents();
            } else if (step instanceof PostUnbalanced bad) {
                result = posting.post(batch, List.of(invoice(entity, "1200", "4000", bad.cents(), bad.difference(), LocalDate.of(2026, 11, 2))), "p");
                mustBeRefused = true;
            } else if (step instanceof PostToUnknownAccount bad) {
                result = posting.post(batch, List.of(invoice(entity, "1200", "4321", bad.cents(), 0, LocalDate.of(2026, 11, 2))), "p");
                mustBeRefused = true;
            } else if (step instanceof PostToInactiveAccount bad) {
                result = posting.post(batch, List.of(invoice(entity, "1200", "4999", bad.cents(), 0, LocalDate.of(2026, 11, 2))), "p");
                mustBeRefused = true;
            } else if (step instanceof PostInClosedPeriod bad) {
                result = posting.post(batch, List.of(invoice(entity, "1200", "4000", bad.cents(), 0, LocalDate.of(2026, 9, 30))), "p");
                mustBeRefused = true;
            } else if (step instanceof Reverse reverse) {
                if (postedJournals.isEmpty()) {
                    result = posting.reverse(batch, Long.MAX_VALUE, LocalDate.of(2026, 11, 3), "no such journal", "c");
                    mustBeRefused = true;
                } else {
                    long original = postedJournals.remove(reverse.pick() % postedJournals.size());
                    result = posting.reverse(batch, original, LocalDate.of(2026, 11, 3), "property test", "c");
                    assertThat(result).isInstanceOf(Posting.Posted.class);
                    long id = ((Posting.Posted) result).journalIds().get(0);
                    centsOf.put(id, -centsOf.get(original));
                    openJournals.add(new long[]{id, -centsOf.get(original)});
                    expectedArCents -= centsOf.get(original);
                }
            } else if (step instanceof PostBatch) {
                batches.changeStatus(List.of(batch), BatchStatus.READY, "p");
                BatchChange change = batches.post(List.of(batch), "a");
                if (openJournals.isEmpty()) {
                    assertThat(change).isInstanceOf(BatchChange.Refused.class);
                    batches.changeStatus(List.of(batch), BatchStatus.OPEN, "p");
                } else {
                    assertThat(change).isInstanceOf(BatchChange.Changed.class);
                    openJournals.stream().filter(j -> centsOf.get(j[0]) > 0).forEach(j -> postedJournals.add(j[0]));
                    openJournals.clear();
                    batch = fixture.openBatch();
                }
            } else if (step instanceof OpenBatch) {
                if (!openJournals.isEmpty()) {
                    continue; // keep the journals of the current batch in it
                }
                batch = fixture.openBatch();
            }
            if (mustBeRefused) {
                assertThat(result).isInstanceOf(Posting.Refused.class);
                assertThat(snapshot(jdbc)).as("a refused step leaves the database as it was").isEqualTo(before);
            }
            assertThat(check.run()).isEmpty();
            BigDecimal ar = reports.trialBalance(entity, true).stream().filter(l -> l.account().equals("1200"))
                    .map(TrialBalanceLine::balance).findFirst().orElse(BigDecimal.ZERO);
            assertThat(ar).isEqualByComparingTo(BigDecimal.valueOf(expectedArCents, 2));
        }
    }

    private static JournalDraft invoice(String entity, String debitAccount, String creditAccount, int cents, int creditOffBy, LocalDate date) {
        return JournalDraft.of(entity, date, "property", debit(debitAccount, "USD", BigDecimal.valueOf(cents, 2)),
                credit(creditAccount, "USD", BigDecimal.valueOf(cents + creditOffBy, 2)));
    }

    /** Every row of the ledger's tables, in a stable order, as one string. */
    private static String snapshot(JdbcClient jdbc) {
        return jdbc.sql("""
                SELECT md5(coalesce((SELECT string_agg(t::text, ';' ORDER BY t::text) FROM journal t), '')) ||
                       md5(coalesce((SELECT string_agg(t::text, ';' ORDER BY t::text) FROM journal_line t), '')) ||
                       md5(coalesce((SELECT string_agg(t::text, ';' ORDER BY t::text) FROM batch t), '')) ||
                       md5(coalesce((SELECT string_agg(t::text, ';' ORDER BY t::text) FROM audit_event t), ''))""")
                .query(String.class).single();
    }
}
