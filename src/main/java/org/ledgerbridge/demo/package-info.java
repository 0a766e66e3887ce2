/**
 * The demo ledger of serve --demo and the generated files of the benchmarks.
 */
@ApplicationModule(displayName = "Demo", allowedDependencies = {"delivery", "imports", "ledger", "receivables"})
package org.ledgerbridge.demo;

import org.springframework.modulith.ApplicationModule;
