package org.ledgerbridge.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.ledgerbridge.ledger.PostingRule.*;

/**
 * The rules a journal keeps to be posted, each one method, checked in the order of {@link #RULES};
 * the first one broken refuses the journal. Then its lines are converted to the entity's base
 * currency, where it must balance too ({@link #inBaseCurrency}). Pure Java: what the rules need of
 * the ledger comes in a {@link Chart}.
 */
final class JournalRules {

    /** What the rules know of the ledger: read once per posting request. */
    record Chart(Map<String, FinancialEntity> entities, Map<String, Boolean> accountActive, Map<String, LocalDate> closedThrough,
                 Set<String> parties) {

        static String accountKey(String entity, String account) {
            return entity + "\u0000" + account;
        }
    }

    /** One rule: why the journal at {@code index} is refused, or empty. */
    interface Rule {
        Optional<Posting.Refused> refusalOf(JournalDraft draft, int index, Chart chart);
    }

    static final List<Rule> RULES = List.of(
            JournalRules::entityKnown,
            JournalRules::hasLines,
            JournalRules::exchangeRatePositive,
            JournalRules::periodOpen,
            JournalRules::linesWellFormed,
            JournalRules::accountsKnownAndActive,
            JournalRules::balancedPerCurrency);

    private JournalRules() {
    }

    /** A journal checked: the first rule it breaks, or (refused null) its lines' base amounts to store. */
    record Checked(Posting.Refused refused, List<BigDecimal[]> baseAmounts) {
    }

    /** Every rule, then the balance in the base currency. */
    static Checked check(JournalDraft draft, int index, Chart chart) {
        Optional<Posting.Refused> refused = refusalOf(draft, index, chart);
        if (refused.isPresent()) {
            return new Checked(refused.get(), null);
        }
        List<BigDecimal[]> base = baseAmounts(draft, chart);
        return new Checked(inBaseCurrency(draft, index, chart, base).orElse(null), base);
    }

    static Optional<Posting.Refused> refusalOf(JournalDraft draft, int index, Chart chart) {
        for (Rule rule : RULES) {
            Optional<Posting.Refused> refused = rule.refusalOf(draft, index, chart);
            if (refused.isPresent()) {
                return refused;
            }
        }
        return Optional.empty();
    }

    static Optional<Posting.Refused> entityKnown(JournalDraft draft, int index, Chart chart) {
        return chart.entities().containsKey(draft.entity()) ? Optional.empty()
                : refused(UNKNOWN_ENTITY, index, 0, "no financial entity " + draft.entity());
    }

    static Optional<Posting.Refused> hasLines(JournalDraft draft, int index, Chart chart) {
        return draft.lines().isEmpty() ? refused(EMPTY_JOURNAL, index, 0, "a journal needs at least one debit and one credit")
                : Optional.empty();
    }

    static Optional<Posting.Refused> exchangeRatePositive(JournalDraft draft, int index, Chart chart) {
        return draft.exchangeRate() != null && draft.exchangeRate().signum() <= 0
                ? refused(INVALID_EXCHANGE_RATE, index, 0, "exchange rate " + draft.exchangeRate() + " is not positive")
                : Optional.empty();
    }

    static Optional<Posting.Refused> periodOpen(JournalDraft draft, int index, Chart chart) {
        LocalDate closed = chart.closedThrough().get(draft.entity());
        if (closed != null && !draft.date().isAfter(closed)) {
            return refused(CLOSED_PERIOD, index, 0, "the books of " + draft.entity() + " are closed through " + closed
                    + "; a journal dated " + draft.date() + " cannot be posted");
        }
        return Optional.empty();
    }

    /** Each line: a known currency, a rate when it is foreign, one positive side, the currency's decimals, a known party. */
    static Optional<Posting.Refused> linesWellFormed(JournalDraft draft, int index, Chart chart) {
        String base = chart.entities().get(draft.entity()).baseCurrency();
        for (int l = 0; l < draft.lines().size(); l++) {
            JournalLineDraft line = draft.lines().get(l);
            int lineNo = l + 1;
            if (!Currencies.isKnown(line.currency())) {
                return refused(UNKNOWN_CURRENCY, index, lineNo, "'" + line.currency() + "' is not an ISO 4217 currency");
            }
            if (!line.currency().equals(base) && draft.exchangeRate() == null) {
                return refused(INVALID_EXCHANGE_RATE, index, lineNo, "a line in " + line.currency() + " needs an exchange rate to " + base);
            }
            BigDecimal debit = orZero(line.debit());
            BigDecimal credit = orZero(line.credit());
            if (debit.signum() < 0 || credit.signum() < 0 || (debit.signum() == 0) == (credit.signum() == 0)) {
                return refused(INVALID_LINE_AMOUNT, index, lineNo, "a line is a positive debit or a positive credit, not debit "
                        + debit.toPlainString() + " and credit " + credit.toPlainString());
            }
            if (!Currencies.fitsScale(debit.add(credit), line.currency())) {
                return refused(AMOUNT_EXCEEDS_CURRENCY_SCALE, index, lineNo, debit.add(credit).toPlainString() + " has more decimals than "
                        + line.currency() + " allows (" + Currencies.scale(line.currency()) + ")");
            }
            if (line.partyId() != null && !chart.parties().contains(line.partyId())) {
                return refused(UNKNOWN_PARTY, index, lineNo, "no party " + line.partyId());
            }
        }
        return Optional.empty();
    }

    static Optional<Posting.Refused> accountsKnownAndActive(JournalDraft draft, int index, Chart chart) {
        for (int l = 0; l < draft.lines().size(); l++) {
            String account = draft.lines().get(l).account();
            Boolean active = chart.accountActive().get(Chart.accountKey(draft.entity(), account));
            if (active == null) {
                return refused(UNKNOWN_ACCOUNT, index, l + 1, "no account " + account + " in the chart of " + draft.entity());
            }
            if (!active) {
                return refused(INACTIVE_ACCOUNT, index, l + 1, "account " + account + " of " + draft.entity() + " is inactive");
            }
        }
        return Optional.empty();
    }

    /** Debits equal credits in each currency the journal's lines are in. */
    static Optional<Posting.Refused> balancedPerCurrency(JournalDraft draft, int index, Chart chart) {
        Map<String, BigDecimal> balance = new LinkedHashMap<>();
        for (JournalLineDraft line : draft.lines()) {
            balance.merge(line.currency(), orZero(line.debit()).subtract(orZero(line.credit())), BigDecimal::add);
        }
        for (JournalLineDraft line : draft.lines()) {
            if (balance.get(line.currency()).signum() != 0) {
                BigDecimal debit = sum(draft, line.currency(), true);
                BigDecimal credit = sum(draft, line.currency(), false);
                return refused(UNBALANCED, index, 0, "journal of " + draft.entity() + " on " + draft.date() + " does not balance in "
                        + line.currency() + ": debit " + debit.toPlainString() + ", credit " + credit.toPlainString());
            }
        }
        return Optional.empty();
    }

    /** Each line's (debit, credit) in the entity's base currency, as the lines will be stored. */
    static List<BigDecimal[]> baseAmounts(JournalDraft draft, Chart chart) {
        String base = chart.entities().get(draft.entity()).baseCurrency();
        BigDecimal rate = draft.exchangeRate() == null ? BigDecimal.ONE : draft.exchangeRate();
        List<BigDecimal[]> amounts = new ArrayList<>(draft.lines().size());
        for (JournalLineDraft line : draft.lines()) {
            amounts.add(line.baseAmounts(rate, base));
        }
        return amounts;
    }

    /** A journal balanced in its currencies can still be off by rounding once converted to the base currency. */
    static Optional<Posting.Refused> inBaseCurrency(JournalDraft draft, int index, Chart chart, List<BigDecimal[]> baseAmounts) {
        BigDecimal debit = BigDecimal.ZERO;
        BigDecimal credit = BigDecimal.ZERO;
        for (BigDecimal[] amounts : baseAmounts) {
            debit = debit.add(amounts[0]);
            credit = credit.add(amounts[1]);
        }
        if (debit.compareTo(credit) != 0) {
            return refused(UNBALANCED_IN_BASE_CURRENCY, index, 0, "journal of " + draft.entity() + " on " + draft.date()
                    + " balances in its currency but not in " + chart.entities().get(draft.entity()).baseCurrency()
                    + " after conversion: debit " + debit + ", credit " + credit + "; add a rounding line");
        }
        return Optional.empty();
    }

    private static BigDecimal sum(JournalDraft draft, String currency, boolean debits) {
        return draft.lines().stream().filter(l -> l.currency().equals(currency))
                .map(l -> orZero(debits ? l.debit() : l.credit())).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal orZero(BigDecimal amount) {
        return amount == null ? BigDecimal.ZERO : amount;
    }

    private static Optional<Posting.Refused> refused(PostingRule rule, int journal, int line, String message) {
        return Optional.of(new Posting.Refused(rule, journal, line, message));
    }
}
