package org.ledgerbridge.ledger;

/** A broken ledger invariant found by `check`: a stable code, what it concerns, and the numbers. */
public record Violation(ErrorCode code, String subject, String message) {
}
