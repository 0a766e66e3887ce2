package org.ledgerbridge.ledger;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The active account of each role in each entity's chart: "the AR control account of PSAB". */
public final class RoleAccounts {

    /** An account a posting needs: the one with this role in this entity's chart. */
    public record Need(String entity, AccountRole role) {
    }

    private final Map<Need, String> codes = new HashMap<>();

    public static RoleAccounts of(Collection<Account> accounts) {
        RoleAccounts roles = new RoleAccounts();
        for (Account account : accounts) {
            if (account.role() != null && account.active()) {
                roles.codes.put(new Need(account.entity(), account.role()), account.code());
            }
        }
        return roles;
    }

    /** The account code, or null when the entity's chart has no active account with that role. */
    public String of(String entity, AccountRole role) {
        return codes.get(new Need(entity, role));
    }

    /** Where a payment's unapplied credit waits: the unapplied-credit account, or AR control when the chart has none. */
    public String unappliedCredit(String entity) {
        String unapplied = of(entity, AccountRole.UNAPPLIED_CREDIT);
        return unapplied != null ? unapplied : of(entity, AccountRole.AR_CONTROL);
    }

    /** What the needed accounts lack, each as "the chart of E has no active ROLE account". */
    public List<String> missing(Collection<Need> needed) {
        return needed.stream().filter(need -> !codes.containsKey(need))
                .map(need -> "the chart of " + need.entity() + " has no active " + need.role() + " account").toList();
    }
}
