package org.ledgerbridge.ledger;

/**
 * A refusal's or a warning's stable code: a constant of its module's one enum of codes (such as
 * {@link PostingRule}), whose name scripts, reports, the API's problem details and the bad-input
 * corpus rely on. Each constant's comment says what it means; {@code docs/error-codes.md} is
 * generated from them.
 */
public interface ErrorCode {

    String name();
}
