package org.ledgerbridge.payments;

/**
 * The codes a payments file's rows are refused or warned with: stable, in the reports, the API's
 * problem details and the bad-input corpus. The cell rules shared by every import (a required
 * value, a number, a date) keep the codes of {@code imports.Cells}.
 */
enum PaymentRule {
    /** AR is in migration mode: nothing is applied until it is turned off (the whole file, exit 3). */
    MIGRATION_MODE_ON,
    UNKNOWN_CUSTOMER,
    NOT_A_CUSTOMER,
    UNKNOWN_PAYMENT_METHOD,
    /** A "pay later" row (no payment method) names its purchase order in CHECK_NUMBER. */
    PURCHASE_ORDER_REQUIRED,
    UNKNOWN_CURRENCY,
    /** A payment in a foreign currency without its exchange rate. */
    VALUE_REQUIRED,
    EXCHANGE_RATE_NOT_POSITIVE,
    AMOUNT_NOT_POSITIVE,
    AMOUNT_EXCEEDS_CURRENCY_SCALE,
    /** IS_PREPAYMENT is not a yes or a no. */
    INVALID_VALUE,
    /** Seed 003's "Payment amount exceeds order total": a credit left over without leave to keep it. */
    PAYMENT_EXCEEDS_ORDER_TOTAL,
    ACCOUNT_ROLE_MISSING,
    CLOSED_PERIOD,
    INACTIVE_ACCOUNT,

    // warnings: the row is imported
    DATE_DEFAULTED,
    MATCHED_EXISTING_PAYMENT,
    SAME_PAYMENT_IN_FILE,
    INVOICE_NOT_PAID
}
