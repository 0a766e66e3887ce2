package org.ledgerbridge.receivables;

import org.ledgerbridge.ledger.ErrorCode;

/**
 * The receivables' codes: why a migrated document, an opening balance or a credit's application is
 * refused, why a migrated document is not released, and what the open-item check finds. The cell
 * rules every import shares keep the codes of {@code imports.ImportRule}.
 */
public enum DocumentRule implements ErrorCode {
    // applying a credit to an invoice (`documents apply` and the credit-applications import)
    /** No document of that number (of that party) is in the ledger. */
    DOCUMENT_NOT_FOUND,
    /** The number is a document of more than one entity or module: say which. */
    DOCUMENT_AMBIGUOUS,
    /** The document applied is not a credit (a payment, prepayment or credit memo). */
    NOT_A_CREDIT,
    /** The document applied to is not an invoice or debit memo. */
    NOT_AN_INVOICE,
    /** The migrated document is not released yet. */
    NOT_RELEASED,
    /** The credit and the invoice belong to different parties. */
    PARTY_MISMATCH,
    /** The credit and the invoice are in different currencies. */
    CURRENCY_MISMATCH,
    /** The credit and the invoice carry different exchange rates. */
    EXCHANGE_RATES_DIFFER,
    /** Nothing of the credit is left to apply. */
    CREDIT_USED_UP,
    /** The invoice is not open (closed, or on hold). */
    INVOICE_NOT_OPEN,
    /** The amount applied is zero or negative. */
    AMOUNT_NOT_POSITIVE,
    /** The amount applied has more decimals than its currency allows. */
    AMOUNT_EXCEEDS_CURRENCY_SCALE,
    /** The amount applied is more than what is left of the credit. */
    AMOUNT_EXCEEDS_CREDIT,
    /** The amount applied is more than the invoice's open balance. */
    AMOUNT_EXCEEDS_INVOICE,
    /** The entity has no account in a role the journal needs (AR control, unapplied credits). */
    ACCOUNT_ROLE_MISSING,
    /** The application is dated in a period whose books are closed. */
    CLOSED_PERIOD,
    /** The subledger is in migration mode: nothing is applied until it is turned off. */
    MIGRATION_MODE_ON,
    /** Nothing to apply: the party has no open credit and open invoice in one currency. */
    NOTHING_TO_APPLY,
    /** A warning: a row without a date is dated the business date. */
    DATE_DEFAULTED,

    // migrated documents
    /** PM holds projects: their records are imported as pro forma invoices and project transactions. */
    NOT_A_DOCUMENT_MODULE,
    /** The document type is not one of the module's types. */
    TYPE_NOT_IN_MODULE,
    /** The row names a party the ledger does not have: import the parties file first. */
    UNKNOWN_PARTY,
    /** An AR document belongs to a customer and an AP one to a vendor. */
    PARTY_KIND_MISMATCH,
    /** The due date is before the document date. */
    DUE_DATE_BEFORE_DOCUMENT_DATE,
    /** The open balance is negative. */
    OPEN_BALANCE_NEGATIVE,
    /** The open balance is more than the original amount. */
    OPEN_BALANCE_EXCEEDS_ORIGINAL,
    /** The retained amount is more than the open balance. */
    RETAINAGE_EXCEEDS_OPEN_BALANCE,
    /** The retainage percent is not between 0 and 100. */
    RETAINAGE_OUT_OF_RANGE,
    /** The exchange rate is zero or negative. */
    EXCHANGE_RATE_NOT_POSITIVE,
    /** A document in the base currency has the exchange rate 1. */
    EXCHANGE_RATE_MUST_BE_ONE,
    /** A document's tax comes from its tax zone and tax category: both or neither. */
    TAX_ZONE_AND_CATEGORY_TOGETHER,
    /** No tax zone of that name in the entity: import the tax zones first. */
    UNKNOWN_TAX_ZONE,
    /** No tax category of that name: import the tax categories first. */
    UNKNOWN_TAX_CATEGORY,
    /** No subledger (or PM) is in migration mode, and migrated records are released only while it is. */
    MIGRATION_MODE_OFF,
    /** No migrated record is waiting to be released. */
    NOTHING_TO_RELEASE,
    /** No document of that number. */
    UNKNOWN_DOCUMENT,
    /** The document was created in LedgerBridge, not migrated: it is changed through its own workflow. */
    NOT_A_MIGRATED_DOCUMENT,
    /** The migrated document was already released. */
    ALREADY_RELEASED,
    /** A migrated document is ON_HOLD or BALANCED until released. */
    INVALID_STATUS,
    /** The change names nothing to change. */
    NOTHING_TO_CHANGE,
    /** Migration mode stays on while migrated records are not released. */
    UNRELEASED_DOCUMENTS,

    // opening balances
    /** The customer account is not in the ledger: import the parties file first. */
    UNKNOWN_ACCOUNT,
    /** Opening balances are for customers; the account is a vendor. */
    ACCOUNT_NOT_A_CUSTOMER,
    /** The account already has a pending invoice from an earlier opening-balance file. */
    PENDING_INVOICE_EXISTS,
    /** A warning: the tax differs from what the tax zone and category give. */
    TAX_DIFFERS_FROM_ZONE,
    /** The cardline ex tax is zero: above zero is an invoice, below a credit. */
    CARDLINE_ZERO,
    /** The cardline's ex-tax amount and tax have different signs. */
    CARDLINE_SIGNS_DIFFER,
    /** A balance due is negative. */
    BALANCE_NEGATIVE,
    /** A credit (a negative cardline) has a balance due of 0.00. */
    BALANCE_MUST_BE_ZERO_FOR_CREDIT,
    /** The balance due is more than the cardline total. */
    BALANCE_EXCEEDS_CARDLINE,
    /** The due date is before the issue date. */
    DUE_DATE_BEFORE_ISSUE_DATE,
    /** The due date is in the past. */
    DUE_DATE_IN_PAST,
    /** The invoice's service period starts after it ends. */
    INVOICE_START_AFTER_END,

    // what the open-item check finds
    /** A document's open balance differs from its original amount less its applications. */
    OPEN_BALANCE_INCONSISTENT,
    /** A document's status does not match its open balance. */
    DOCUMENT_STATUS_INCONSISTENT
}
