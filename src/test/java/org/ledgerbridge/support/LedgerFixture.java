package org.ledgerbridge.support;

import org.ledgerbridge.ledger.Account;
import org.ledgerbridge.ledger.AccountRole;
import org.ledgerbridge.ledger.AccountType;
import org.ledgerbridge.ledger.BatchService;
import org.ledgerbridge.ledger.BatchType;
import org.ledgerbridge.ledger.FinancialEntity;
import org.ledgerbridge.ledger.LedgerSetup;
import org.ledgerbridge.ledger.Party;
import org.ledgerbridge.ledger.PartyKind;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Small charts of accounts for tests, in the words of the seeds: an association ("PSAB") with
 * cash, AR, dues revenue and an inactive old account.
 */
public final class LedgerFixture {

    private static final AtomicInteger ENTITIES = new AtomicInteger();

    private final LedgerSetup setup;
    private final BatchService batches;
    private final TransactionTemplate transaction;

    public LedgerFixture(LedgerSetup setup, BatchService batches, PlatformTransactionManager transactions) {
        this.setup = setup;
        this.batches = batches;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** A new entity with accounts 1010 cash, 1200 AR control, 4000 dues revenue, 4999 inactive, and party M-&lt;code&gt;. */
    public String association(String currency) {
        String code = "E" + ENTITIES.incrementAndGet() + "_" + Long.toString(System.nanoTime() % 100000, 36).toUpperCase();
        transaction.executeWithoutResult(tx -> {
            try (var entities = setup.entityWriter()) {
                entities.add(new FinancialEntity(code, "Association " + code, currency));
            }
            try (var accounts = setup.accountWriter()) {
                accounts.add(new Account(code, "1010", "Operating Cash", AccountType.ASSET, null, true));
                accounts.add(new Account(code, "1200", "Accounts Receivable", AccountType.ASSET, AccountRole.AR_CONTROL, true));
                accounts.add(new Account(code, "4000", "Dues Revenue", AccountType.REVENUE, null, true));
                accounts.add(new Account(code, "4999", "Old Revenue (closed)", AccountType.REVENUE, null, false));
            }
            try (var parties = setup.partyWriter()) {
                parties.add(new Party("M-" + code, "Borough member of " + code, PartyKind.CUSTOMER, code));
            }
        });
        return code;
    }

    public long openBatch() {
        return batches.open(BatchType.INVOICE, "test").id();
    }
}
