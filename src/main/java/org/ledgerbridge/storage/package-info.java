/**
 * The embedded PostgreSQL server shared by the processes of one data dir, and COPY in and out of
 * the database.
 */
@ApplicationModule(displayName = "Storage", allowedDependencies = {})
package org.ledgerbridge.storage;

import org.springframework.modulith.ApplicationModule;
