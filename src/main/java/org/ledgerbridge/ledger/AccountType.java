package org.ledgerbridge.ledger;

public enum AccountType { ASSET, LIABILITY, EQUITY, REVENUE, EXPENSE }
