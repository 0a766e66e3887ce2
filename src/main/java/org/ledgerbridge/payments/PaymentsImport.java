package org.ledgerbridge.payments;

import org.ledgerbridge.ledger.ErrorCode;
import org.ledgerbridge.imports.ImportColumn;
import org.ledgerbridge.imports.ImportKind;
import org.ledgerbridge.imports.ImportOptions;
import org.ledgerbridge.imports.RowErrors;
import org.ledgerbridge.imports.SourceRow;
import org.ledgerbridge.ledger.Account;
import org.ledgerbridge.ledger.BatchService;
import org.ledgerbridge.ledger.FinancialEntity;
import org.ledgerbridge.ledger.LedgerSettings;
import org.ledgerbridge.ledger.LedgerSetup;
import org.ledgerbridge.ledger.Party;
import org.ledgerbridge.ledger.PaymentGlDetail;
import org.ledgerbridge.ledger.PaymentMethod;
import org.ledgerbridge.ledger.PostingService;
import org.ledgerbridge.ledger.RoleAccounts;
import org.ledgerbridge.receivables.Documents;
import org.ledgerbridge.receivables.MigrationMode;
import org.ledgerbridge.receivables.NewDocument;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.ledgerbridge.imports.ImportColumn.optional;
import static org.ledgerbridge.imports.ImportColumn.required;
import static org.ledgerbridge.payments.PaymentColumns.AMOUNT;
import static org.ledgerbridge.payments.PaymentColumns.BILL_TO_ID;
import static org.ledgerbridge.payments.PaymentColumns.CHECK_NUMBER;
import static org.ledgerbridge.payments.PaymentColumns.CURRENCY;
import static org.ledgerbridge.payments.PaymentColumns.DATE;
import static org.ledgerbridge.payments.PaymentColumns.EXCHANGE_RATE;
import static org.ledgerbridge.payments.PaymentColumns.INVOICE_NUMBERS;
import static org.ledgerbridge.payments.PaymentColumns.INVOICE_TYPES;
import static org.ledgerbridge.payments.PaymentColumns.IS_PREPAYMENT;
import static org.ledgerbridge.payments.PaymentColumns.PAYMENT_METHOD_ID;
import static org.ledgerbridge.payments.PaymentColumns.SOURCE_SYSTEMS;

/**
 * `import payments`: the iDMS payments file of seed 003. Wires the rules ({@link PaymentRules}),
 * the journals ({@link PaymentJournals}, summed by {@link DepositJournals}) and the writing
 * ({@link PaymentStore}) into the import pipeline, and reads once what the rules need of the ledger.
 * The import's option {@code gl-detail} (deposit or payment) overrides each cash entity's setting.
 */
@Component
class PaymentsImport implements ImportKind<Payment> {

    /** The import option choosing deposit journals or a journal per payment for the whole file. */
    static final String GL_DETAIL = "gl-detail";

    private final LedgerSetup ledger;
    private final LedgerSettings settings;
    private final BatchService batches;
    private final PostingService posting;
    private final Documents documents;
    private final MigrationMode migrationMode;
    private final JdbcClient jdbc;
    private final DataSource dataSource;

    PaymentsImport(LedgerSetup ledger, LedgerSettings settings, BatchService batches, PostingService posting, Documents documents,
                   MigrationMode migrationMode, JdbcClient jdbc, DataSource dataSource) {
        this.ledger = ledger;
        this.settings = settings;
        this.batches = batches;
        this.posting = posting;
        this.documents = documents;
        this.migrationMode = migrationMode;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    @Override
    public String name() {
        return "payments";
    }

    @Override
    public List<ImportColumn> columns() {
        return List.of(required(BILL_TO_ID), required(AMOUNT), required(PAYMENT_METHOD_ID), optional(DATE), optional(CHECK_NUMBER),
                optional(INVOICE_NUMBERS), optional(INVOICE_TYPES), optional(SOURCE_SYSTEMS), optional(IS_PREPAYMENT), optional(CURRENCY),
                optional(EXCHANGE_RATE));
    }

    @Override
    public Set<ErrorCode> ledgerRuleCodes() {
        return Set.of(PaymentRule.MIGRATION_MODE_ON, PaymentRule.CLOSED_PERIOD, PaymentRule.INACTIVE_ACCOUNT);
    }

    @Override
    public Session<Payment> open(ImportOptions options, long importRunId) {
        // one payments import at a time: each sees the balances the one before it left
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('ledgerbridge payments import'))").query(Object.class).list();
        boolean matching = "insert-with-matching".equals(options.flags().getOrDefault("action", "insert"));
        PaymentRules.Ledger view = ledgerView(matching);
        PaymentRules rules = new PaymentRules(view, new PaymentRules.Options(
                options.flag("allow-overpayment") || settings.allowPrepaymentsAndOverpayments(), matching,
                migrationMode.isOn(NewDocument.Module.AR), options.asOf()));
        PaymentGlDetail chosen = PaymentGlDetail.parse(options.flags().get(GL_DETAIL)).orElse(null);
        Map<String, PaymentGlDetail> perEntity = chosen == null ? settings.paymentGlDetail() : Map.of();
        PaymentJournals journals = new PaymentJournals(view.entities(), view.roleAccounts());
        return new Session<>() {
            private final PaymentTotals totals = new PaymentTotals();
            private PaymentStore store;

            @Override
            public Payment validate(SourceRow row, RowErrors errors) {
                Payment payment = rules.validate(row, errors);
                return payment == null ? null : totals.count(payment);
            }

            @Override
            public void write(Payment payment) {
                if (payment.matched()) {
                    return;
                }
                if (store == null) {
                    store = new PaymentStore(batches, posting, documents, dataSource, view.entities(), view.openInvoices().values(),
                            journals, entity -> chosen != null ? chosen : perEntity.getOrDefault(entity, PaymentGlDetail.DEPOSIT),
                            importRunId, options.actor());
                }
                if (payment.payLater()) {
                    store.payLater(payment);
                } else {
                    store.paid(payment);
                }
            }

            @Override
            public Map<String, Object> preview() {
                return totals.preview();
            }

            @Override
            public Map<String, Object> commit() {
                if (store == null) {
                    return totals.summary(0, List.of());
                }
                store.close();
                return totals.summary(store.invoicesClosed(), store.batchNames());
            }
        };
    }

    /** What the rules check rows against, read once per import. */
    private PaymentRules.Ledger ledgerView(boolean matching) {
        Map<String, Party> parties = new HashMap<>();
        ledger.forEachParty(p -> parties.put(p.id(), p));
        Map<String, PaymentMethod> methods = new HashMap<>();
        ledger.paymentMethods().forEach(m -> methods.put(m.id().toUpperCase(Locale.ROOT), m));
        List<Account> accounts = ledger.accounts();
        Set<String> inactive = new HashSet<>();
        accounts.stream().filter(a -> !a.active()).forEach(a -> inactive.add(a.entity() + "/" + a.code()));
        Map<String, List<OpenInvoice>> openInvoices = new HashMap<>();
        documents.forEachOpenDebit(d -> openInvoices.computeIfAbsent(d.partyId(), p -> new ArrayList<>())
                .add(new OpenInvoice(d.entity(), d.number(), d.invoiceType(), d.sourceSystem(), d.dueDate(), d.date(),
                        d.currency(), d.exchangeRate(), d.openBalance())));
        openInvoices.values().forEach(list -> list.sort(PaymentApplication.OLDEST_FIRST));
        Map<String, FinancialEntity> entities = ledger.entities();
        return new PaymentRules.Ledger(parties, entities, methods, RoleAccounts.of(accounts), inactive, ledger.closedPeriods(),
                openInvoices, matching ? existingPaymentKeys() : Set.of(), this::invoiceOwners);
    }

    private List<String> invoiceOwners(String number) {
        return jdbc.sql("""
                        SELECT party_id FROM document
                         WHERE module = 'AR' AND number = ? AND doc_type IN ('INVOICE', 'DEBIT_MEMO')""")
                .param(number).query(String.class).list();
    }

    private Set<String> existingPaymentKeys() {
        Set<String> keys = new HashSet<>();
        jdbc.sql("SELECT party_id, payment_date, amount, method_id, check_number FROM payment")
                .query(rs -> {
                    keys.add(PaymentRules.paymentKey(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getBigDecimal(3),
                            rs.getString(4), rs.getString(5)));
                });
        return keys;
    }
}
