package org.ledgerbridge.payments;

import org.ledgerbridge.ledger.Money;
import org.ledgerbridge.ledger.Party;
import org.ledgerbridge.ledger.PaymentMethod;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A row of a payments file, validated and planned: {@code received} is the amount and currency paid. {@code method} is null for "pay later";
 * {@code rate}: of the foreign currency (the payment's, or that of the foreign invoices it pays)
 * to the base, else null; {@code matched}: the same payment is in the ledger already.
 */
record Payment(long row, Party party, Money received, BigDecimal rate, PaymentMethod method, String cashEntity,
               LocalDate date, String checkNumber, PaymentApplication.Plan plan, boolean matched) {

    boolean payLater() {
        return method == null;
    }

    /** Its number in the ledger, also the number of the credit document it leaves. */
    String number(long importRunId) {
        return "PAY-" + importRunId + "-" + row;
    }
}
