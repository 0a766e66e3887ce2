package org.ledgerbridge.users;

import org.ledgerbridge.ledger.ErrorCode;

/** The codes of users and API tokens: why a login or a token is not added, changed or removed. */
public enum UserRule implements ErrorCode {
    /** There is no (enabled) user of that name. */
    NO_SUCH_USER,
    /** A user name is 1 to 64 letters, digits, '.', '_', '@' or '-'. */
    INVALID_USERNAME,
    /** There is already a user of that name. */
    USER_EXISTS,
    /** The password is shorter than the least length. */
    PASSWORD_TOO_SHORT,
    /** The current password given is not right; the password is unchanged. */
    WRONG_PASSWORD,
    /** The last enabled ADMIN is not disabled or demoted: add or enable another first. */
    LAST_ADMIN,
    /** A token's name is 1 to 80 characters, saying what uses it. */
    INVALID_NAME,
    /** A token's role is at most its user's role. */
    ROLE_ABOVE_USER,
    /** There is no token of that id (of that user). */
    NO_SUCH_TOKEN
}
