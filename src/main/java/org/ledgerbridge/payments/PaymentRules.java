package org.ledgerbridge.payments;

import org.ledgerbridge.imports.Cells;
import org.ledgerbridge.imports.RowErrors;
import org.ledgerbridge.imports.SourceRow;
import org.ledgerbridge.ledger.Money;
import org.ledgerbridge.ledger.Currencies;
import org.ledgerbridge.ledger.FinancialEntity;
import org.ledgerbridge.ledger.Party;
import org.ledgerbridge.ledger.PartyKind;
import org.ledgerbridge.ledger.PaymentMethod;
import org.ledgerbridge.ledger.RoleAccounts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

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
 * The rules of a payments file (seed 003, iDMS), row by row in file order: a row in, a planned
 * {@link Payment} or its refusals out. Each row is planned against the open invoices the rows
 * before it left ({@link PaymentApplication}). What the posting rules would refuse at commit (a
 * closed period, an inactive cash account) is an error of its row here, in a dry run too. Pure
 * Java: the ledger it checks against is read once, before the first row.
 */
final class PaymentRules {

    /**
     * What the rules know of the ledger.
     *
     * @param inactiveAccounts "ENTITY/ACCOUNT" of each inactive account
     * @param openInvoices     per party, its open invoices oldest first (changed as rows pay them)
     * @param existingPayments the keys ({@link #paymentKey}) of the payments in the ledger, for insert-with-matching
     * @param invoiceOwners    an AR invoice number to the parties whose invoices carry it (asked only for a row
     *                         naming an invoice its party has no open invoice of)
     */
    record Ledger(Map<String, Party> parties, Map<String, FinancialEntity> entities, Map<String, PaymentMethod> methods,
                  RoleAccounts roleAccounts, Set<String> inactiveAccounts, Map<String, LocalDate> closedThrough,
                  Map<String, List<OpenInvoice>> openInvoices, Set<String> existingPayments,
                  Function<String, List<String>> invoiceOwners) {
    }

    /**
     * @param allowOverpayment keep what a payment leaves over as a credit (else PAYMENT_EXCEEDS_ORDER_TOTAL)
     * @param matching         insert-with-matching: a payment already in the ledger is skipped
     * @param arInMigrationMode nothing is applied while AR is in migration mode
     * @param businessDate     the date of a row without DATE
     */
    record Options(boolean allowOverpayment, boolean matching, boolean arInMigrationMode, LocalDate businessDate) {
    }

    private final Ledger ledger;
    private final Options options;
    private final Map<String, Long> paymentsInFile = new HashMap<>();
    private boolean migrationModeReported;

    PaymentRules(Ledger ledger, Options options) {
        this.ledger = ledger;
        this.options = options;
    }

    /** The planned payment, or null when the row has errors (told to {@code errors}). */
    Payment validate(SourceRow row, RowErrors errors) {
        arNotInMigrationMode(errors);
        Party party = billTo(row, errors);
        String methodId = row.get(PAYMENT_METHOD_ID);
        PaymentMethod method = paymentMethod(methodId, errors);
        String checkNumber = Cells.optional(row, CHECK_NUMBER, 60, errors);
        payLaterNamesItsOrder(methodId, checkNumber, errors);
        String cashEntity = method != null ? method.entity() : party != null ? party.entity() : null;
        String baseCurrency = cashEntity == null ? null : ledger.entities().get(cashEntity).baseCurrency();
        String currency = currency(row, baseCurrency, errors);
        BigDecimal rate = exchangeRate(row, currency, baseCurrency, errors);
        BigDecimal amount = amount(row, currency, errors);
        LocalDate date = date(row, errors);
        Boolean prepayment = prepayment(row, errors);
        List<String> numbers = list(row, INVOICE_NUMBERS);
        List<String> types = list(row, INVOICE_TYPES);
        List<String> systems = list(row, SOURCE_SYSTEMS);
        if (errors.currentRowHasErrors() || party == null || amount == null || prepayment == null) {
            return null;
        }
        if (options.matching()) {
            String key = paymentKey(party.id(), date, amount, methodId, checkNumber);
            if (method != null && alreadyInLedger(key, party, amount, date, methodId, checkNumber, errors)) {
                return new Payment(row.number(), party, Money.of(amount, currency), rate, method, cashEntity, date, checkNumber, null, true);
            }
            sameRowTwiceInFile(key, method, row.number(), errors);
        }
        PaymentApplication.Plan plan = PaymentApplication.plan(
                new PaymentApplication.Request(Money.of(amount, currency), prepayment, numbers, types, systems, baseCurrency, rate),
                ledger.openInvoices().getOrDefault(party.id(), List.of()));
        PlannedPaymentRules planned = new PlannedPaymentRules(ledger, options, errors);
        planned.namedInvoicesNotPaid(party, numbers, plan, currency, rate);
        if (method != null && (!planned.creditAllowed(amount, prepayment, plan) || !planned.accountsExistFor(method, plan)
                || !planned.postable(method, plan, date))) {
            return null;
        }
        if (method != null) {
            PaymentApplication.apply(plan); // later rows see what this one paid
        }
        return new Payment(row.number(), party, Money.of(amount, currency), rate, method, cashEntity, date, checkNumber, plan, false);
    }

    /** Told once, on the first row: the whole file is refused (exit 3). */
    private void arNotInMigrationMode(RowErrors errors) {
        if (options.arInMigrationMode() && !migrationModeReported) {
            migrationModeReported = true;
            error(errors, null, PaymentRule.MIGRATION_MODE_ON, "AR is in migration mode: payments are not applied until it is "
                    + "turned off for AR");
        }
    }

    private Party billTo(SourceRow row, RowErrors errors) {
        String id = Cells.required(row, BILL_TO_ID, 40, errors);
        if (id == null) {
            return null;
        }
        Party party = ledger.parties().get(id);
        if (party == null) {
            error(errors, BILL_TO_ID, PaymentRule.UNKNOWN_CUSTOMER, "no customer '" + id + "' in this ledger");
            return null;
        }
        if (party.kind() != PartyKind.CUSTOMER) {
            error(errors, BILL_TO_ID, PaymentRule.NOT_A_CUSTOMER, "'" + id + "' is a vendor; payments are received from customers");
            return null;
        }
        return party;
    }

    private PaymentMethod paymentMethod(String methodId, RowErrors errors) {
        if (methodId.isEmpty()) {
            return null; // pay later
        }
        PaymentMethod method = ledger.methods().get(methodId.toUpperCase(Locale.ROOT));
        if (method == null) {
            error(errors, PAYMENT_METHOD_ID, PaymentRule.UNKNOWN_PAYMENT_METHOD, "no payment method '" + methodId + "'");
        }
        return method;
    }

    private void payLaterNamesItsOrder(String methodId, String checkNumber, RowErrors errors) {
        if (methodId.isEmpty() && checkNumber != null && checkNumber.isEmpty()) {
            error(errors, CHECK_NUMBER, PaymentRule.PURCHASE_ORDER_REQUIRED, "a row without PAYMENT_METHOD_ID is paid later: "
                    + "put its purchase order number in CHECK_NUMBER");
        }
    }

    private String currency(SourceRow row, String baseCurrency, RowErrors errors) {
        String code = row.get(CURRENCY).toUpperCase(Locale.ROOT);
        if (code.isEmpty()) {
            return baseCurrency;
        }
        if (!Currencies.isKnown(code)) {
            error(errors, CURRENCY, PaymentRule.UNKNOWN_CURRENCY, "'" + row.get(CURRENCY) + "' is not an ISO 4217 currency code");
            return null;
        }
        return code;
    }

    /** A foreign payment needs its rate to the base; a base payment may give one to pay a named foreign invoice. */
    private BigDecimal exchangeRate(SourceRow row, String currency, String baseCurrency, RowErrors errors) {
        if (row.get(EXCHANGE_RATE).isEmpty()) {
            if (currency != null && baseCurrency != null && !currency.equals(baseCurrency)) {
                error(errors, EXCHANGE_RATE, PaymentRule.VALUE_REQUIRED, "a payment in " + currency + " needs its exchange rate to "
                        + baseCurrency);
            }
            return null;
        }
        BigDecimal rate = Cells.decimal(row, EXCHANGE_RATE, errors);
        if (rate != null && rate.signum() <= 0) {
            error(errors, EXCHANGE_RATE, PaymentRule.EXCHANGE_RATE_NOT_POSITIVE, "the exchange rate " + rate.toPlainString()
                    + " must be positive");
            return null;
        }
        return rate;
    }

    private BigDecimal amount(SourceRow row, String currency, RowErrors errors) {
        BigDecimal amount = Cells.decimal(row, AMOUNT, errors);
        if (amount != null && amount.signum() <= 0) {
            error(errors, AMOUNT, PaymentRule.AMOUNT_NOT_POSITIVE, "a payment amount must be positive, not " + amount.toPlainString());
            return null;
        }
        if (amount != null && currency != null && !Currencies.fitsScale(amount, currency)) {
            error(errors, AMOUNT, PaymentRule.AMOUNT_EXCEEDS_CURRENCY_SCALE, amount.toPlainString() + " has more decimals than "
                    + currency + " allows");
            return null;
        }
        return amount;
    }

    /** Seed 003: a row without DATE is dated the business date, and says so. */
    private LocalDate date(SourceRow row, RowErrors errors) {
        if (row.get(DATE).isEmpty()) {
            warning(errors, DATE, PaymentRule.DATE_DEFAULTED, "no DATE: the payment is dated " + options.businessDate()
                    + ", the business date");
            return options.businessDate();
        }
        return Cells.optionalDate(row, DATE, Cells.ISO_DATE, "YYYY-MM-DD", errors);
    }

    private Boolean prepayment(SourceRow row, RowErrors errors) {
        String value = row.get(IS_PREPAYMENT).toLowerCase(Locale.ROOT);
        return switch (value) {
            case "", "false", "no", "0", "n" -> Boolean.FALSE;
            case "true", "yes", "1", "y" -> Boolean.TRUE;
            default -> {
                error(errors, IS_PREPAYMENT, PaymentRule.INVALID_VALUE, "'" + row.get(IS_PREPAYMENT)
                        + "' is not true/false, yes/no or 1/0");
                yield null;
            }
        };
    }

    /** insert-with-matching: a payment already in the ledger is not inserted again. */
    private boolean alreadyInLedger(String key, Party party, BigDecimal amount, LocalDate date, String methodId, String checkNumber,
                                    RowErrors errors) {
        if (!ledger.existingPayments().contains(key)) {
            return false;
        }
        warning(errors, null, PaymentRule.MATCHED_EXISTING_PAYMENT, "a payment of " + amount.toPlainString() + " by " + party.id()
                + " on " + date + " (" + methodId + " " + checkNumber + ") is already in the ledger: not inserted again");
        return true;
    }

    private void sameRowTwiceInFile(String key, PaymentMethod method, long row, RowErrors errors) {
        if (method == null) {
            return;
        }
        Long first = paymentsInFile.putIfAbsent(key, row);
        if (first != null) {
            warning(errors, null, PaymentRule.SAME_PAYMENT_IN_FILE, "row " + first + " holds the same payment (bill-to, date, amount, "
                    + "method, check number): both are inserted; delete one row if it was entered twice");
        }
    }

    /** What insert-with-matching compares: bill-to, date, amount, method and check number. */
    static String paymentKey(String party, LocalDate date, BigDecimal amount, String method, String checkNumber) {
        return party + "|" + date + "|" + amount.stripTrailingZeros().toPlainString() + "|" + nullToEmpty(method).toUpperCase(Locale.ROOT)
                + "|" + nullToEmpty(checkNumber);
    }

    private static List<String> list(SourceRow row, String column) {
        String value = row.get(column);
        if (value.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(value.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static void error(RowErrors errors, String column, PaymentRule rule, String message) {
        errors.error(column, rule, message);
    }

    private static void warning(RowErrors errors, String column, PaymentRule rule, String message) {
        errors.warning(column, rule, message);
    }

    static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
