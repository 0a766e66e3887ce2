/**
 * Staff logins, roles and API tokens.
 */
@ApplicationModule(displayName = "Users", allowedDependencies = {"ledger"})
package org.ledgerbridge.users;

import org.springframework.modulith.ApplicationModule;
