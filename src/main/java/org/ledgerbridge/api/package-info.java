/**
 * The REST API under /api (OpenAPI, problem details): an adapter over the services, no rule of its
 * own.
 */
@ApplicationModule(displayName = "REST API", allowedDependencies = {"delivery", "imis", "imports", "ledger", "payments", "projects", "receivables", "users", "web"})
package org.ledgerbridge.api;

import org.springframework.modulith.ApplicationModule;
