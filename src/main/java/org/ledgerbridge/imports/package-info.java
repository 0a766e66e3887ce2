/**
 * Reading files (CSV, XLSX) under the file contract: mapping profiles, row errors, previews,
 * import runs; each file kind is an ImportKind of the package that owns what it writes.
 */
@ApplicationModule(displayName = "Imports", allowedDependencies = {"ledger"})
package org.ledgerbridge.imports;

import org.springframework.modulith.ApplicationModule;
