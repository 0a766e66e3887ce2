package org.ledgerbridge.ledger;

/** What is sold or billed, taxable or not: a document's tax is its zone's rate for a taxable category, none otherwise. */
public record TaxCategory(String category, boolean taxable) {
}
