package org.ledgerbridge.receivables;

/** Why a credit is not applied to an invoice: the stable codes of `documents apply` and the credit-applications import. */
public enum CreditRule {
    DOCUMENT_NOT_FOUND,
    DOCUMENT_AMBIGUOUS,
    NOT_A_CREDIT,
    NOT_AN_INVOICE,
    NOT_RELEASED,
    PARTY_MISMATCH,
    CURRENCY_MISMATCH,
    EXCHANGE_RATES_DIFFER,
    CREDIT_USED_UP,
    INVOICE_NOT_OPEN,
    AMOUNT_NOT_POSITIVE,
    AMOUNT_EXCEEDS_CURRENCY_SCALE,
    AMOUNT_EXCEEDS_CREDIT,
    AMOUNT_EXCEEDS_INVOICE,
    ACCOUNT_ROLE_MISSING,
    CLOSED_PERIOD,
    MIGRATION_MODE_ON,
    NOTHING_TO_APPLY
}
