package org.ledgerbridge.ledger;

/** An account of one entity's chart; {@code role} is null for ordinary accounts. */
public record Account(String entity, String code, String name, AccountType type, AccountRole role, boolean active) {
}
