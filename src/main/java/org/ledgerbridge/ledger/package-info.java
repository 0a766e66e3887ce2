/**
 * Financial entities, the chart of accounts, parties, batches and journals: posting
 * (JournalRules), numbering, reversal, closed periods, the ledger check and its reports.
 */
@ApplicationModule(displayName = "Ledger", allowedDependencies = {"storage"})
package org.ledgerbridge.ledger;

import org.springframework.modulith.ApplicationModule;
