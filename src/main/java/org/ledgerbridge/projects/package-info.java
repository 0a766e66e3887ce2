/**
 * Project balances and their import.
 */
@ApplicationModule(displayName = "Projects", allowedDependencies = {"imports", "ledger", "receivables", "storage"})
package org.ledgerbridge.projects;

import org.springframework.modulith.ApplicationModule;
