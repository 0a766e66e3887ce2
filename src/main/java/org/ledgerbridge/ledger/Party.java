package org.ledgerbridge.ledger;

/** A customer or vendor, owned by one financial entity. */
public record Party(String id, String name, PartyKind kind, String entity) {
}
