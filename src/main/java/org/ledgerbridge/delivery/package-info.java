/**
 * The general ledger side: export formats and files, GL targets and account mappings, validate,
 * send and mark as sent, each journal delivered once.
 */
@ApplicationModule(displayName = "Delivery", allowedDependencies = {"imports", "ledger", "storage"})
package org.ledgerbridge.delivery;

import org.springframework.modulith.ApplicationModule;
