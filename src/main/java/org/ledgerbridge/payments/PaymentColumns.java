package org.ledgerbridge.payments;

/** The columns of a payments file (seed 003's iDMS layout, plus currency and rate). */
final class PaymentColumns {

    static final String BILL_TO_ID = "BILL_TO_ID";
    static final String AMOUNT = "AMOUNT";
    static final String PAYMENT_METHOD_ID = "PAYMENT_METHOD_ID";
    static final String DATE = "DATE";
    static final String CHECK_NUMBER = "CHECK_NUMBER";
    static final String INVOICE_NUMBERS = "INVOICE_NUMBERS";
    static final String INVOICE_TYPES = "INVOICE_TYPES";
    static final String SOURCE_SYSTEMS = "SOURCE_SYSTEMS";
    static final String IS_PREPAYMENT = "IS_PREPAYMENT";
    static final String CURRENCY = "CURRENCY";
    static final String EXCHANGE_RATE = "EXCHANGE_RATE";

    private PaymentColumns() {
    }
}
