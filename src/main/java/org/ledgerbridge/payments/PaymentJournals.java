package org.ledgerbridge.payments;

import org.ledgerbridge.ledger.AccountRole;
import org.ledgerbridge.ledger.Currencies;
import org.ledgerbridge.ledger.FinancialEntity;
import org.ledgerbridge.ledger.JournalDraft;
import org.ledgerbridge.ledger.JournalLineDraft;
import org.ledgerbridge.ledger.RoleAccounts;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The journals of one payment, before any summing. Cash entity: Dr cash, Cr AR control / due to
 * other entities / unapplied credit; each other entity whose invoices it pays: Dr due from the
 * cash entity, Cr AR control. A foreign payment's lines are converted at its rate, the cash line
 * being the sum of the others; a foreign invoice relieved at another rate than the one it is
 * carried at adds a journal of the realized exchange difference (AR control against FX_GAIN_LOSS),
 * in the base currency. Pure Java.
 */
final class PaymentJournals {

    private final Map<String, FinancialEntity> entities;
    private final RoleAccounts roleAccounts;

    PaymentJournals(Map<String, FinancialEntity> entities, RoleAccounts roleAccounts) {
        this.entities = entities;
        this.roleAccounts = roleAccounts;
    }

    /** The cash entity's journal first, then the other entities', then the exchange differences. */
    List<JournalDraft> of(Payment payment, String number, String source) {
        String cash = payment.cashEntity();
        String currency = payment.received().currency();
        String base = entities.get(cash).baseCurrency();
        BigDecimal rate = currency.equals(base) ? null : payment.rate();
        String party = payment.party().id();
        Map<String, List<JournalLineDraft>> arLinesOf = new LinkedHashMap<>();
        for (PaymentApplication.Allocation allocation : payment.plan().allocations()) {
            String entity = allocation.invoice().entity();
            arLinesOf.computeIfAbsent(entity, e -> new ArrayList<>()).add(credit(roleAccounts.of(entity, AccountRole.AR_CONTROL),
                    currency, allocation.paid(), party, allocation.invoice().number(), null, toBase(allocation.paid(), rate, base)));
        }
        List<JournalLineDraft> cashLines = new ArrayList<>();
        for (Map.Entry<String, List<JournalLineDraft>> ar : arLinesOf.entrySet()) {
            if (ar.getKey().equals(cash)) {
                cashLines.addAll(ar.getValue());
            } else {
                cashLines.add(JournalLineDraft.credit(roleAccounts.of(cash, AccountRole.INTER_ENTITY), currency, sum(ar.getValue(), false))
                        .forParty(party).describedAs(dueTo(ar.getKey())).inBase(sum(ar.getValue(), true)));
            }
        }
        if (payment.plan().unapplied().signum() > 0) {
            BigDecimal unapplied = payment.plan().unapplied();
            cashLines.add(credit(roleAccounts.unappliedCredit(cash), currency, unapplied, party, number, "unapplied credit",
                    toBase(unapplied, rate, base)));
        }
        String check = payment.checkNumber();
        String described = check == null || check.isBlank() ? payment.method().id() : (payment.method().id() + " " + check).strip();
        cashLines.add(0, new JournalLineDraft(payment.method().cashAccount(), currency, payment.received().amount(), BigDecimal.ZERO,
                party, number, described, rate == null ? null : sum(cashLines, true)));
        List<JournalDraft> journals = new ArrayList<>();
        journals.add(new JournalDraft(cash, payment.date(), source, "Payment " + number, rate, cashLines));
        for (Map.Entry<String, List<JournalLineDraft>> other : arLinesOf.entrySet()) {
            String entity = other.getKey();
            if (entity.equals(cash)) {
                continue;
            }
            List<JournalLineDraft> lines = new ArrayList<>();
            lines.add(JournalLineDraft.debit(roleAccounts.of(entity, AccountRole.INTER_ENTITY), currency, sum(other.getValue(), false))
                    .forParty(party).describedAs(dueFrom(cash)).inBase(rate == null ? null : sum(other.getValue(), true)));
            lines.addAll(other.getValue());
            journals.add(new JournalDraft(entity, payment.date(), source, "Payment " + number + " received by " + cash, rate, lines));
        }
        journals.addAll(exchangeDifferences(payment, number, rate, source));
        return journals;
    }

    private static String dueTo(String entity) {
        return BETWEEN_ENTITIES + "to " + entity;
    }

    private static String dueFrom(String entity) {
        return BETWEEN_ENTITIES + "from " + entity;
    }

    private static final String BETWEEN_ENTITIES = "due ";

    /** The other entity a line between entities is due to or from ("due to BMC"), null for any other line: summed apart. */
    static String counterpart(JournalLineDraft line) {
        return line.description() != null && line.description().startsWith(BETWEEN_ENTITIES) ? line.description() : null;
    }

    private List<JournalDraft> exchangeDifferences(Payment payment, String number, BigDecimal rate, String source) {
        Map<String, List<JournalLineDraft>> byEntity = new LinkedHashMap<>();
        for (PaymentApplication.Allocation allocation : payment.plan().allocations()) {
            OpenInvoice invoice = allocation.invoice();
            String base = entities.get(invoice.entity()).baseCurrency();
            if (invoice.currency().equals(base)) {
                continue;
            }
            BigDecimal relieved = rate == null ? allocation.paid() : Currencies.toBase(allocation.paid(), rate, base);
            BigDecimal carried = Currencies.toBase(allocation.amount(), invoice.exchangeRate(), base);
            BigDecimal gain = relieved.subtract(carried);
            if (gain.signum() == 0) {
                continue;
            }
            String ar = roleAccounts.of(invoice.entity(), AccountRole.AR_CONTROL);
            String fx = roleAccounts.of(invoice.entity(), AccountRole.FX_GAIN_LOSS);
            String party = payment.party().id();
            List<JournalLineDraft> lines = byEntity.computeIfAbsent(invoice.entity(), e -> new ArrayList<>());
            String why = "exchange " + (gain.signum() > 0 ? "gain" : "loss") + " on " + invoice.number() + " (carried at "
                    + invoice.exchangeRate().stripTrailingZeros().toPlainString() + ")";
            String debit = gain.signum() > 0 ? ar : fx;
            String credit = gain.signum() > 0 ? fx : ar;
            lines.add(JournalLineDraft.debit(debit, base, gain.abs()).forParty(party).forDocument(invoice.number()).describedAs(why));
            lines.add(JournalLineDraft.credit(credit, base, gain.abs()).forParty(party).forDocument(invoice.number()).describedAs(why));
        }
        List<JournalDraft> journals = new ArrayList<>();
        byEntity.forEach((entity, lines) -> journals.add(new JournalDraft(entity, payment.date(), source,
                "Realized exchange difference of payment " + number, null, lines)));
        return journals;
    }

    /** A line of a foreign payment carries its amount converted at the payment's rate; a base-currency line needs none. */
    private static BigDecimal toBase(BigDecimal amount, BigDecimal rate, String base) {
        return rate == null ? null : Currencies.toBase(amount, rate, base);
    }

    /** One record per line, not one per detail: this runs for every payment of a file. */
    private static JournalLineDraft credit(String account, String currency, BigDecimal amount, String party, String document,
                                           String description, BigDecimal base) {
        return new JournalLineDraft(account, currency, BigDecimal.ZERO, amount, party, document, description, base);
    }

    private static BigDecimal sum(List<JournalLineDraft> lines, boolean inBase) {
        BigDecimal total = BigDecimal.ZERO;
        for (JournalLineDraft line : lines) {
            total = total.add(inBase && line.base() != null ? line.base() : line.debit().add(line.credit()));
        }
        return total;
    }
}
