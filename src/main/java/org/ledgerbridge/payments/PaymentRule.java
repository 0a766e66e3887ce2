package org.ledgerbridge.payments;

import org.ledgerbridge.ledger.ErrorCode;

/**
 * The codes a payments file's rows are refused or warned with, and why a payments batch is not
 * voided: stable, in the reports, the API's problem details and the bad-input corpus. The cell
 * rules shared by every import (a required value, a number, a date) keep the codes of
 * {@code imports.ImportRule}.
 */
enum PaymentRule implements ErrorCode {
    /** AR is in migration mode: nothing is applied until it is turned off (the whole file, exit 3). */
    MIGRATION_MODE_ON,
    /** The row names a customer the ledger does not have. */
    UNKNOWN_CUSTOMER,
    /** The party named is a vendor, not a customer. */
    NOT_A_CUSTOMER,
    /** The row names a payment method the entity does not have. */
    UNKNOWN_PAYMENT_METHOD,
    /** A "pay later" row (no payment method) names its purchase order in CHECK_NUMBER. */
    PURCHASE_ORDER_REQUIRED,
    /** The currency is not an ISO 4217 currency code. */
    UNKNOWN_CURRENCY,
    /** A payment in a foreign currency without its exchange rate. */
    VALUE_REQUIRED,
    /** The exchange rate is zero or negative. */
    EXCHANGE_RATE_NOT_POSITIVE,
    /** The payment's amount is zero or negative. */
    AMOUNT_NOT_POSITIVE,
    /** The payment's amount has more decimals than its currency allows. */
    AMOUNT_EXCEEDS_CURRENCY_SCALE,
    /** IS_PREPAYMENT is not a yes or a no. */
    INVALID_VALUE,
    /** "Payment amount exceeds order total": a credit left over without leave to keep it. */
    PAYMENT_EXCEEDS_ORDER_TOTAL,
    /** The entity has no account in a role the payment's journal needs (AR control, unapplied credits, inter-entity). */
    ACCOUNT_ROLE_MISSING,
    /** The payment is dated in a period whose books are closed. */
    CLOSED_PERIOD,
    /** The payment method's cash account is inactive. */
    INACTIVE_ACCOUNT,
    /** A payments batch is not voided: the credit one of its payments left was applied to invoices since. */
    CREDIT_ALREADY_APPLIED,

    // warnings: the row is imported
    /** A row without a payment date is dated the business date. */
    DATE_DEFAULTED,
    /** The payment is in the ledger already (same customer, check number, amount and date): it is not applied twice. */
    MATCHED_EXISTING_PAYMENT,
    /** The same payment appears twice in the file: the second is not applied. */
    SAME_PAYMENT_IN_FILE,
    /** An invoice the row names was not paid (closed, another customer's, another currency, or the payment was used up). */
    INVOICE_NOT_PAID
}
