package org.ledgerbridge.users;

/**
 * What a login may do. Each role may also do everything of the roles before it:
 * VIEWER reads; PREPARER imports and sets batch status; APPROVER posts, exports, sends to the GL
 * and marks as sent; ADMIN changes settings, users and migration mode.
 */
public enum Role {
    VIEWER, PREPARER, APPROVER, ADMIN;

    public boolean includes(Role other) {
        return compareTo(other) >= 0;
    }

    /** Spring Security's authority name: ROLE_VIEWER, ... */
    public String authority() {
        return "ROLE_" + name();
    }
}
