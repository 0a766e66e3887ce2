/**
 * The ledger's own import kinds, beside the ledger: its set-up (financial entities, accounts,
 * parties, payment methods, tax zones and categories) and its GL files (GL transactions, trial
 * balances). The ledger cannot use the imports (the imports use the ledger), so its kinds live here.
 */
@ApplicationModule(displayName = "Ledger imports", allowedDependencies = {"imports", "ledger"})
package org.ledgerbridge.ledgerimports;

import org.springframework.modulith.ApplicationModule;
