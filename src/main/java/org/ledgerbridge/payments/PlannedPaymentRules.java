package org.ledgerbridge.payments;

import org.ledgerbridge.imports.RowErrors;
import org.ledgerbridge.ledger.AccountRole;
import org.ledgerbridge.ledger.Party;
import org.ledgerbridge.ledger.PaymentMethod;
import org.ledgerbridge.ledger.RoleAccounts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.ledgerbridge.payments.PaymentColumns.AMOUNT;
import static org.ledgerbridge.payments.PaymentColumns.DATE;
import static org.ledgerbridge.payments.PaymentColumns.INVOICE_NUMBERS;
import static org.ledgerbridge.payments.PaymentColumns.PAYMENT_METHOD_ID;

/**
 * The rules of a row once its payment is planned ({@link PaymentApplication}): what the plan may
 * leave over as a credit, the accounts its journals need, what posting would refuse at commit, and
 * each invoice the row names but does not pay. Pure Java, as {@link PaymentRules}.
 */
final class PlannedPaymentRules {

    private final PaymentRules.Ledger ledger;
    private final PaymentRules.Options options;
    private final RowErrors errors;

    PlannedPaymentRules(PaymentRules.Ledger ledger, PaymentRules.Options options, RowErrors errors) {
        this.ledger = ledger;
        this.options = options;
        this.errors = errors;
    }

    /** Seed 003: "Payment amount exceeds order total", unless prepayments and overpayments are allowed. */
    boolean creditAllowed(BigDecimal amount, boolean prepayment, PaymentApplication.Plan plan) {
        if (plan.unapplied().signum() == 0 || options.allowOverpayment()) {
            return true;
        }
        errors.error(AMOUNT, PaymentRule.PAYMENT_EXCEEDS_ORDER_TOTAL, "Payment amount exceeds order total: payment "
                + amount.toPlainString() + ", open invoices it may pay " + plan.applied().toPlainString()
                + (prepayment ? " (a prepayment)" : "") + "; allow prepayments and overpayments to keep "
                + plan.unapplied().toPlainString() + " as a credit");
        return false;
    }

    /** The journals need the cash entity's AR control, unapplied credit and inter-entity accounts. */
    boolean accountsExistFor(PaymentMethod method, PaymentApplication.Plan plan) {
        Set<RoleAccounts.Need> needed = new LinkedHashSet<>();
        if (plan.unapplied().signum() > 0) {
            needed.add(new RoleAccounts.Need(method.entity(), AccountRole.AR_CONTROL)); // where credits wait without UNAPPLIED_CREDIT
        }
        for (PaymentApplication.Allocation allocation : plan.allocations()) {
            String entity = allocation.invoice().entity();
            needed.add(new RoleAccounts.Need(entity, AccountRole.AR_CONTROL));
            if (!allocation.invoice().currency().equals(ledger.entities().get(entity).baseCurrency())) {
                needed.add(new RoleAccounts.Need(entity, AccountRole.FX_GAIN_LOSS));
            }
            if (!entity.equals(method.entity())) {
                needed.add(new RoleAccounts.Need(entity, AccountRole.INTER_ENTITY));
                needed.add(new RoleAccounts.Need(method.entity(), AccountRole.INTER_ENTITY));
            }
        }
        List<String> missing = ledger.roleAccounts().missing(needed);
        missing.forEach(m -> errors.error(null, PaymentRule.ACCOUNT_ROLE_MISSING, m + ", which this payment needs"));
        return missing.isEmpty();
    }

    /** What the posting rules would refuse at commit: a closed period, an inactive cash account. */
    boolean postable(PaymentMethod method, PaymentApplication.Plan plan, LocalDate date) {
        Set<String> entitiesTouched = new TreeSet<>();
        if (!ledger.closedThrough().isEmpty()) {
            entitiesTouched.add(method.entity());
            plan.allocations().forEach(a -> entitiesTouched.add(a.invoice().entity()));
        }
        for (String entity : entitiesTouched) {
            LocalDate closed = ledger.closedThrough().get(entity);
            if (closed != null && !date.isAfter(closed)) {
                errors.error(DATE, PaymentRule.CLOSED_PERIOD, "the books of " + entity + " are closed through " + closed
                        + "; a payment dated " + date + " cannot be posted");
                return false;
            }
        }
        if (ledger.inactiveAccounts().contains(method.entity() + "/" + method.cashAccount())) {
            errors.error(PAYMENT_METHOD_ID, PaymentRule.INACTIVE_ACCOUNT, "the cash account " + method.cashAccount() + " of "
                    + method.entity() + " that " + method.id() + " pays into is inactive");
            return false;
        }
        return true;
    }

    /** Each invoice the row names that it does not pay, and why: a warning at INVOICE_NUMBERS, not a silent skip. */
    void namedInvoicesNotPaid(Party party, List<String> numbers, PaymentApplication.Plan plan, String currency, BigDecimal rate) {
        if (plan.rule() == PaymentApplication.Rule.PREPAYMENT || numbers.isEmpty()) {
            return;
        }
        Set<String> paid = new HashSet<>();
        plan.allocations().forEach(a -> paid.add(a.invoice().number()));
        for (String number : numbers) {
            if (!paid.contains(number)) {
                errors.warning(INVOICE_NUMBERS, PaymentRule.INVOICE_NOT_PAID, reasonNotPaid(party, number, plan, currency, rate));
            }
        }
    }

    /** Why a named invoice was not paid: from the party's open invoices, else from who owns that number. */
    String reasonNotPaid(Party party, String number, PaymentApplication.Plan plan, String currency, BigDecimal rate) {
        for (OpenInvoice own : ledger.openInvoices().getOrDefault(party.id(), List.of())) {
            if (!own.number().equals(number)) {
                continue;
            }
            if (own.openBalance().signum() == 0) {
                return "invoice " + number + " has nothing left open";
            }
            // in another currency and not payable from this one: that is why, whatever else the payment paid
            if (!own.currency().equals(currency) && (rate == null || plan.unapplied().signum() > 0)) {
                return "invoice " + number + " is in " + own.currency() + ": pay it in " + own.currency()
                        + ", or give EXCHANGE_RATE to pay it from the base currency";
            }
            return "invoice " + number + " was not reached: the payment was used up before it";
        }
        List<String> owners = ledger.invoiceOwners().apply(number);
        if (owners.isEmpty()) {
            return "no AR invoice " + number + " in the ledger";
        }
        if (!owners.contains(party.id())) {
            return "invoice " + number + " belongs to " + owners.get(0) + ", not " + party.id();
        }
        return "invoice " + number + " has nothing left open";
    }
}
