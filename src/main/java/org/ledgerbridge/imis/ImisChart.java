package org.ledgerbridge.imis;

import org.ledgerbridge.delivery.GlJournal;
import org.ledgerbridge.ledger.Account;
import org.ledgerbridge.ledger.AccountRole;
import org.ledgerbridge.ledger.FinancialEntity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the converter knows of the GL's chart: the ledger's, when one is set up, or nothing but
 * the defaults (every entity and account accepted, inter-entity account and currency as given,
 * account kind from the code's first digit: 1 assets, 2 liabilities, 3 equity, 4 income, else expenses).
 */
public final class ImisChart {

    private final Map<String, FinancialEntity> entities;
    private final Map<String, Account> accounts = new HashMap<>();
    private final String defaultInterEntityAccount;
    private final String defaultCurrency;

    private ImisChart(Map<String, FinancialEntity> entities, List<Account> accounts, String defaultInterEntityAccount,
                      String defaultCurrency) {
        this.entities = entities;
        accounts.forEach(a -> this.accounts.put(a.entity() + "/" + a.code(), a));
        this.defaultInterEntityAccount = defaultInterEntityAccount;
        this.defaultCurrency = defaultCurrency;
    }

    public static ImisChart of(Map<String, FinancialEntity> entities, List<Account> accounts) {
        return new ImisChart(entities, accounts, null, null);
    }

    /**
     * The ledger's chart, or, while the ledger holds none, no chart: every entity and account
     * accepted, due to / due from on {@code interEntityAccount}, amounts in {@code currency}.
     */
    public static ImisChart of(org.ledgerbridge.ledger.LedgerSetup setup, String interEntityAccount, String currency) {
        return setup.isEmpty() ? none(interEntityAccount, currency) : of(setup.entities(), setup.accounts());
    }

    public static ImisChart none(String interEntityAccount, String currency) {
        return new ImisChart(null, List.of(), interEntityAccount, currency);
    }

    /** The entity's chart for formats that declare accounts first; empty without a ledger. */
    List<org.ledgerbridge.delivery.GlFormat.ChartAccount> accountsOf(String entity) {
        return accounts.values().stream().filter(a -> a.entity().equals(entity))
                .map(a -> new org.ledgerbridge.delivery.GlFormat.ChartAccount(a.code(), a.name(), kind(entity, a.code()))).toList();
    }

    boolean checks() {
        return entities != null;
    }

    boolean hasEntity(String entity) {
        return entities == null || entities.containsKey(entity);
    }

    boolean hasAccount(String entity, String account) {
        return entities == null || accounts.containsKey(entity + "/" + account);
    }

    Optional<String> interEntityAccount(String entity) {
        if (entities == null) {
            return Optional.ofNullable(defaultInterEntityAccount);
        }
        return accounts.values().stream().filter(a -> a.entity().equals(entity) && a.role() == AccountRole.INTER_ENTITY)
                .map(Account::code).findFirst();
    }

    String currency(String entity) {
        return entities == null ? defaultCurrency : entities.get(entity).baseCurrency();
    }

    GlJournal.AccountKind kind(String entity, String code) {
        Account account = accounts.get(entity + "/" + code);
        if (account != null) {
            return GlJournal.AccountKind.of(account.type());
        }
        return switch (code.isEmpty() ? '9' : code.charAt(0)) {
            case '1' -> GlJournal.AccountKind.ASSETS;
            case '2' -> GlJournal.AccountKind.LIABILITIES;
            case '3' -> GlJournal.AccountKind.EQUITY;
            case '4' -> GlJournal.AccountKind.INCOME;
            default -> GlJournal.AccountKind.EXPENSES;
        };
    }
}
