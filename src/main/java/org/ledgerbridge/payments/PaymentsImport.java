package org.ledgerbridge.payments;

import org.ledgerbridge.imports.Cells;
import org.ledgerbridge.imports.ImportColumn;
import org.ledgerbridge.imports.ImportKind;
import org.ledgerbridge.imports.ImportOptions;
import org.ledgerbridge.imports.RowErrors;
import org.ledgerbridge.imports.SourceRow;
import org.ledgerbridge.ledger.Account;
import org.ledgerbridge.ledger.AccountRole;
import org.ledgerbridge.ledger.Batch;
import org.ledgerbridge.ledger.BatchService;
import org.ledgerbridge.ledger.BatchType;
import org.ledgerbridge.ledger.Currencies;
import org.ledgerbridge.ledger.FinancialEntity;
import org.ledgerbridge.ledger.JournalDraft;
import org.ledgerbridge.ledger.JournalLineDraft;
import org.ledgerbridge.ledger.LedgerSettings;
import org.ledgerbridge.ledger.LedgerSetup;
import org.ledgerbridge.ledger.Party;
import org.ledgerbridge.ledger.PartyKind;
import org.ledgerbridge.ledger.PaymentMethod;
import org.ledgerbridge.ledger.PostingService;
import org.ledgerbridge.ledger.RoleAccounts;
import org.ledgerbridge.receivables.DocumentStatus;
import org.ledgerbridge.receivables.Documents;
import org.ledgerbridge.receivables.MigrationMode;
import org.ledgerbridge.receivables.NewDocument;
import org.ledgerbridge.storage.CopyWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.ledgerbridge.imports.ImportColumn.optional;
import static org.ledgerbridge.imports.ImportColumn.required;

/**
 * `import payments`: the iDMS payments file of seed 003. Every row is checked, planned against
 * the open invoices left by the rows before it ({@link PaymentApplication}), and posted: one
 * journal per payment in its cash entity (cash, AR control, unapplied credit), and one in each
 * other entity whose invoices it pays, balanced through the INTER_ENTITY accounts. A foreign
 * invoice paid at another rate than it is carried at adds a journal of the realized exchange
 * difference. What the posting rules would refuse at commit (a closed period, an inactive cash
 * account) is an error of its row while validating, in a dry run too.
 */
@Component
class PaymentsImport implements ImportKind<PaymentsImport.Payment> {

    static final String BILL_TO_ID = "BILL_TO_ID";
    static final String AMOUNT = "AMOUNT";
    static final String PAYMENT_METHOD_ID = "PAYMENT_METHOD_ID";
    static final String DATE = "DATE";
    static final String CHECK_NUMBER = "CHECK_NUMBER";
    static final String INVOICE_NUMBERS = "INVOICE_NUMBERS";
    static final String INVOICE_TYPES = "INVOICE_TYPES";
    static final String SOURCE_SYSTEMS = "SOURCE_SYSTEMS";
    static final String IS_PREPAYMENT = "IS_PREPAYMENT";
    static final String CURRENCY = "CURRENCY";
    static final String EXCHANGE_RATE = "EXCHANGE_RATE";

    static final String MIGRATION_MODE_ON = "MIGRATION_MODE_ON";
    static final String CLOSED_PERIOD = "CLOSED_PERIOD";
    static final String INACTIVE_ACCOUNT = "INACTIVE_ACCOUNT";
    /** Payments by these methods arrive through the website: iMIS puts them in auto-batches (seed 000). */
    private static final Set<String> CARD_METHODS = Set.of("VISA", "MC", "MASTERCARD", "AMEX", "DISCOVER", "DINERS", "JCB", "CARD");
    private static final int ROWS_DETAILED_IN_REPORT = 1000;

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

    /**
     * A validated, planned row. {@code method} is null for "pay later". {@code rate}: of the foreign
     * currency (the payment's, or that of the foreign invoices it pays) to the base, else null.
     */
    record Payment(long row, Party party, BigDecimal amount, String currency, BigDecimal rate, PaymentMethod method, String cashEntity,
                   LocalDate date, String checkNumber, PaymentApplication.Plan plan, boolean matched) {

        boolean payLater() {
            return method == null;
        }
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
    public Set<String> ledgerRuleCodes() {
        return Set.of(MIGRATION_MODE_ON, CLOSED_PERIOD, INACTIVE_ACCOUNT);
    }

    @Override
    public Session<Payment> open(ImportOptions options, long importRunId) {
        // one payments import at a time: each sees the balances the one before it left
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('ledgerbridge payments import'))").query(Object.class).list();
        return new PaymentsSession(options, importRunId);
    }

    private final class PaymentsSession implements Session<Payment> {
        private final ImportOptions options;
        private final long importRunId;
        private final boolean allowOverpayment;
        private final boolean matching;
        private final boolean arInMigrationMode;
        private boolean migrationModeReported;
        private final Map<String, Party> parties = new HashMap<>();
        private final Map<String, FinancialEntity> entities;
        private final Map<String, PaymentMethod> methods = new HashMap<>();
        private final RoleAccounts roleAccounts;
        private final Set<String> inactiveAccounts = new HashSet<>();
        private final Map<String, LocalDate> closedThrough;
        private final Map<String, List<OpenInvoice>> openInvoices = new HashMap<>();
        private final Set<String> existingPayments;
        private final Map<String, Long> paymentsInFile = new HashMap<>();
        private final Totals totals = new Totals();
        private Writers writers;

        PaymentsSession(ImportOptions options, long importRunId) {
            this.options = options;
            this.importRunId = importRunId;
            this.allowOverpayment = options.flag("allow-overpayment") || settings.allowPrepaymentsAndOverpayments();
            this.matching = "insert-with-matching".equals(options.flags().getOrDefault("action", "insert"));
            this.arInMigrationMode = migrationMode.isOn(NewDocument.Module.AR);
            this.entities = ledger.entities();
            ledger.forEachParty(p -> parties.put(p.id(), p));
            ledger.paymentMethods().forEach(m -> methods.put(m.id().toUpperCase(Locale.ROOT), m));
            List<Account> accounts = ledger.accounts();
            this.roleAccounts = RoleAccounts.of(accounts);
            for (Account account : accounts) {
                if (!account.active()) {
                    inactiveAccounts.add(account.entity() + "/" + account.code());
                }
            }
            this.closedThrough = ledger.closedPeriods();
            documents.forEachOpenDebit(d -> openInvoices.computeIfAbsent(d.partyId(), p -> new ArrayList<>())
                    .add(new OpenInvoice(d.entity(), d.number(), d.invoiceType(), d.sourceSystem(), d.dueDate(), d.date(),
                            d.currency(), d.exchangeRate(), d.openBalance())));
            openInvoices.values().forEach(list -> list.sort(PaymentApplication.OLDEST_FIRST));
            this.existingPayments = matching ? existingPaymentKeys() : Set.of();
        }

        @Override
        public Payment validate(SourceRow row, RowErrors errors) {
            if (arInMigrationMode && !migrationModeReported) {
                migrationModeReported = true;
                errors.error(null, MIGRATION_MODE_ON, "AR is in migration mode: payments are not applied until it is "
                        + "turned off (`ledgerbridge migration-mode off --module AR`)");
            }
            Party party = billTo(row, errors);
            String methodId = row.get(PAYMENT_METHOD_ID);
            PaymentMethod method = methodId.isEmpty() ? null : methods.get(methodId.toUpperCase(Locale.ROOT));
            if (!methodId.isEmpty() && method == null) {
                errors.error(PAYMENT_METHOD_ID, "UNKNOWN_PAYMENT_METHOD", "no payment method '" + methodId + "'");
            }
            String checkNumber = Cells.optional(row, CHECK_NUMBER, 60, errors);
            if (methodId.isEmpty() && checkNumber != null && checkNumber.isEmpty()) {
                errors.error(CHECK_NUMBER, "PURCHASE_ORDER_REQUIRED", "a row without PAYMENT_METHOD_ID is paid later: "
                        + "put its purchase order number in CHECK_NUMBER");
            }
            String cashEntity = method != null ? method.entity() : party != null ? party.entity() : null;
            String baseCurrency = cashEntity == null ? null : entities.get(cashEntity).baseCurrency();
            String currency = currencyOf(row, baseCurrency, errors);
            BigDecimal rate = rateOf(row, currency, baseCurrency, errors);
            BigDecimal amount = Cells.decimal(row, AMOUNT, errors);
            if (amount != null && amount.signum() <= 0) {
                errors.error(AMOUNT, "AMOUNT_NOT_POSITIVE", "a payment amount must be positive, not " + amount.toPlainString());
                amount = null;
            } else if (amount != null && currency != null && !Currencies.fitsScale(amount, currency)) {
                errors.error(AMOUNT, "AMOUNT_EXCEEDS_CURRENCY_SCALE", amount.toPlainString() + " has more decimals than " + currency + " allows");
                amount = null;
            }
            LocalDate date = Cells.optionalDate(row, DATE, Cells.ISO_DATE, "YYYY-MM-DD", errors);
            if (row.get(DATE).isEmpty()) {
                date = options.asOf();
                errors.warning(DATE, "DATE_DEFAULTED", "no DATE: the payment is dated " + date + ", the business date");
            }
            Boolean prepayment = yesNo(row, errors);
            List<String> numbers = list(row, INVOICE_NUMBERS);
            List<String> types = list(row, INVOICE_TYPES);
            List<String> systems = list(row, SOURCE_SYSTEMS);
            if (errors.currentRowHasErrors() || party == null || amount == null || prepayment == null) {
                return null;
            }
            String paymentKey = paymentKey(party.id(), date, amount, methodId, checkNumber);
            if (method != null && existingPayments.contains(paymentKey)) {
                errors.warning(null, "MATCHED_EXISTING_PAYMENT", "a payment of " + amount.toPlainString() + " by " + party.id()
                        + " on " + date + " (" + methodId + " " + checkNumber + ") is already in the ledger: not inserted again");
                return counted(new Payment(row.number(), party, amount, currency, rate, method, cashEntity, date, checkNumber, null, true));
            }
            if (matching && method != null) {
                Long first = paymentsInFile.putIfAbsent(paymentKey, row.number());
                if (first != null) {
                    errors.warning(null, "SAME_PAYMENT_IN_FILE", "row " + first + " holds the same payment (bill-to, date, amount, "
                            + "method, check number): both are inserted; delete one row if it was entered twice");
                }
            }
            PaymentApplication.Plan plan = PaymentApplication.plan(
                    new PaymentApplication.Request(amount, currency, prepayment, numbers, types, systems, baseCurrency, rate),
                    openInvoices.getOrDefault(party.id(), List.of()));
            namedInvoicesNotPaid(party, numbers, plan, errors);
            if (method != null && plan.unapplied().signum() > 0 && !allowOverpayment) {
                errors.error(AMOUNT, "PAYMENT_EXCEEDS_ORDER_TOTAL", "Payment amount exceeds order total: payment "
                        + amount.toPlainString() + ", open invoices it may pay " + plan.applied().toPlainString()
                        + (prepayment ? " (a prepayment)" : "") + "; allow prepayments and overpayments to keep "
                        + plan.unapplied().toPlainString() + " as a credit");
                return null;
            }
            if (method != null && (!accountsExistFor(method, plan, errors) || !postable(method, plan, date, errors))) {
                return null;
            }
            if (method != null) {
                PaymentApplication.apply(plan); // later rows see what this one paid
            }
            return counted(new Payment(row.number(), party, amount, currency, rate, method, cashEntity, date, checkNumber, plan, false));
        }

        /** Totals count every valid row as it is validated, so that a dry run's preview shows them too. */
        private Payment counted(Payment payment) {
            if (payment.matched()) {
                totals.matched++;
            } else if (payment.payLater()) {
                totals.payLater(payment);
            } else {
                totals.paid(payment);
            }
            return payment;
        }

        private Party billTo(SourceRow row, RowErrors errors) {
            String id = Cells.required(row, BILL_TO_ID, 40, errors);
            if (id == null) {
                return null;
            }
            Party party = parties.get(id);
            if (party == null) {
                errors.error(BILL_TO_ID, "UNKNOWN_CUSTOMER", "no customer '" + id + "' in this ledger");
                return null;
            }
            if (party.kind() != PartyKind.CUSTOMER) {
                errors.error(BILL_TO_ID, "NOT_A_CUSTOMER", "'" + id + "' is a vendor; payments are received from customers");
                return null;
            }
            return party;
        }

        /** The journals need the cash entity's AR control, unapplied credit and inter-entity accounts. */
        private boolean accountsExistFor(PaymentMethod method, PaymentApplication.Plan plan, RowErrors errors) {
            Set<RoleAccounts.Need> needed = new java.util.LinkedHashSet<>();
            if (plan.unapplied().signum() > 0) {
                needed.add(new RoleAccounts.Need(method.entity(), AccountRole.AR_CONTROL)); // where credits wait without UNAPPLIED_CREDIT
            }
            for (PaymentApplication.Allocation allocation : plan.allocations()) {
                String entity = allocation.invoice().entity();
                needed.add(new RoleAccounts.Need(entity, AccountRole.AR_CONTROL));
                if (!allocation.invoice().currency().equals(entities.get(entity).baseCurrency())) {
                    needed.add(new RoleAccounts.Need(entity, AccountRole.FX_GAIN_LOSS));
                }
                if (!entity.equals(method.entity())) {
                    needed.add(new RoleAccounts.Need(entity, AccountRole.INTER_ENTITY));
                    needed.add(new RoleAccounts.Need(method.entity(), AccountRole.INTER_ENTITY));
                }
            }
            List<String> missing = roleAccounts.missing(needed);
            missing.forEach(m -> errors.error(null, "ACCOUNT_ROLE_MISSING", m + ", which this payment needs"));
            return missing.isEmpty();
        }

        private String currencyOf(SourceRow row, String baseCurrency, RowErrors errors) {
            String code = row.get(CURRENCY).toUpperCase(Locale.ROOT);
            if (code.isEmpty()) {
                return baseCurrency;
            }
            if (!Currencies.isKnown(code)) {
                errors.error(CURRENCY, "UNKNOWN_CURRENCY", "'" + row.get(CURRENCY) + "' is not an ISO 4217 currency code");
                return null;
            }
            return code;
        }

        /** A foreign payment needs its rate to the base; a base payment may give one to pay a named foreign invoice. */
        private BigDecimal rateOf(SourceRow row, String currency, String baseCurrency, RowErrors errors) {
            if (row.get(EXCHANGE_RATE).isEmpty()) {
                if (currency != null && baseCurrency != null && !currency.equals(baseCurrency)) {
                    errors.error(EXCHANGE_RATE, "VALUE_REQUIRED", "a payment in " + currency + " needs its exchange rate to " + baseCurrency);
                }
                return null;
            }
            BigDecimal rate = Cells.decimal(row, EXCHANGE_RATE, errors);
            if (rate != null && rate.signum() <= 0) {
                errors.error(EXCHANGE_RATE, "EXCHANGE_RATE_NOT_POSITIVE", "the exchange rate " + rate.toPlainString() + " must be positive");
                return null;
            }
            return rate;
        }

        /** Each invoice the row names that it does not pay, and why: a warning at INVOICE_NUMBERS, not a silent skip. */
        private void namedInvoicesNotPaid(Party party, List<String> numbers, PaymentApplication.Plan plan, RowErrors errors) {
            if (plan.rule() == PaymentApplication.Rule.PREPAYMENT) {
                return;
            }
            Set<String> paid = new HashSet<>();
            plan.allocations().forEach(a -> paid.add(a.invoice().number()));
            for (String number : numbers) {
                if (paid.contains(number)) {
                    continue;
                }
                errors.warning(INVOICE_NUMBERS, "INVOICE_NOT_PAID", reasonNotPaid(party, number, plan));
            }
        }

        /** Why a named invoice was not paid: from the party's invoices this import holds, else from the ledger. */
        private String reasonNotPaid(Party party, String number, PaymentApplication.Plan plan) {
            for (OpenInvoice own : openInvoices.getOrDefault(party.id(), List.of())) {
                if (!own.number().equals(number)) {
                    continue;
                }
                if (own.openBalance().signum() == 0) {
                    return "invoice " + number + " has nothing left open";
                }
                if (plan.unapplied().signum() == 0) {
                    return "invoice " + number + " was not reached: the payment was used up before it";
                }
                return "invoice " + number + " is in " + own.currency() + ": pay it in " + own.currency()
                        + ", or give EXCHANGE_RATE to pay it from the base currency";
            }
            List<String[]> found = jdbc.sql("""
                            SELECT party_id, status FROM document
                             WHERE module = 'AR' AND number = ? AND doc_type IN ('INVOICE', 'DEBIT_MEMO')""")
                    .param(number).query((rs, n) -> new String[]{rs.getString(1), rs.getString(2)}).list();
            if (found.isEmpty()) {
                return "no AR invoice " + number + " in the ledger";
            }
            if (found.stream().noneMatch(f -> f[0].equals(party.id()))) {
                return "invoice " + number + " belongs to " + found.get(0)[0] + ", not " + party.id();
            }
            return "invoice " + number + " has nothing left open";
        }

        /** What the posting rules would refuse at commit, known here, in a dry run too: a closed period, an inactive cash account. */
        private boolean postable(PaymentMethod method, PaymentApplication.Plan plan, LocalDate date, RowErrors errors) {
            Set<String> entitiesTouched = new java.util.TreeSet<>();
            entitiesTouched.add(method.entity());
            plan.allocations().forEach(a -> entitiesTouched.add(a.invoice().entity()));
            for (String entity : entitiesTouched) {
                LocalDate closed = closedThrough.get(entity);
                if (closed != null && !date.isAfter(closed)) {
                    errors.error(DATE, CLOSED_PERIOD, "the books of " + entity + " are closed through " + closed
                            + "; a payment dated " + date + " cannot be posted");
                    return false;
                }
            }
            if (inactiveAccounts.contains(method.entity() + "/" + method.cashAccount())) {
                errors.error(PAYMENT_METHOD_ID, INACTIVE_ACCOUNT, "the cash account " + method.cashAccount() + " of " + method.entity()
                        + " that " + method.id() + " pays into is inactive");
                return false;
            }
            return true;
        }

        @Override
        public void write(Payment payment) {
            if (payment.matched()) {
                return;
            }
            if (writers == null) {
                writers = new Writers(importRunId);
            }
            if (payment.payLater()) {
                writers.payLater(payment);
            } else {
                writers.payment(payment, batchFor(payment.method()));
            }
        }

        private BatchType batchTypeOf(PaymentMethod method) {
            return CARD_METHODS.contains(method.id().toUpperCase(Locale.ROOT)) ? BatchType.AUTO : BatchType.DEPOSIT;
        }

        private PostingService.PostingStream batchFor(PaymentMethod method) {
            return writers.streams.computeIfAbsent(batchTypeOf(method), type -> {
                writers.awaitSent(); // the connection is needed for a statement between COPY chunks
                Batch batch = batches.openForImport(type, importRunId, options.actor());
                writers.batchNames.add(batch.name());
                return posting.stream(batch.id(), entities.keySet(), options.actor());
            });
        }

        @Override
        public Map<String, Object> preview() {
            Map<String, Object> preview = new LinkedHashMap<>(totals.summary(0, List.of()));
            preview.remove("invoicesClosed"); // known once the applications are written
            preview.remove("batches");
            return preview;
        }

        @Override
        public Map<String, Object> commit() {
            long invoicesClosed = 0;
            List<String> batchNames = List.of();
            if (writers != null) {
                writers.close();
                invoicesClosed = writers.payments.invoicesClosed();
                batchNames = writers.batchNames;
            }
            return totals.summary(invoicesClosed, batchNames);
        }

        private Set<String> existingPaymentKeys() {
            Set<String> keys = new HashSet<>();
            jdbc.sql("SELECT party_id, payment_date, amount, method_id, check_number FROM payment")
                    .query(rs -> {
                        keys.add(paymentKey(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getBigDecimal(3),
                                rs.getString(4), rs.getString(5)));
                    });
            return keys;
        }

        /** What the rows of this import write, opened at the first valid row. */
        private final class Writers implements AutoCloseable {
            private final Documents.PaymentWriter payments;
            private final CopyWriter paymentRows = new CopyWriter(dataSource, """
                    payment (entity_code, number, party_id, payment_date, amount, currency, method_id, check_number, prepayment,
                             applied, unapplied, import_run_id, row_no, batch_id)""");
            private final CopyWriter orderReferences = new CopyWriter(dataSource,
                    "order_reference (entity_code, module, document_number, reference, amount, party_id, import_run_id, row_no)");
            private final Map<BatchType, PostingService.PostingStream> streams = new EnumMap<>(BatchType.class);
            private final List<String> batchNames = new ArrayList<>();
            private final long importRunId;

            Writers(long importRunId) {
                this.importRunId = importRunId;
                this.payments = documents.paymentWriter(importRunId);
            }

            void awaitSent() {
                payments.awaitSent();
            }

            void payLater(Payment payment) {
                for (PaymentApplication.Allocation allocation : payment.plan().allocations()) {
                    orderReferences.row(allocation.invoice().entity(), "AR", allocation.invoice().number(), payment.checkNumber(),
                            allocation.amount(), payment.party().id(), importRunId, payment.row());
                }
            }

            void payment(Payment payment, PostingService.PostingStream journals) {
                String number = "PAY-" + importRunId + "-" + payment.row();
                PaymentApplication.Plan plan = payment.plan();
                for (PaymentApplication.Allocation allocation : plan.allocations()) {
                    payments.paid(allocation.invoice().entity(), allocation.invoice().number(), allocation.amount(), payment.date(), number);
                }
                BigDecimal applied = plan.applied();
                if (plan.unapplied().signum() > 0) {
                    boolean prepayment = plan.rule() == PaymentApplication.Rule.PREPAYMENT;
                    payments.credit(new NewDocument(payment.cashEntity(), NewDocument.Module.AR, prepayment ? "PREPAYMENT" : "PAYMENT",
                            number, payment.party().id(), payment.date(), null, payment.currency(),
                            payment.rate() == null || payment.currency().equals(entities.get(payment.cashEntity()).baseCurrency())
                                    ? BigDecimal.ONE : payment.rate(), payment.amount(),
                            null, null, plan.unapplied(), BigDecimal.ZERO, null, null, null, DocumentStatus.OPEN, false,
                            NewDocument.Origin.LEDGERBRIDGE, payment.checkNumber(), null, null,
                            (prepayment ? "Prepayment " : "Unapplied payment ") + payment.method().id()), applied, payment.date());
                }
                paymentRows.row(payment.cashEntity(), number, payment.party().id(), payment.date(), payment.amount(),
                        payment.currency(), payment.method().id(), blankToNull(payment.checkNumber()),
                        plan.rule() == PaymentApplication.Rule.PREPAYMENT, applied, plan.unapplied(), importRunId, payment.row(), journals.batchId());
                postJournals(payment, number, journals);
            }

            /**
             * Cash entity: Dr cash, Cr AR control / due-to entities / unapplied credit; other entities: Dr due-from, Cr AR.
             * A foreign payment's lines are converted at its rate, the cash line being the sum of the others; a foreign
             * invoice relieved at another rate than the one it is carried at gets a journal of its realized exchange
             * difference (AR control against FX_GAIN_LOSS), in the base currency.
             */
            private void postJournals(Payment payment, String number, PostingService.PostingStream journals) {
                String cash = payment.cashEntity();
                String currency = payment.currency();
                String base = entities.get(cash).baseCurrency();
                BigDecimal rate = currency.equals(base) ? null : payment.rate();
                String party = payment.party().id();
                String source = "payments import #" + importRunId + ", row " + payment.row();
                Map<String, List<JournalLineDraft>> arLinesOf = new LinkedHashMap<>();
                List<JournalLineDraft> cashLines = new ArrayList<>();
                BigDecimal cashBase = BigDecimal.ZERO;
                for (PaymentApplication.Allocation allocation : payment.plan().allocations()) {
                    String entity = allocation.invoice().entity();
                    arLinesOf.computeIfAbsent(entity, e -> new ArrayList<>()).add(inBase(JournalLineDraft.credit(
                            roleAccounts.of(entity, AccountRole.AR_CONTROL), currency, allocation.paid())
                            .forParty(party).forDocument(allocation.invoice().number()), rate, base));
                }
                for (Map.Entry<String, List<JournalLineDraft>> ar : arLinesOf.entrySet()) {
                    if (ar.getKey().equals(cash)) {
                        cashLines.addAll(ar.getValue());
                    } else {
                        cashLines.add(JournalLineDraft.credit(roleAccounts.of(cash, AccountRole.INTER_ENTITY), currency,
                                        sum(ar.getValue(), false)).forParty(party).describedAs("due to " + ar.getKey())
                                .inBase(sum(ar.getValue(), true)));
                    }
                }
                if (payment.plan().unapplied().signum() > 0) {
                    cashLines.add(inBase(JournalLineDraft.credit(roleAccounts.unappliedCredit(cash), currency, payment.plan().unapplied())
                            .forParty(party).forDocument(number).describedAs("unapplied credit"), rate, base));
                }
                cashLines.add(0, JournalLineDraft.debit(payment.method().cashAccount(), currency, payment.amount())
                        .forParty(party).forDocument(number).describedAs((payment.method().id() + " " + nullToEmpty(payment.checkNumber())).strip())
                        .inBase(rate == null ? null : sum(cashLines, true)));
                journals.post(new JournalDraft(cash, payment.date(), source, "Payment " + number, rate, cashLines));
                for (Map.Entry<String, List<JournalLineDraft>> other : arLinesOf.entrySet()) {
                    String entity = other.getKey();
                    if (entity.equals(cash)) {
                        continue;
                    }
                    List<JournalLineDraft> lines = new ArrayList<>();
                    lines.add(JournalLineDraft.debit(roleAccounts.of(entity, AccountRole.INTER_ENTITY), currency, sum(other.getValue(), false))
                            .forParty(party).describedAs("due from " + cash).inBase(rate == null ? null : sum(other.getValue(), true)));
                    lines.addAll(other.getValue());
                    journals.post(new JournalDraft(entity, payment.date(), source, "Payment " + number + " received by " + cash,
                            rate, lines));
                }
                postExchangeDifferences(payment, number, rate, source, journals);
            }

            private void postExchangeDifferences(Payment payment, String number, BigDecimal rate, String source,
                                                 PostingService.PostingStream journals) {
                Map<String, List<JournalLineDraft>> byEntity = new LinkedHashMap<>();
                for (PaymentApplication.Allocation allocation : payment.plan().allocations()) {
                    OpenInvoice invoice = allocation.invoice();
                    String base = entities.get(invoice.entity()).baseCurrency();
                    if (invoice.currency().equals(base)) {
                        continue;
                    }
                    BigDecimal relieved = rate == null ? allocation.paid() : Currencies.toBase(allocation.paid(), rate, base);
                    BigDecimal carried = Currencies.toBase(allocation.amount(), invoice.exchangeRate(), base);
                    BigDecimal gain = relieved.subtract(carried);
                    if (gain.signum() == 0) {
                        continue;
                    }
                    String ar = roleAccounts.of(invoice.entity(), AccountRole.AR_CONTROL);
                    String fx = roleAccounts.of(invoice.entity(), AccountRole.FX_GAIN_LOSS);
                    String party = payment.party().id();
                    List<JournalLineDraft> lines = byEntity.computeIfAbsent(invoice.entity(), e -> new ArrayList<>());
                    String why = "exchange " + (gain.signum() > 0 ? "gain" : "loss") + " on " + invoice.number() + " (carried at "
                            + invoice.exchangeRate().stripTrailingZeros().toPlainString() + ")";
                    if (gain.signum() > 0) {
                        lines.add(JournalLineDraft.debit(ar, base, gain).forParty(party).forDocument(invoice.number()).describedAs(why));
                        lines.add(JournalLineDraft.credit(fx, base, gain).forParty(party).forDocument(invoice.number()).describedAs(why));
                    } else {
                        lines.add(JournalLineDraft.debit(fx, base, gain.negate()).forParty(party).forDocument(invoice.number()).describedAs(why));
                        lines.add(JournalLineDraft.credit(ar, base, gain.negate()).forParty(party).forDocument(invoice.number()).describedAs(why));
                    }
                }
                byEntity.forEach((entity, lines) -> journals.post(new JournalDraft(entity, payment.date(), source,
                        "Realized exchange difference of payment " + number, null, lines)));
            }

            @Override
            public void close() {
                paymentRows.flush();
                orderReferences.flush();
                streams.values().forEach(PostingService.PostingStream::close);
                payments.close();
            }
        }
    }

    /** The report's summary: what happened to the payments. */
    private static final class Totals {
        long payments;
        long payLater;
        long matched;
        BigDecimal received = BigDecimal.ZERO;
        BigDecimal applied = BigDecimal.ZERO;
        BigDecimal credits = BigDecimal.ZERO;
        final List<Map<String, Object>> rows = new ArrayList<>();

        void paid(Payment payment) {
            payments++;
            received = received.add(payment.amount());
            applied = applied.add(payment.plan().applied());
            credits = credits.add(payment.plan().unapplied());
            detail(payment, "paid");
        }

        void payLater(Payment payment) {
            payLater++;
            detail(payment, "pay later");
        }

        private void detail(Payment payment, String what) {
            if (rows.size() >= ROWS_DETAILED_IN_REPORT) {
                return;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("row", payment.row());
            row.put("billTo", payment.party().id());
            row.put("amount", payment.amount().toPlainString());
            row.put("action", what);
            row.put("rule", payment.plan().rule().name());
            row.put("paid", payment.plan().allocations().stream()
                    .map(a -> Map.of("document", a.invoice().number(), "entity", a.invoice().entity(), "amount", a.amount().toPlainString()))
                    .toList());
            row.put("unapplied", payment.payLater() ? "0.00" : payment.plan().unapplied().toPlainString());
            rows.add(row);
        }

        Map<String, Object> summary(long invoicesClosed, List<String> batches) {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("payments", payments);
            summary.put("amountReceived", received.toPlainString());
            summary.put("amountApplied", applied.toPlainString());
            summary.put("creditsCreated", credits.toPlainString());
            summary.put("invoicesClosed", invoicesClosed);
            summary.put("payLaterRows", payLater);
            summary.put("matchedRows", matched);
            summary.put("batches", batches);
            summary.put("rows", rows);
            return summary;
        }
    }

    private static Boolean yesNo(SourceRow row, RowErrors errors) {
        String value = row.get(IS_PREPAYMENT).toLowerCase(Locale.ROOT);
        return switch (value) {
            case "", "false", "no", "0", "n" -> Boolean.FALSE;
            case "true", "yes", "1", "y" -> Boolean.TRUE;
            default -> {
                errors.error(IS_PREPAYMENT, "INVALID_VALUE", "'" + row.get(IS_PREPAYMENT) + "' is not true/false, yes/no or 1/0");
                yield null;
            }
        };
    }

    private static List<String> list(SourceRow row, String column) {
        String value = row.get(column);
        if (value.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(value.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String paymentKey(String party, LocalDate date, BigDecimal amount, String method, String checkNumber) {
        return party + "|" + date + "|" + amount.stripTrailingZeros().toPlainString() + "|" + nullToEmpty(method).toUpperCase(Locale.ROOT)
                + "|" + nullToEmpty(checkNumber);
    }

    /** A line of a foreign payment carries its amount converted at the payment's rate; a base-currency line needs none. */
    private static JournalLineDraft inBase(JournalLineDraft line, BigDecimal rate, String base) {
        return rate == null ? line : line.inBase(Currencies.toBase(line.debit().add(line.credit()), rate, base));
    }

    private static BigDecimal sum(List<JournalLineDraft> lines, boolean inBase) {
        BigDecimal total = BigDecimal.ZERO;
        for (JournalLineDraft line : lines) {
            total = total.add(inBase && line.base() != null ? line.base() : line.debit().add(line.credit()));
        }
        return total;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    private static String blankToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
