package org.ledgerbridge.receivables;

import org.ledgerbridge.ledger.AccountRole;
import org.ledgerbridge.ledger.JournalDraft;
import org.ledgerbridge.ledger.JournalLineDraft;
import org.ledgerbridge.ledger.RoleAccounts;
import org.ledgerbridge.receivables.CreditApplicationRules.Application;
import org.ledgerbridge.receivables.CreditApplicationRules.Refusal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What posting a credit's application needs of the ledger, read once ({@link CreditApplications#rules()}):
 * AR out of migration mode, an open period, the role accounts; and the journals it posts.
 */
public final class CreditPostingRules {
    private final RoleAccounts roles;
    private final Map<String, LocalDate> closedThrough;
    private final boolean arInMigrationMode;

    CreditPostingRules(RoleAccounts roles, Map<String, LocalDate> closedThrough, boolean arInMigrationMode) {
        this.roles = roles;
        this.closedThrough = closedThrough;
        this.arInMigrationMode = arInMigrationMode;
    }

    public Optional<Refusal> migrationModeRefusal() {
        return arInMigrationMode ? Optional.of(new Refusal(DocumentRule.MIGRATION_MODE_ON, "AR is in migration mode: credits are "
                + "applied once migration mode is off for AR")) : Optional.empty();
    }

    /** The journal's accounts exist and its date is in an open period. */
    public Optional<Refusal> ledgerRefusal(Application application) {
        for (String entity : List.of(application.credit().entity(), application.invoice().entity())) {
            LocalDate closed = closedThrough.get(entity);
            if (closed != null && !application.date().isAfter(closed)) {
                return Optional.of(new Refusal(DocumentRule.CLOSED_PERIOD, "the books of " + entity + " are closed through " + closed
                        + "; an application dated " + application.date() + " cannot be posted"));
            }
        }
        List<RoleAccounts.Need> needed = new ArrayList<>(List.of(new RoleAccounts.Need(application.invoice().entity(), AccountRole.AR_CONTROL)));
        if (creditAccount(application.credit()) == null) {
            needed.add(new RoleAccounts.Need(application.credit().entity(), AccountRole.AR_CONTROL));
        }
        if (!application.credit().entity().equals(application.invoice().entity())) {
            needed.add(new RoleAccounts.Need(application.credit().entity(), AccountRole.INTER_ENTITY));
            needed.add(new RoleAccounts.Need(application.invoice().entity(), AccountRole.INTER_ENTITY));
        }
        return roles.missing(needed).stream().findFirst()
                .map(missing -> new Refusal(DocumentRule.ACCOUNT_ROLE_MISSING, missing + ", which this application needs"));
    }

    /** Where a credit waits: a payment's in the unapplied-credit account (if the chart has one), a credit memo's in AR control. */
    private String creditAccount(ArDocument credit) {
        return credit.type().equals("CREDIT_MEMO") ? roles.of(credit.entity(), AccountRole.AR_CONTROL)
                : roles.unappliedCredit(credit.entity());
    }

    /** Credit entity: Dr the credit's account, Cr AR control (or due-to); invoice entity when another: Dr due-from, Cr AR control. */
    List<JournalDraft> journals(Application a, String source) {
        ArDocument credit = a.credit();
        ArDocument invoice = a.invoice();
        String currency = invoice.currency();
        BigDecimal rate = invoice.exchangeRate().compareTo(BigDecimal.ONE) == 0 ? null : invoice.exchangeRate();
        String description = "Credit " + credit.number() + " applied to " + invoice.number();
        JournalLineDraft fromCredit = JournalLineDraft.debit(creditAccount(credit), currency, a.amount())
                .forParty(credit.partyId()).forDocument(credit.number()).describedAs("credit applied");
        String arControl = roles.of(invoice.entity(), AccountRole.AR_CONTROL);
        JournalLineDraft toInvoice = JournalLineDraft.credit(arControl, currency, a.amount())
                .forParty(invoice.partyId()).forDocument(invoice.number());
        if (credit.entity().equals(invoice.entity())) {
            return List.of(new JournalDraft(credit.entity(), a.date(), source, description, rate, List.of(fromCredit, toInvoice)));
        }
        return List.of(
                new JournalDraft(credit.entity(), a.date(), source, description, rate, List.of(fromCredit,
                        JournalLineDraft.credit(roles.of(credit.entity(), AccountRole.INTER_ENTITY), currency, a.amount())
                                .forParty(credit.partyId()).describedAs("due to " + invoice.entity()))),
                new JournalDraft(invoice.entity(), a.date(), source, description + " (credit held by " + credit.entity() + ")", rate,
                        List.of(JournalLineDraft.debit(roles.of(invoice.entity(), AccountRole.INTER_ENTITY), currency, a.amount())
                                .forParty(invoice.partyId()).describedAs("due from " + credit.entity()), toInvoice)));
    }
}
