package org.ledgerbridge.receivables;

import org.ledgerbridge.ledger.Currencies;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The rules of applying a credit (an unapplied payment, a prepayment, a credit memo) to an invoice,
 * each a small named check, and the plan of `documents apply-credits`: each party's open credits,
 * oldest first, pay its open invoices in the credit's own entity first, then in other entities,
 * oldest due date first. Pure Java: no database, no Spring.
 */
public final class CreditApplicationRules {

    private CreditApplicationRules() {
    }

    /** One credit applied to one invoice. */
    public record Application(ArDocument credit, ArDocument invoice, BigDecimal amount, LocalDate date) {
    }

    /** Why not, with a stable code. */
    public record Refusal(DocumentRule rule, String message) {
    }

    /** The amount applied when none is given: all the credit can pay of the invoice. */
    public static BigDecimal defaultAmount(ArDocument credit, ArDocument invoice) {
        return credit.openBalance().min(invoice.openBalance());
    }

    /** The first rule that refuses this application, or empty when it may be posted. */
    public static Optional<Refusal> refusal(ArDocument credit, ArDocument invoice, BigDecimal amount) {
        return isACredit(credit)
                .or(() -> isAnInvoice(invoice))
                .or(() -> released(credit))
                .or(() -> released(invoice))
                .or(() -> sameParty(credit, invoice))
                .or(() -> sameCurrency(credit, invoice))
                .or(() -> creditLeft(credit))
                .or(() -> invoiceOpen(invoice))
                .or(() -> amountFits(credit, invoice, amount));
    }

    private static Optional<Refusal> isACredit(ArDocument credit) {
        return credit.isCredit() ? Optional.empty() : refused(DocumentRule.NOT_A_CREDIT, credit.reference() + " is a "
                + credit.type() + "; a credit is an unapplied payment, a prepayment or a credit memo");
    }

    private static Optional<Refusal> isAnInvoice(ArDocument invoice) {
        return invoice.isInvoice() ? Optional.empty() : refused(DocumentRule.NOT_AN_INVOICE, invoice.reference() + " is a "
                + invoice.type() + "; a credit pays an invoice or a debit memo");
    }

    private static Optional<Refusal> released(ArDocument document) {
        return document.released() ? Optional.empty() : refused(DocumentRule.NOT_RELEASED, document.reference()
                + " is a migrated document not released yet (" + document.status() + ")");
    }

    private static Optional<Refusal> sameParty(ArDocument credit, ArDocument invoice) {
        return credit.partyId().equals(invoice.partyId()) ? Optional.empty() : refused(DocumentRule.PARTY_MISMATCH, "the credit "
                + credit.reference() + " belongs to " + credit.partyId() + ", the invoice " + invoice.reference() + " to " + invoice.partyId());
    }

    private static Optional<Refusal> sameCurrency(ArDocument credit, ArDocument invoice) {
        if (!credit.currency().equals(invoice.currency())) {
            return refused(DocumentRule.CURRENCY_MISMATCH, "the credit " + credit.reference() + " is in " + credit.currency()
                    + ", the invoice " + invoice.reference() + " in " + invoice.currency());
        }
        // the subledger carries each document at its own rate: a credit at another rate would leave the books apart
        return credit.exchangeRate().compareTo(invoice.exchangeRate()) == 0 ? Optional.empty()
                : refused(DocumentRule.EXCHANGE_RATES_DIFFER, "the credit " + credit.reference() + " is at rate "
                + credit.exchangeRate().stripTrailingZeros().toPlainString() + ", the invoice " + invoice.reference() + " at "
                + invoice.exchangeRate().stripTrailingZeros().toPlainString() + "; apply credits at the invoice's own rate");
    }

    private static Optional<Refusal> creditLeft(ArDocument credit) {
        return credit.isOpen() ? Optional.empty() : refused(DocumentRule.CREDIT_USED_UP, "nothing is left of the credit "
                + credit.reference());
    }

    private static Optional<Refusal> invoiceOpen(ArDocument invoice) {
        return invoice.isOpen() ? Optional.empty() : refused(DocumentRule.INVOICE_NOT_OPEN, "nothing is left open on "
                + invoice.reference());
    }

    private static Optional<Refusal> amountFits(ArDocument credit, ArDocument invoice, BigDecimal amount) {
        if (amount.signum() <= 0) {
            return refused(DocumentRule.AMOUNT_NOT_POSITIVE, "an applied amount is positive, not " + amount.toPlainString());
        }
        if (!Currencies.fitsScale(amount, credit.currency())) {
            return refused(DocumentRule.AMOUNT_EXCEEDS_CURRENCY_SCALE, amount.toPlainString() + " has more decimals than "
                    + credit.currency() + " allows");
        }
        if (amount.compareTo(credit.openBalance()) > 0) {
            return refused(DocumentRule.AMOUNT_EXCEEDS_CREDIT, amount.toPlainString() + " is more than the "
                    + credit.openBalance().toPlainString() + " left of the credit " + credit.reference());
        }
        if (amount.compareTo(invoice.openBalance()) > 0) {
            return refused(DocumentRule.AMOUNT_EXCEEDS_INVOICE, amount.toPlainString() + " is more than the "
                    + invoice.openBalance().toPlainString() + " open on " + invoice.reference());
        }
        return Optional.empty();
    }

    private static Optional<Refusal> refused(DocumentRule rule, String message) {
        return Optional.of(new Refusal(rule, message));
    }

    /**
     * Every application `apply-credits` makes for one party: its open credits, oldest first, each
     * paying the open invoices of its own entity first, then of the others, oldest due date first,
     * in the same currency and at the same rate. Takes the amounts off the documents as it goes.
     */
    public static List<Application> planFor(List<ArDocument> partyDocuments, LocalDate date) {
        List<ArDocument> credits = partyDocuments.stream().filter(ArDocument::isCredit).filter(ArDocument::isOpen)
                .sorted(ArDocument.OLDEST_CREDIT_FIRST).toList();
        List<ArDocument> invoices = partyDocuments.stream().filter(ArDocument::isInvoice).filter(ArDocument::isOpen)
                .sorted(ArDocument.OLDEST_DUE_FIRST).toList();
        List<Application> plan = new ArrayList<>();
        for (ArDocument credit : credits) {
            List<ArDocument> payable = invoices.stream()
                    .sorted(Comparator.comparing((ArDocument i) -> !i.entity().equals(credit.entity())).thenComparing(ArDocument.OLDEST_DUE_FIRST))
                    .toList();
            for (ArDocument invoice : payable) {
                if (!credit.isOpen()) {
                    break;
                }
                if (!invoice.isOpen() || refusal(credit, invoice, defaultAmount(credit, invoice)).isPresent()) {
                    continue;
                }
                BigDecimal amount = defaultAmount(credit, invoice);
                plan.add(new Application(credit, invoice, amount, date));
                credit.reduceBy(amount);
                invoice.reduceBy(amount);
            }
        }
        return plan;
    }
}
