package org.ledgerbridge.payments;

import org.ledgerbridge.ledger.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The application rules of seed 003 (iDMS payments), in this order:
 * <ol>
 *   <li>a prepayment is all credit for the party, whatever else the row says;</li>
 *   <li>INVOICE_NUMBERS: those invoices of the bill-to party, in the listed order;</li>
 *   <li>otherwise INVOICE_TYPES: open invoices of the first listed type, then the next ...;</li>
 *   <li>otherwise SOURCE_SYSTEMS: the same, by source system;</li>
 *   <li>when none of the given numbers, types or systems matches an open invoice (or none was
 *       given): the party's Dues invoices;</li>
 *   <li>what is left is an overpayment: an unapplied credit on general AR.</li>
 * </ol>
 * Within a type or system, and for dues, the oldest due date goes first, then the oldest
 * document date, then the document number.
 * <p>
 * A payment pays invoices in its own currency. A payment in the base currency given an exchange
 * rate also pays the invoices named in INVOICE_NUMBERS in the one foreign currency the first of
 * them is in, converted at that rate. Pure Java: no database, no Spring.
 */
public final class PaymentApplication {

    /** Invoices are paid oldest first. */
    public static final Comparator<OpenInvoice> OLDEST_FIRST = Comparator
            .comparing(OpenInvoice::dueDate, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(OpenInvoice::date)
            .thenComparing(OpenInvoice::number);

    public static final String DUES = "DUES";

    private PaymentApplication() {
    }

    /**
     * What a payment row asks for.
     *
     * @param baseCurrency the base currency of the entity that received it
     * @param exchangeRate the rate of the foreign currency (the payment's, or the named invoices') to the base; null for none
     */
    public record Request(Money payment, boolean prepayment, List<String> invoiceNumbers,
                          List<String> invoiceTypes, List<String> sourceSystems, String baseCurrency, BigDecimal exchangeRate) {

        /** A payment in the base currency without a rate: it pays invoices in its own currency only. */
        public Request(Money payment, boolean prepayment, List<String> invoiceNumbers, List<String> invoiceTypes,
                       List<String> sourceSystems) {
            this(payment, prepayment, invoiceNumbers, invoiceTypes, sourceSystems, payment.currency(), null);
        }
    }

    /**
     * One invoice paid: {@code amount} off its open balance, in its currency; {@code paid} of the
     * payment, in the payment's currency (the same unless a base-currency payment pays a foreign invoice).
     */
    public record Allocation(OpenInvoice invoice, BigDecimal amount, BigDecimal paid) {
    }

    public enum Rule { PREPAYMENT, INVOICE_NUMBERS, INVOICE_TYPES, SOURCE_SYSTEMS, DUES }

    /** The plan for one payment: the invoices it pays and what is left unapplied. */
    public record Plan(Rule rule, List<Allocation> allocations, BigDecimal unapplied) {

        /** What the payment applied to invoices, in its own currency. */
        public BigDecimal applied() {
            BigDecimal applied = BigDecimal.ZERO;
            for (Allocation allocation : allocations) {
                applied = applied.add(allocation.paid());
            }
            return applied;
        }
    }

    /**
     * Plans the payment against the party's open invoices (sorted oldest first) without changing
     * them; {@link #apply(Plan)} then takes the amounts off.
     */
    public static Plan plan(Request request, List<OpenInvoice> partyInvoices) {
        if (request.prepayment()) {
            return new Plan(Rule.PREPAYMENT, List.of(), request.payment().amount());
        }
        String foreign = foreignCurrencyPaid(request, partyInvoices);
        // loops, not streams: this runs for every payment of a file, over each of its party's invoices
        List<OpenInvoice> named = new ArrayList<>(); // open, in the payment's currency or the foreign one it pays
        List<OpenInvoice> payable = new ArrayList<>(); // open, in the payment's currency
        for (OpenInvoice invoice : partyInvoices) {
            if (invoice.isOpen()) {
                boolean own = request.payment().isIn(invoice.currency());
                if (own) {
                    payable.add(invoice);
                }
                if (own || invoice.currency().equals(foreign)) {
                    named.add(invoice);
                }
            }
        }
        List<OpenInvoice> byNumbers = inListedOrder(request.invoiceNumbers(), named, OpenInvoice::number);
        if (!byNumbers.isEmpty()) {
            return allocate(Rule.INVOICE_NUMBERS, request, byNumbers);
        }
        List<OpenInvoice> byTypes = inListedOrder(upper(request.invoiceTypes()), payable, i -> upperOrNull(i.invoiceType()));
        if (!byTypes.isEmpty()) {
            return allocate(Rule.INVOICE_TYPES, request, byTypes);
        }
        List<OpenInvoice> bySystems = inListedOrder(upper(request.sourceSystems()), payable, i -> upperOrNull(i.sourceSystem()));
        if (!bySystems.isEmpty()) {
            return allocate(Rule.SOURCE_SYSTEMS, request, bySystems);
        }
        List<OpenInvoice> dues = new ArrayList<>();
        for (OpenInvoice invoice : payable) {
            if (DUES.equalsIgnoreCase(invoice.invoiceType())) {
                dues.add(invoice);
            }
        }
        return allocate(Rule.DUES, request, dues);
    }

    /** Takes the plan's amounts off the invoices' open balances. */
    public static void apply(Plan plan) {
        for (Allocation allocation : plan.allocations()) {
            allocation.invoice().reduceBy(allocation.amount());
        }
    }

    /** For each listed key in order, the payable invoices with that key, oldest first. */
    private static List<OpenInvoice> inListedOrder(List<String> keys, List<OpenInvoice> payable, Function<OpenInvoice, String> key) {
        if (keys.isEmpty()) {
            return List.of();
        }
        List<OpenInvoice> ordered = new ArrayList<>();
        for (String wanted : keys) {
            for (OpenInvoice invoice : payable) {
                if (wanted.equals(key.apply(invoice)) && !ordered.contains(invoice)) {
                    ordered.add(invoice);
                }
            }
        }
        return ordered;
    }

    /** The foreign currency a base-currency payment with a rate pays: that of the first named open invoice not in the base. */
    private static String foreignCurrencyPaid(Request request, List<OpenInvoice> partyInvoices) {
        if (request.exchangeRate() == null || !request.payment().isIn(request.baseCurrency())) {
            return null;
        }
        for (String number : request.invoiceNumbers()) {
            for (OpenInvoice invoice : partyInvoices) {
                if (invoice.number().equals(number) && invoice.isOpen() && !invoice.currency().equals(request.baseCurrency())) {
                    return invoice.currency();
                }
            }
        }
        return null;
    }

    private static Plan allocate(Rule rule, Request request, List<OpenInvoice> invoices) {
        List<Allocation> allocations = new ArrayList<>();
        BigDecimal left = request.payment().amount();
        for (OpenInvoice invoice : invoices) {
            if (left.signum() == 0) {
                break;
            }
            if (request.payment().isIn(invoice.currency())) {
                BigDecimal paid = left.min(invoice.openBalance());
                allocations.add(new Allocation(invoice, paid, paid));
                left = left.subtract(paid);
                continue;
            }
            // a base-currency payment of a foreign invoice: what is left of it, in the invoice's currency, at the payment's rate
            int scale = invoice.openBalance().scale();
            BigDecimal canPay = left.divide(request.exchangeRate(), scale, RoundingMode.DOWN);
            BigDecimal amount = canPay.min(invoice.openBalance());
            if (amount.signum() == 0) {
                break;
            }
            BigDecimal paid = amount.compareTo(canPay) == 0 ? left
                    : amount.multiply(request.exchangeRate()).setScale(left.scale(), RoundingMode.HALF_EVEN).min(left);
            allocations.add(new Allocation(invoice, amount, paid));
            left = left.subtract(paid);
        }
        return new Plan(rule, allocations, left);
    }

    private static List<String> upper(List<String> values) {
        return values.isEmpty() ? values : values.stream().map(v -> v.toUpperCase(Locale.ROOT)).toList();
    }

    private static String upperOrNull(String value) {
        return value == null ? null : value.toUpperCase(Locale.ROOT);
    }
}
