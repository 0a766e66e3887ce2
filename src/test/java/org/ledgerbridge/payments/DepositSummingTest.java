package org.ledgerbridge.payments;

import org.ledgerbridge.ledger.Money;
import org.junit.jupiter.api.Test;
import org.ledgerbridge.ledger.Account;
import org.ledgerbridge.ledger.AccountRole;
import org.ledgerbridge.ledger.AccountType;
import org.ledgerbridge.ledger.BatchType;
import org.ledgerbridge.ledger.FinancialEntity;
import org.ledgerbridge.ledger.JournalDraft;
import org.ledgerbridge.ledger.JournalLineDraft;
import org.ledgerbridge.ledger.Party;
import org.ledgerbridge.ledger.PartyKind;
import org.ledgerbridge.ledger.PaymentMethod;
import org.ledgerbridge.ledger.RoleAccounts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Deposit journals summed without a database: what the bank shows, a line per account with the payments in it. */
class DepositSummingTest {

    private static final LocalDate NOV_5 = LocalDate.of(2026, 11, 5);
    private static final Map<String, FinancialEntity> ENTITIES = Map.of(
            "PSAB", new FinancialEntity("PSAB", "Borough association", "USD"),
            "BMC", new FinancialEntity("BMC", "Borough member council", "USD"));
    private static final RoleAccounts ROLES = RoleAccounts.of(List.of(
            new Account("PSAB", "1200", "AR", AccountType.ASSET, AccountRole.AR_CONTROL, true),
            new Account("PSAB", "2300", "Unapplied", AccountType.LIABILITY, AccountRole.UNAPPLIED_CREDIT, true),
            new Account("PSAB", "1900", "Due to/from", AccountType.ASSET, AccountRole.INTER_ENTITY, true),
            new Account("BMC", "1200", "AR", AccountType.ASSET, AccountRole.AR_CONTROL, true),
            new Account("BMC", "1900", "Due to/from", AccountType.ASSET, AccountRole.INTER_ENTITY, true)));
    private static final PaymentMethod CHEQUE = new PaymentMethod("CHK-PSAB", "PSAB", "1010");

    private final PaymentJournals journals = new PaymentJournals(ENTITIES, ROLES);
    private long nextId = 500;
    private final DepositJournals deposits = new DepositJournals(ENTITIES, () -> nextId++);

    @Test
    void three_cheques_of_one_day_into_one_account_make_one_deposit_whose_lines_count_their_payments() {
        long first = add(payment(1, "1300.00", "PSAB", "1200.00"));     // pays 1200.00 of PSAB, 100.00 left as credit
        long second = add(payment(2, "250.00", "PSAB", "250.00"));
        long third = add(payment(3, "400.00", "BMC", "400.00"));       // a BMC invoice, through the inter-entity accounts

        assertThat(List.of(first, second, third)).containsOnly(500L);
        assertThat(deposits.deposits()).singleElement().satisfies(deposit -> {
            assertThat(deposit.payments()).isEqualTo(3);
            List<JournalDraft> drafts = deposit.drafts("payments import #1");
            assertThat(drafts).extracting(JournalDraft::entity).containsExactly("PSAB", "BMC");
            assertThat(lines(drafts.get(0))).containsExactly(
                    "1010 Dr 1950.00 3 payments",
                    "1200 Cr 1450.00 2 payments",
                    "2300 Cr 100.00 1 payment",
                    "1900 Cr 400.00 due to BMC, 1 payment");
            assertThat(lines(drafts.get(1))).containsExactly(
                    "1900 Dr 400.00 due from PSAB, 1 payment",
                    "1200 Cr 400.00 1 payment");
            assertThat(drafts.get(0).depositOf()).isNull();
            assertThat(drafts.get(1).depositOf()).as("received with the cash entity's journal").isEqualTo(500L);
        });
    }

    @Test
    void another_day_another_account_or_another_batch_is_another_deposit() {
        add(payment(1, "10.00", "PSAB", "10.00"));
        add(new Payment(2, MEMBER, Money.of(new BigDecimal("10.00"), "USD"), null, CHEQUE, "PSAB", NOV_5.plusDays(1), "2", plan("PSAB", "10.00"), false));
        add(new Payment(3, MEMBER, Money.of(new BigDecimal("10.00"), "USD"), null, new PaymentMethod("CHK-2", "PSAB", "1020"), "PSAB", NOV_5, "3",
                plan("PSAB", "10.00"), false));
        deposits.add(BatchType.AUTO, payment(4, "10.00", "PSAB", "10.00"), journals.of(payment(4, "10.00", "PSAB", "10.00"), "PAY-1-4", "s"));

        assertThat(deposits.deposits()).hasSize(4).allSatisfy(d -> assertThat(d.payments()).isEqualTo(1));
        assertThat(deposits.deposits()).extracting(d -> d.cashJournalId).containsExactly(500L, 501L, 502L, 503L);
    }

    // ------------------------------------------------------------------ helpers

    private static final Party MEMBER = new Party("100231", "A member", PartyKind.CUSTOMER, "PSAB");

    private long add(Payment payment) {
        return deposits.add(BatchType.DEPOSIT, payment, journals.of(payment, "PAY-1-" + payment.row(), "payments import #1"));
    }

    /** A cheque into PSAB's 1010 on Nov 5 paying {@code paid} of one invoice of {@code invoiceEntity}; the rest a credit. */
    private static Payment payment(long row, String amount, String invoiceEntity, String paid) {
        BigDecimal total = new BigDecimal(amount);
        PaymentApplication.Plan plan = plan(invoiceEntity, paid);
        plan = new PaymentApplication.Plan(plan.rule(), plan.allocations(), total.subtract(new BigDecimal(paid)));
        return new Payment(row, MEMBER, Money.of(total, "USD"), null, CHEQUE, "PSAB", NOV_5, String.valueOf(row), plan, false);
    }

    private static PaymentApplication.Plan plan(String invoiceEntity, String paid) {
        OpenInvoice invoice = new OpenInvoice(invoiceEntity, "INV-" + invoiceEntity, "DUES", "MEMBERSHIP", NOV_5, NOV_5, "USD",
                new BigDecimal("5000.00"));
        BigDecimal amount = new BigDecimal(paid);
        return new PaymentApplication.Plan(PaymentApplication.Rule.DUES,
                List.of(new PaymentApplication.Allocation(invoice, amount, amount)), BigDecimal.ZERO);
    }

    private static List<String> lines(JournalDraft draft) {
        List<String> lines = new ArrayList<>();
        for (JournalLineDraft line : draft.lines()) {
            boolean debit = line.debit().signum() > 0;
            lines.add(line.account() + (debit ? " Dr " : " Cr ") + (debit ? line.debit() : line.credit()).toPlainString() + " "
                    + line.description());
        }
        return lines;
    }
}
