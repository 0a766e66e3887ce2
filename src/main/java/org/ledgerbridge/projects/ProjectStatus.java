package org.ledgerbridge.projects;

/** Where a project stands, as the system it is migrated from says. */
public enum ProjectStatus { PLANNED, ACTIVE, ON_HOLD, SUSPENDED, COMPLETED, CANCELED }
