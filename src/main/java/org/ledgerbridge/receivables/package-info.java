/**
 * AR and AP documents, their applications and open balances, migrated documents and migration
 * mode, credits applied, aging and reconciliation.
 */
@ApplicationModule(displayName = "Receivables", allowedDependencies = {"imports", "ledger", "storage"})
package org.ledgerbridge.receivables;

import org.springframework.modulith.ApplicationModule;
