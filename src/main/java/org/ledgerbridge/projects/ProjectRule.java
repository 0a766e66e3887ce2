package org.ledgerbridge.projects;

import org.ledgerbridge.ledger.ErrorCode;

/** The projects' codes: why a project, a pro forma invoice or a project transaction is refused. */
public enum ProjectRule implements ErrorCode {
    /** No project of that id: import the projects file first. */
    UNKNOWN_PROJECT,
    /** A pro forma invoice names an AR document the ledger does not have. */
    UNKNOWN_AR_DOCUMENT,
    /** A pro forma invoice names an AR document of a customer other than the project's. */
    AR_DOCUMENT_OF_ANOTHER_CUSTOMER,
    /** A migrated project transaction has a debit account only: with a credit account its release would post to the GL. */
    PROJECT_CREDIT_ACCOUNT_NOT_ALLOWED
}
