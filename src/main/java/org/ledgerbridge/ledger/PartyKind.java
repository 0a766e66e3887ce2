package org.ledgerbridge.ledger;

public enum PartyKind { CUSTOMER, VENDOR }
