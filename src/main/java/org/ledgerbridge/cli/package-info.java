/**
 * The commands (picocli): an adapter over the services, no rule of its own.
 */
@ApplicationModule(displayName = "Command line", allowedDependencies = {"delivery", "demo", "imis", "imports", "ledger", "payments", "projects", "receivables", "storage", "users"})
package org.ledgerbridge.cli;

import org.springframework.modulith.ApplicationModule;
