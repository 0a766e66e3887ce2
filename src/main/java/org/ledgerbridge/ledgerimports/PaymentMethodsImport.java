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
import org.ledgerbridge.ledger.AccountType;
import org.ledgerbridge.ledger.LedgerSetup;
import org.ledgerbridge.ledger.PaymentMethod;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** `import payment-methods`: METHOD_ID, ENTITY, CASH_ACCOUNT (an asset account of that entity). */
@Component
class PaymentMethodsImport implements ImportKind<PaymentMethod> {

    static final String METHOD_ID = "METHOD_ID";
    static final String ENTITY = "ENTITY";
    static final String CASH_ACCOUNT = "CASH_ACCOUNT";

    private final LedgerSetup ledger;

    PaymentMethodsImport(LedgerSetup ledger) {
        this.ledger = ledger;
    }

    @Override
    public String name() {
        return "payment-methods";
    }

    @Override
    public List<ImportColumn> columns() {
        return List.of(ImportColumn.required(METHOD_ID), ImportColumn.required(ENTITY), ImportColumn.required(CASH_ACCOUNT));
    }

    @Override
    public Session<PaymentMethod> open(ImportOptions options, long importRunId) {
        Set<String> entities = ledger.entities().keySet();
        Map<String, Account> accounts = ledger.accounts().stream()
                .collect(Collectors.toMap(a -> a.entity() + "/" + a.code(), a -> a));
        Set<String> existing = ledger.paymentMethods().stream().map(PaymentMethod::id).collect(Collectors.toSet());
        Map<String, Long> seenInFile = new HashMap<>();
        LedgerSetup.Writer<PaymentMethod> writer = ledger.paymentMethodWriter();
        return new Session<>() {
            @Override
            public PaymentMethod validate(SourceRow row, RowErrors errors) {
                String id = KeyRules.code(row, METHOD_ID, 40, errors);
                String entity = Cells.required(row, ENTITY, 20, errors);
                String cash = Cells.required(row, CASH_ACCOUNT, 40, errors);
                if (entity != null && !entities.contains(entity)) {
                    errors.error(ENTITY, ImportRule.UNKNOWN_ENTITY, "no financial entity '" + entity + "'; import the financial entities first");
                } else if (entity != null && cash != null) {
                    Account account = accounts.get(entity + "/" + cash);
                    if (account == null) {
                        errors.error(CASH_ACCOUNT, ImportRule.UNKNOWN_ACCOUNT, "no account " + cash + " in the chart of " + entity);
                    } else if (account.type() != AccountType.ASSET) {
                        errors.error(CASH_ACCOUNT, ImportRule.CASH_ACCOUNT_NOT_ASSET, "account " + cash + " of " + entity + " is "
                                + account.type() + "; cash lands on an ASSET account");
                    }
                }
                if (id != null) {
                    KeyRules.uniqueInLedgerAndFile(id, "payment method " + id, existing.contains(id), seenInFile, row, METHOD_ID, errors);
                }
                return errors.currentRowHasErrors() ? null : new PaymentMethod(id, entity, cash);
            }

            @Override
            public void write(PaymentMethod method) {
                writer.add(method);
            }

            @Override
            public Map<String, Object> commit() {
                writer.close();
                return Map.of("paymentMethodsAdded", writer.count());
            }
        };
    }
}
