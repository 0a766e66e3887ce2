package org.ledgerbridge.ledger;

import java.util.Set;

/** What an account is for, so that postings can find "the AR control account of PSAB". */
public enum AccountRole {
    AR_CONTROL(Set.of(AccountType.ASSET)),
    AP_CONTROL(Set.of(AccountType.LIABILITY)),
    UNAPPLIED_CREDIT(Set.of(AccountType.LIABILITY)),
    TAX_PAYABLE(Set.of(AccountType.LIABILITY)),
    OPENING_BALANCE(Set.of(AccountType.EQUITY)),
    INTER_ENTITY(Set.of(AccountType.ASSET, AccountType.LIABILITY)),
    /** Realized exchange gains and losses when a foreign-currency document is paid at another rate than it was carried at. */
    FX_GAIN_LOSS(Set.of(AccountType.REVENUE, AccountType.EXPENSE));

    private final Set<AccountType> allowedTypes;

    AccountRole(Set<AccountType> allowedTypes) {
        this.allowedTypes = allowedTypes;
    }

    /** An AR control account that is not an asset is a chart-of-accounts mistake, not a choice. */
    public boolean fits(AccountType type) {
        return allowedTypes.contains(type);
    }

    public Set<AccountType> allowedTypes() {
        return allowedTypes;
    }
}
