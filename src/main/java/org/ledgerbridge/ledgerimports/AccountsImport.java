package org.ledgerbridge.ledgerimports;

import org.ledgerbridge.imports.ImportRule;
import org.ledgerbridge.imports.Cells;
import org.ledgerbridge.imports.KeyRules;
import org.ledgerbridge.imports.ImportColumn;
import org.ledgerbridge.imports.ImportKind;
import org.ledgerbridge.imports.ImportOptions;
import org.ledgerbridge.imports.RowErrors;
import org.ledgerbridge.imports.SourceRow;
import org.ledgerbridge.ledger.Account;
import org.ledgerbridge.ledger.AccountRole;
import org.ledgerbridge.ledger.AccountType;
import org.ledgerbridge.ledger.LedgerSetup;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** `import accounts`: ENTITY, ACCOUNT, NAME, TYPE, ROLE (optional). */
@Component
class AccountsImport implements ImportKind<Account> {

    static final String ENTITY = "ENTITY";
    static final String ACCOUNT = "ACCOUNT";
    static final String NAME = "NAME";
    static final String TYPE = "TYPE";
    static final String ROLE = "ROLE";

    private final LedgerSetup ledger;

    AccountsImport(LedgerSetup ledger) {
        this.ledger = ledger;
    }

    @Override
    public String name() {
        return "accounts";
    }

    @Override
    public List<ImportColumn> columns() {
        return List.of(ImportColumn.required(ENTITY), ImportColumn.required(ACCOUNT), ImportColumn.required(NAME),
                ImportColumn.required(TYPE), ImportColumn.optional(ROLE));
    }

    @Override
    public Session<Account> open(ImportOptions options, long importRunId) {
        Set<String> entities = ledger.entities().keySet();
        Set<String> existingAccounts = new HashSet<>();
        Map<String, String> roleHolders = new HashMap<>();
        for (Account account : ledger.accounts()) {
            existingAccounts.add(account.entity() + "/" + account.code());
            if (account.role() != null) {
                roleHolders.put(account.entity() + "/" + account.role(), "account " + account.code() + " in the ledger");
            }
        }
        Map<String, Long> seenInFile = new HashMap<>();
        LedgerSetup.Writer<Account> writer = ledger.accountWriter();
        return new Session<>() {
            @Override
            public Account validate(SourceRow row, RowErrors errors) {
                String entity = Cells.required(row, ENTITY, 20, errors);
                if (entity != null && !entities.contains(entity)) {
                    errors.error(ENTITY, ImportRule.UNKNOWN_ENTITY, "no financial entity '" + entity + "'; import the financial entities first");
                }
                String code = KeyRules.code(row, ACCOUNT, 40, errors);
                String name = Cells.required(row, NAME, 200, errors);
                AccountType type = Cells.oneOf(row, TYPE, AccountType.class, true, errors);
                AccountRole role = Cells.oneOf(row, ROLE, AccountRole.class, false, errors);
                if (role != null && type != null && !role.fits(type)) {
                    errors.error(ROLE, ImportRule.ROLE_TYPE_MISMATCH, "a " + role + " account must be of type "
                            + role.allowedTypes() + ", not " + type);
                }
                if (entity != null && code != null) {
                    KeyRules.uniqueInLedgerAndFile(entity + "/" + code, "account " + code + " of " + entity,
                            existingAccounts.contains(entity + "/" + code), seenInFile, row, ACCOUNT, errors);
                }
                if (entity != null && role != null && !errors.currentRowHasErrors()) {
                    String holder = roleHolders.putIfAbsent(entity + "/" + role, "account " + code + " on row " + row.number());
                    if (holder != null) {
                        errors.error(ROLE, ImportRule.DUPLICATE_ROLE, entity + " already has its " + role + " account: " + holder);
                    }
                }
                return errors.currentRowHasErrors() ? null : new Account(entity, code, name, type, role, true);
            }

            @Override
            public void write(Account account) {
                writer.add(account);
            }

            @Override
            public Map<String, Object> commit() {
                writer.close();
                return Map.of("accountsAdded", writer.count());
            }
        };
    }
}
