package org.ledgerbridge.payments;

import org.ledgerbridge.ledger.BatchType;
import org.ledgerbridge.ledger.FinancialEntity;
import org.ledgerbridge.ledger.JournalDraft;
import org.ledgerbridge.ledger.JournalLineDraft;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Deposit journals: what the bank shows, one deposit per day and account. Per import, batch, cash
 * entity, deposit date, deposit account and currency, the journals of its payments
 * ({@link PaymentJournals}) are summed by entity and account into one journal per entity: the cash
 * debit, the AR control credit, the unapplied credit, the inter-entity lines (one per other
 * entity) and the exchange differences, each line with the count of payments in it. The detail
 * stays in the subledger, where each payment names its deposit's journal. Pure Java.
 */
final class DepositJournals {

    /** One deposit. */
    record Key(BatchType batch, String cashEntity, LocalDate date, String account, String currency) {
    }

    private final Map<String, FinancialEntity> entities;
    private final LongSupplier journalIds;
    private final Map<Key, Deposit> deposits = new LinkedHashMap<>();
    private long payments;

    /** @param journalIds the id of a deposit's cash journal, taken when its first payment arrives */
    DepositJournals(Map<String, FinancialEntity> entities, LongSupplier journalIds) {
        this.entities = entities;
        this.journalIds = journalIds;
    }

    /** Sums a payment's journals into its deposit; answers the id of the deposit's journal in the cash entity. */
    long add(BatchType batch, Payment payment, List<JournalDraft> journals) {
        Key key = new Key(batch, payment.cashEntity(), payment.date(), payment.method().cashAccount(), payment.received().currency());
        Deposit deposit = deposits.computeIfAbsent(key, k -> new Deposit(k, journalIds.getAsLong()));
        deposit.add(++payments, journals);
        return deposit.cashJournalId;
    }

    Collection<Deposit> deposits() {
        return deposits.values();
    }

    /** A deposit's summed journals, its cash entity's first. */
    final class Deposit {
        final Key key;
        final long cashJournalId;
        private final Map<String, Summed> journals = new LinkedHashMap<>();
        private int payments;

        private Deposit(Key key, long cashJournalId) {
            this.key = key;
            this.cashJournalId = cashJournalId;
            journals.put(key.cashEntity(), new Summed());
        }

        private void add(long payment, List<JournalDraft> drafts) {
            payments++;
            for (JournalDraft draft : drafts) {
                journals.computeIfAbsent(draft.entity(), e -> new Summed()).add(payment, draft, entities.get(draft.entity()).baseCurrency());
            }
        }

        int payments() {
            return payments;
        }

        /** The cash entity's journal first (posted with {@link #cashJournalId}), then one per other entity. */
        List<JournalDraft> drafts(String source) {
            List<JournalDraft> drafts = new ArrayList<>();
            String into = key.date() + " into " + key.account();
            for (Map.Entry<String, Summed> journal : journals.entrySet()) {
                boolean cash = journal.getKey().equals(key.cashEntity());
                String description = cash ? "Deposit of " + into + ": " + count(payments)
                        : "Deposit of " + into + " of " + key.cashEntity() + ": invoices of " + journal.getKey() + " paid";
                drafts.add(new JournalDraft(journal.getKey(), key.date(), source, description, journal.getValue().rate,
                        journal.getValue().lines(), cash ? null : cashJournalId));
            }
            return drafts;
        }
    }

    /** One entity's lines of a deposit, summed by account, currency and side (and counterpart entity between entities). */
    private static final class Summed {
        private final Map<LineKey, LineSum> lines = new LinkedHashMap<>();
        private BigDecimal rate;

        void add(long payment, JournalDraft draft, String baseCurrency) {
            if (rate == null) {
                rate = draft.exchangeRate();
            }
            for (JournalLineDraft line : draft.lines()) {
                boolean debit = line.debit().signum() > 0;
                BigDecimal amount = debit ? line.debit() : line.credit();
                BigDecimal base = line.currency().equals(baseCurrency) ? amount
                        : line.baseAmounts(draft.exchangeRate() == null ? BigDecimal.ONE : draft.exchangeRate(), baseCurrency)[debit ? 0 : 1];
                String label = PaymentJournals.counterpart(line);
                LineSum sum = lines.computeIfAbsent(new LineKey(line.account(), line.currency(), debit, label), k -> new LineSum());
                sum.amount = sum.amount.add(amount);
                sum.base = sum.base.add(base);
                if (sum.lastPayment != payment) {
                    sum.lastPayment = payment;
                    sum.payments++;
                }
            }
        }

        List<JournalLineDraft> lines() {
            List<JournalLineDraft> summed = new ArrayList<>(lines.size());
            lines.forEach((key, sum) -> {
                JournalLineDraft line = key.debit() ? JournalLineDraft.debit(key.account(), key.currency(), sum.amount)
                        : JournalLineDraft.credit(key.account(), key.currency(), sum.amount);
                String what = key.label() == null ? count(sum.payments) : key.label() + ", " + count(sum.payments);
                summed.add(line.describedAs(what).inBase(sum.base).summingPayments(sum.payments));
            });
            return summed;
        }
    }

    private record LineKey(String account, String currency, boolean debit, String label) {
    }

    private static final class LineSum {
        BigDecimal amount = BigDecimal.ZERO;
        BigDecimal base = BigDecimal.ZERO;
        int payments;
        long lastPayment;
    }

    private static String count(int payments) {
        return String.format(java.util.Locale.ROOT, "%,d %s", payments, payments == 1 ? "payment" : "payments");
    }
}
