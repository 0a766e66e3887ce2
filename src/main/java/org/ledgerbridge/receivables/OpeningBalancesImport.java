package org.ledgerbridge.receivables;

import org.ledgerbridge.imports.Cells;
import org.ledgerbridge.imports.ImportColumn;
import org.ledgerbridge.imports.ImportKind;
import org.ledgerbridge.imports.ImportOptions;
import org.ledgerbridge.imports.RowErrors;
import org.ledgerbridge.imports.SourceRow;
import org.ledgerbridge.ledger.Currencies;
import org.ledgerbridge.ledger.FinancialEntity;
import org.ledgerbridge.ledger.LedgerSetup;
import org.ledgerbridge.ledger.PartyKind;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.ledgerbridge.imports.ImportColumn.optional;
import static org.ledgerbridge.imports.ImportColumn.required;

/**
 * `import opening-balances`: the Emersion opening balance template (seed 004), its columns and
 * its rules, answered at once and all together instead of days later.
 *
 * <p>Each row becomes an opening AR document of the account: an INVOICE for a positive cardline
 * (open balance = balance due; what was already paid is a migrated settlement), a CREDIT_MEMO
 * for a negative one (a credit available to the account). Like migrated documents (seed 002),
 * opening balances change the subledger, not the GL: no journal is posted.
 */
@Component
class OpeningBalancesImport implements ImportKind<OpeningBalancesImport.OpeningBalance> {

    static final String ACCOUNT_ID = "ACCOUNT_ID";
    static final String CARDLINE_AMOUNT_EXTAX = "CARDLINE_AMOUNT_EXTAX";
    static final String CARDLINE_AMOUNT_TAX = "CARDLINE_AMOUNT_TAX";
    static final String BALANCE_DUE_EXTAX = "BALANCE_DUE_EXTAX";
    static final String BALANCE_DUE_TAX = "BALANCE_DUE_TAX";
    static final String CARDLINE_DESCRIPTION = "CARDLINE_DESCRIPTION";
    static final String INVOICE_ISSUE_DATE = "INVOICE_ISSUE_DATE";
    static final String INVOICE_DUE_DATE = "INVOICE_DUE_DATE";
    static final String ORIGINAL_INVOICE_ID = "ORIGINAL_INVOICE_ID";
    static final String INVOICE_START = "INVOICE_START";
    static final String INVOICE_END = "INVOICE_END";

    private static final String DATE_LABEL = "DD/MM/YYYY";

    private final LedgerSetup ledger;
    private final Documents documents;

    OpeningBalancesImport(LedgerSetup ledger, Documents documents) {
        this.ledger = ledger;
        this.documents = documents;
    }

    /** A validated row of the template. */
    record OpeningBalance(long row, String entity, String currency, String accountId, BigDecimal cardlineExTax,
                          BigDecimal cardlineTax, BigDecimal balanceExTax, BigDecimal balanceTax, String description,
                          LocalDate issueDate, LocalDate dueDate, String originalInvoiceId, LocalDate start, LocalDate end,
                          String taxZone, String taxCategory) {

        BigDecimal cardlineTotal() {
            return cardlineExTax.add(cardlineTax);
        }

        BigDecimal balanceDue() {
            return balanceExTax.add(balanceTax);
        }

        /** A negative cardline is a credit memo. */
        boolean isCredit() {
            return cardlineTotal().signum() < 0;
        }

        BigDecimal originalAmount() {
            return cardlineTotal().abs();
        }

        /** What is still open on it: all of a credit, the balance due of an invoice. */
        BigDecimal openAmount() {
            return isCredit() ? originalAmount() : balanceDue();
        }
    }

    @Override
    public String name() {
        return "opening-balances";
    }

    @Override
    public List<ImportColumn> columns() {
        return List.of(required(ACCOUNT_ID), required(CARDLINE_AMOUNT_EXTAX), required(CARDLINE_AMOUNT_TAX),
                required(BALANCE_DUE_EXTAX), required(BALANCE_DUE_TAX), optional(CARDLINE_DESCRIPTION),
                required(INVOICE_ISSUE_DATE), required(INVOICE_DUE_DATE), optional(ORIGINAL_INVOICE_ID),
                optional(INVOICE_START), optional(INVOICE_END), optional(TaxColumns.TAX_ZONE), optional(TaxColumns.TAX_CATEGORY));
    }

    @Override
    public Session<OpeningBalance> open(ImportOptions options, long importRunId) {
        Map<String, FinancialEntity> entities = ledger.entities();
        Map<String, Customer> customers = new HashMap<>();
        ledger.forEachParty(p -> customers.put(p.id(), new Customer(p.kind() == PartyKind.CUSTOMER, p.entity())));
        Map<String, String> pending = documents.pendingInvoices();
        return new OpeningSession(options.asOf(), entities, customers, pending, new TaxColumns.Table(ledger.taxZones(), ledger.taxCategories()),
                documents.writer(importRunId, options.asOf()), importRunId);
    }

    private record Customer(boolean isCustomer, String entity) {
    }

    private static final class OpeningSession implements Session<OpeningBalance> {
        private final LocalDate asOf;
        private final Map<String, FinancialEntity> entities;
        private final Map<String, Customer> parties;
        private final Map<String, String> pending;
        private final TaxColumns.Table taxes;
        private final Documents.Writer writer;
        private final long importRunId;
        private final Totals totals = new Totals();

        OpeningSession(LocalDate asOf, Map<String, FinancialEntity> entities, Map<String, Customer> parties, Map<String, String> pending,
                       TaxColumns.Table taxes, Documents.Writer writer, long importRunId) {
            this.asOf = asOf;
            this.entities = entities;
            this.parties = parties;
            this.pending = pending;
            this.taxes = taxes;
            this.writer = writer;
            this.importRunId = importRunId;
        }

        @Override
        public OpeningBalance validate(SourceRow row, RowErrors errors) {
            String accountId = Cells.required(row, ACCOUNT_ID, 40, errors);
            Customer customer = accountId == null ? null : accountMustBeACustomerWithoutPendingInvoice(accountId, errors);
            String currency = customer == null ? null : entities.get(customer.entity()).baseCurrency();

            BigDecimal cardlineExTax = Cells.amount(row, CARDLINE_AMOUNT_EXTAX, currency, errors);
            BigDecimal cardlineTax = Cells.amount(row, CARDLINE_AMOUNT_TAX, currency, errors);
            BigDecimal balanceExTax = Cells.amount(row, BALANCE_DUE_EXTAX, currency, errors);
            BigDecimal balanceTax = Cells.amount(row, BALANCE_DUE_TAX, currency, errors);
            OpeningBalanceRules.cardlineMayNotBeZero(cardlineExTax, errors);
            OpeningBalanceRules.cardlineAmountsMayNotHaveOppositeSigns(cardlineExTax, cardlineTax, errors);
            OpeningBalanceRules.balanceDueMayNotBeNegative(BALANCE_DUE_EXTAX, balanceExTax, errors);
            OpeningBalanceRules.balanceDueMayNotBeNegative(BALANCE_DUE_TAX, balanceTax, errors);
            if (cardlineExTax != null && cardlineTax != null && balanceExTax != null && balanceTax != null
                    && balanceExTax.signum() >= 0 && balanceTax.signum() >= 0) {
                OpeningBalanceRules.balanceDueWithinCardlineTotal(cardlineExTax.add(cardlineTax), balanceExTax, balanceTax, errors);
            }

            String description = Cells.optional(row, CARDLINE_DESCRIPTION, 255, errors);
            String originalInvoiceId = Cells.optional(row, ORIGINAL_INVOICE_ID, 50, errors);
            LocalDate issue = Cells.date(row, INVOICE_ISSUE_DATE, org.ledgerbridge.imports.Cells.DAY_MONTH_YEAR, DATE_LABEL, errors);
            LocalDate due = Cells.date(row, INVOICE_DUE_DATE, Cells.DAY_MONTH_YEAR, DATE_LABEL, errors);
            LocalDate start = Cells.optionalDate(row, INVOICE_START, Cells.DAY_MONTH_YEAR, DATE_LABEL, errors);
            LocalDate end = Cells.optionalDate(row, INVOICE_END, Cells.DAY_MONTH_YEAR, DATE_LABEL, errors);
            OpeningBalanceRules.dueDateNotBeforeIssueDateNorInThePast(issue, due, asOf, errors);
            OpeningBalanceRules.invoiceStartNotAfterEnd(start, end, errors);
            TaxColumns.Choice tax = TaxColumns.read(row, customer == null ? null : customer.entity(), taxes, errors);

            if (errors.currentRowHasErrors()) {
                return null;
            }
            OpeningBalanceRules.taxAsTheZoneWorksItOut(tax, cardlineExTax, cardlineTax, currency, errors);
            return new OpeningBalance(row.number(), customer.entity(), currency, accountId, cardlineExTax, cardlineTax,
                    balanceExTax, balanceTax, description.isEmpty() ? null : description, issue, due,
                    originalInvoiceId.isEmpty() ? null : originalInvoiceId, start, end,
                    tax == null ? null : tax.zone().zone(), tax == null ? null : tax.category().category());
        }

        private Customer accountMustBeACustomerWithoutPendingInvoice(String accountId, RowErrors errors) {
            Customer customer = parties.get(accountId);
            if (customer == null) {
                errors.error(ACCOUNT_ID, DocumentRule.UNKNOWN_ACCOUNT, "no customer '" + accountId + "' in this ledger; import the parties file first");
                return null;
            }
            if (!customer.isCustomer()) {
                errors.error(ACCOUNT_ID, DocumentRule.ACCOUNT_NOT_A_CUSTOMER, "'" + accountId + "' is a vendor; opening balances are for customers");
                return null;
            }
            String pendingInvoice = pending.get(accountId);
            if (pendingInvoice != null) {
                errors.error(ACCOUNT_ID, DocumentRule.PENDING_INVOICE_EXISTS, "account " + accountId + " already has a pending invoice, "
                        + pendingInvoice + " (from an earlier opening-balance import or a migration); an account's opening "
                        + "balance is imported while nothing is open on it");
            }
            return customer;
        }

        @Override
        public void write(OpeningBalance ob) {
            boolean credit = ob.isCredit();
            BigDecimal original = ob.originalAmount();
            BigDecimal open = ob.openAmount();
            NewDocument document = NewDocument.of(ob.entity(), NewDocument.Module.AR, credit ? "CREDIT_MEMO" : "INVOICE",
                            "OB-" + importRunId + "-" + ob.row(), ob.accountId(), ob.issueDate(), ob.currency(), BigDecimal.ONE, original, open,
                            open.signum() == 0 ? DocumentStatus.CLOSED : DocumentStatus.OPEN, NewDocument.Origin.OPENING_BALANCE)
                    .dueOn(ob.dueDate())
                    .taxed(ob.cardlineExTax().abs(), ob.cardlineTax().abs(), ob.taxZone(), ob.taxCategory())
                    .classified(null, "OPENING_BALANCE")
                    .referring(ob.originalInvoiceId())
                    .forService(ob.start(), ob.end())
                    .describedAs(ob.description())
                    .document();
            writer.add(document);
            BigDecimal settled = original.subtract(open);
            if (settled.signum() > 0) {
                writer.addMigratedSettlement(document, settled, asOf);
            }
        }

        @Override
        public void accepted(OpeningBalance ob) {
            totals.add(ob.isCredit(), ob.originalAmount(), ob.openAmount(), ob.originalAmount().subtract(ob.openAmount()));
        }

        @Override
        public Map<String, Object> preview() {
            return totals.summary();
        }

        @Override
        public Map<String, Object> commit() {
            writer.close();
            return totals.summary();
        }
    }

    /** The report's summary: what the file put on the accounts. */
    private static final class Totals {
        long invoices;
        long credits;
        long closed;
        BigDecimal invoiced = BigDecimal.ZERO;
        BigDecimal openBalance = BigDecimal.ZERO;
        BigDecimal settledBeforeMigration = BigDecimal.ZERO;
        BigDecimal creditAvailable = BigDecimal.ZERO;

        void add(boolean credit, BigDecimal original, BigDecimal open, BigDecimal settled) {
            if (credit) {
                credits++;
                creditAvailable = creditAvailable.add(original);
            } else {
                invoices++;
                invoiced = invoiced.add(original);
                openBalance = openBalance.add(open);
                settledBeforeMigration = settledBeforeMigration.add(settled);
                if (open.signum() == 0) {
                    closed++;
                }
            }
        }

        Map<String, Object> summary() {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("invoices", invoices);
            summary.put("creditMemos", credits);
            summary.put("invoicesClosed", closed);
            summary.put("amountInvoiced", Currencies.atLeastCents(invoiced).toPlainString());
            summary.put("openBalance", Currencies.atLeastCents(openBalance).toPlainString());
            summary.put("settledBeforeMigration", Currencies.atLeastCents(settledBeforeMigration).toPlainString());
            summary.put("creditAvailable", Currencies.atLeastCents(creditAvailable).toPlainString());
            summary.put("journalsPosted", 0);
            return summary;
        }
    }
}
