/**
 * The iMIS GL export: auto-batches split per entity and balanced between entities, converted to GL
 * files or imported into the ledger.
 */
@ApplicationModule(displayName = "iMIS", allowedDependencies = {"delivery", "imports", "ledger"})
package org.ledgerbridge.imis;

import org.springframework.modulith.ApplicationModule;
