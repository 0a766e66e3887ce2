package org.ledgerbridge.payments;

import org.ledgerbridge.ledger.Currencies;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The report's summary of a payments import: counted as rows are validated, so that a dry run's preview shows them too. */
final class PaymentTotals {

    private static final int ROWS_DETAILED_IN_REPORT = 1000;

    private long payments;
    private long payLater;
    private long matched;
    private BigDecimal received = BigDecimal.ZERO;
    private BigDecimal applied = BigDecimal.ZERO;
    private BigDecimal credits = BigDecimal.ZERO;
    private final List<Map<String, Object>> rows = new ArrayList<>();

    Payment count(Payment payment) {
        if (payment.matched()) {
            matched++;
        } else if (payment.payLater()) {
            payLater++;
            detail(payment, "pay later");
        } else {
            payments++;
            received = received.add(payment.received().amount());
            applied = applied.add(payment.plan().applied());
            credits = credits.add(payment.plan().unapplied());
            detail(payment, "paid");
        }
        return payment;
    }

    private void detail(Payment payment, String what) {
        if (rows.size() >= ROWS_DETAILED_IN_REPORT) {
            return;
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("row", payment.row());
        row.put("billTo", payment.party().id());
        row.put("amount", payment.received().amount().toPlainString());
        row.put("action", what);
        row.put("rule", payment.plan().rule().name());
        row.put("paid", payment.plan().allocations().stream()
                .map(a -> Map.of("document", a.invoice().number(), "entity", a.invoice().entity(), "amount", a.amount().toPlainString()))
                .toList());
        row.put("unapplied", payment.payLater() ? "0.00" : payment.plan().unapplied().toPlainString());
        rows.add(row);
    }

    /** The preview of a dry run: what is known before anything is written. */
    Map<String, Object> preview() {
        Map<String, Object> preview = summary(0, List.of());
        preview.remove("invoicesClosed"); // known once the applications are written
        preview.remove("batches");
        return preview;
    }

    Map<String, Object> summary(long invoicesClosed, List<String> batches) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("payments", payments);
        summary.put("amountReceived", Currencies.atLeastCents(received).toPlainString());
        summary.put("amountApplied", Currencies.atLeastCents(applied).toPlainString());
        summary.put("creditsCreated", Currencies.atLeastCents(credits).toPlainString());
        summary.put("invoicesClosed", invoicesClosed);
        summary.put("payLaterRows", payLater);
        summary.put("matchedRows", matched);
        summary.put("batches", batches);
        summary.put("rows", rows);
        return summary;
    }
}
