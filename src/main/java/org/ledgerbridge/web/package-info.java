/**
 * The screens (Thymeleaf, htmx): an adapter over the services, no rule of its own.
 */
@ApplicationModule(displayName = "Web", allowedDependencies = {"delivery", "imis", "imports", "ledger", "payments", "projects", "receivables", "users"})
package org.ledgerbridge.web;

import org.springframework.modulith.ApplicationModule;
