package org.ledgerbridge.delivery;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Export rule "a deposit's cash reaches the GL once". Seed 000: the iMIS GL export of a deposit
 * batch carries the money twice, once per receipt and once as "the main deposit line", and
 * someone deletes that line by hand before the Sage import. LedgerBridge writes a DEPOSIT batch's
 * cash either per receipt (`--deposits detail`, the default: no summary line at all) or as one
 * deposit entry per entity, batch and day (`--deposits summary`): a single bank line per cash
 * account for the deposit total, the receipts' other lines as they are. Never both, and every
 * entry still balances. Payments posted as deposit journals are already summed per day and
 * account: `detail` gives those journals as posted, `summary` one line per account and day still.
 */
final class DepositEntries {

    enum Mode { DETAIL, SUMMARY }

    private final Set<String> cashAccounts;
    private final Map<String, Entry> open = new LinkedHashMap<>();

    /** @param cashAccounts "ENTITY/ACCOUNT" of every payment method's cash account */
    DepositEntries(Set<String> cashAccounts) {
        this.cashAccounts = cashAccounts;
    }

    /** Takes a deposit batch's journal into its day's entry. */
    void add(GlJournal journal) {
        open.computeIfAbsent(journal.entity() + "/" + journal.batch() + "/" + journal.date(),
                k -> new Entry(journal.entity(), journal.batch(), journal.date(), journal.currency())).add(journal);
    }

    /** The entries collected so far, each with its one deposit line per cash account; then forgets them. */
    List<GlJournal> drain() {
        List<GlJournal> entries = new ArrayList<>();
        open.values().forEach(entry -> entries.add(entry.journal()));
        open.clear();
        return entries;
    }

    private final class Entry {
        private final String entity;
        private final String batch;
        private final LocalDate date;
        private final String currency;
        private final Map<String, GlJournal.Line> deposit = new LinkedHashMap<>();
        private final List<GlJournal.Line> others = new ArrayList<>();
        private int receipts;

        Entry(String entity, String batch, LocalDate date, String currency) {
            this.entity = entity;
            this.batch = batch;
            this.date = date;
            this.currency = currency;
        }

        void add(GlJournal journal) {
            int cashLines = 0;
            for (GlJournal.Line line : journal.lines()) {
                if (cashAccounts.contains(entity + "/" + line.account())) {
                    // a deposit journal's cash line sums its payments; a payment's own journal is one receipt
                    receipts += line.payments() != null ? line.payments() : cashLines++ == 0 ? 1 : 0;
                    deposit.merge(line.account(), line, (a, b) -> new GlJournal.Line(a.account(), a.kind(), a.debit().add(b.debit()),
                            a.credit().add(b.credit()), "deposit", null, null));
                } else {
                    others.add(line);
                }
            }
        }

        GlJournal journal() {
            List<GlJournal.Line> lines = new ArrayList<>();
            deposit.values().forEach(line -> {
                BigDecimal net = line.debit().subtract(line.credit());
                lines.add(new GlJournal.Line(line.account(), line.kind(), net.max(BigDecimal.ZERO), net.negate().max(BigDecimal.ZERO),
                        "Deposit of " + receipts + " receipts", null, null));
            });
            lines.addAll(others);
            return new GlJournal(entity, date, "DEP-" + batch + "-" + date, "Deposit " + batch + " of " + date, batch, currency, lines);
        }
    }
}
