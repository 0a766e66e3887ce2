package org.ledgerbridge.payments;

import java.math.BigDecimal;
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
 * document date, then the document number. Pure Java: no database, no Spring.
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

    /** What a payment row asks for. */
    public record Request(BigDecimal amount, String currency, boolean prepayment, List<String> invoiceNumbers,
                          List<String> invoiceTypes, List<String> sourceSystems) {
    }

    /** One invoice paid, and by how much. */
    public record Allocation(OpenInvoice invoice, BigDecimal amount) {
    }

    public enum Rule { PREPAYMENT, INVOICE_NUMBERS, INVOICE_TYPES, SOURCE_SYSTEMS, DUES }

    /** The plan for one payment: the invoices it pays and what is left unapplied. */
    public record Plan(Rule rule, List<Allocation> allocations, BigDecimal unapplied) {

        public BigDecimal applied() {
            return allocations.stream().map(Allocation::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    /**
     * Plans the payment against the party's open invoices (sorted oldest first) without changing
     * them; {@link #apply(Plan)} then takes the amounts off.
     */
    public static Plan plan(Request request, List<OpenInvoice> partyInvoices) {
        if (request.prepayment()) {
            return new Plan(Rule.PREPAYMENT, List.of(), request.amount());
        }
        List<OpenInvoice> payable = partyInvoices.stream()
                .filter(OpenInvoice::isOpen)
                .filter(i -> i.currency().equals(request.currency()))
                .toList();
        List<OpenInvoice> byNumbers = inListedOrder(request.invoiceNumbers(), payable, OpenInvoice::number);
        if (!byNumbers.isEmpty()) {
            return allocate(Rule.INVOICE_NUMBERS, request.amount(), byNumbers);
        }
        List<OpenInvoice> byTypes = inListedOrder(upper(request.invoiceTypes()), payable, i -> upperOrNull(i.invoiceType()));
        if (!byTypes.isEmpty()) {
            return allocate(Rule.INVOICE_TYPES, request.amount(), byTypes);
        }
        List<OpenInvoice> bySystems = inListedOrder(upper(request.sourceSystems()), payable, i -> upperOrNull(i.sourceSystem()));
        if (!bySystems.isEmpty()) {
            return allocate(Rule.SOURCE_SYSTEMS, request.amount(), bySystems);
        }
        List<OpenInvoice> dues = payable.stream().filter(i -> DUES.equalsIgnoreCase(i.invoiceType())).toList();
        return allocate(Rule.DUES, request.amount(), dues);
    }

    /** Takes the plan's amounts off the invoices' open balances. */
    public static void apply(Plan plan) {
        for (Allocation allocation : plan.allocations()) {
            allocation.invoice().reduceBy(allocation.amount());
        }
    }

    /** For each listed key in order, the payable invoices with that key, oldest first. */
    private static List<OpenInvoice> inListedOrder(List<String> keys, List<OpenInvoice> payable, Function<OpenInvoice, String> key) {
        List<OpenInvoice> ordered = new ArrayList<>();
        for (String wanted : keys) {
            payable.stream().filter(i -> wanted.equals(key.apply(i))).filter(i -> !ordered.contains(i)).forEach(ordered::add);
        }
        return ordered;
    }

    private static Plan allocate(Rule rule, BigDecimal amount, List<OpenInvoice> invoices) {
        List<Allocation> allocations = new ArrayList<>();
        BigDecimal left = amount;
        for (OpenInvoice invoice : invoices) {
            if (left.signum() == 0) {
                break;
            }
            BigDecimal paid = left.min(invoice.openBalance());
            allocations.add(new Allocation(invoice, paid));
            left = left.subtract(paid);
        }
        return new Plan(rule, allocations, left);
    }

    private static List<String> upper(List<String> values) {
        return values.stream().map(v -> v.toUpperCase(Locale.ROOT)).toList();
    }

    private static String upperOrNull(String value) {
        return value == null ? null : value.toUpperCase(Locale.ROOT);
    }
}
