package org.ledgerbridge.receivables;

import org.ledgerbridge.imports.RowErrors;
import org.ledgerbridge.ledger.TaxSplit;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.ledgerbridge.receivables.OpeningBalancesImport.*;

/** The rules of an opening-balance row (the customer-balances template), each one method; pure Java. */
final class OpeningBalanceRules {

    private OpeningBalanceRules() {
    }

    /** The file gives the tax; with a zone and category, a tax that differs from theirs is pointed out (a warning). */
    static void taxAsTheZoneWorksItOut(TaxColumns.Choice tax, BigDecimal exTax, BigDecimal cardlineTax, String currency,
                                       RowErrors errors) {
        if (tax == null) {
            return;
        }
        TaxSplit split = TaxSplit.of(exTax.add(cardlineTax).abs(), tax.zone(),
                tax.category(), currency);
        if (split.taxAmount().compareTo(cardlineTax.abs()) != 0) {
            errors.warning(CARDLINE_AMOUNT_TAX, DocumentRule.TAX_DIFFERS_FROM_ZONE, "tax zone " + tax.zone().zone() + " and category "
                    + tax.category().category() + " give a tax of " + split.taxAmount().toPlainString() + " on "
                    + exTax.add(cardlineTax).abs().toPlainString() + "; the file's " + cardlineTax.abs().toPlainString() + " is kept");
        }
    }

    /** Seed 004: the cardline amounts are "both greater than zero or both less than zero": 0.00 ex tax is neither. */
    static void cardlineMayNotBeZero(BigDecimal exTax, RowErrors errors) {
        if (exTax != null && exTax.signum() == 0) {
            errors.error(CARDLINE_AMOUNT_EXTAX, DocumentRule.CARDLINE_ZERO, "the cardline ex tax is 0.00; it must be above zero "
                    + "(an invoice) or below zero (a credit)");
        }
    }

    /** Seed 004: "Ex Tax = 1.82, Tax = -0.18 would be invalid"; a zero tax goes with either sign. */
    static void cardlineAmountsMayNotHaveOppositeSigns(BigDecimal exTax, BigDecimal tax, RowErrors errors) {
        if (exTax != null && tax != null && exTax.signum() * tax.signum() < 0) {
            errors.error(CARDLINE_AMOUNT_TAX, DocumentRule.CARDLINE_SIGNS_DIFFER, "cardline ex tax " + exTax.toPlainString()
                    + " and tax " + tax.toPlainString() + " must be both positive or both negative");
        }
    }

    static void balanceDueMayNotBeNegative(String column, BigDecimal balance, RowErrors errors) {
        if (balance != null && balance.signum() < 0) {
            errors.error(column, DocumentRule.BALANCE_NEGATIVE, column + " " + balance.toPlainString() + " may not be negative");
        }
    }

    /** Seed 004: the balance may not exceed the cardline; a credit (negative cardline) has no balance due. */
    static void balanceDueWithinCardlineTotal(BigDecimal cardline, BigDecimal balanceExTax, BigDecimal balanceTax,
                                              RowErrors errors) {
        BigDecimal balance = balanceExTax.add(balanceTax);
        if (cardline.signum() < 0) {
            if (balance.signum() != 0) {
                errors.error(balanceExTax.signum() != 0 ? BALANCE_DUE_EXTAX : BALANCE_DUE_TAX, DocumentRule.BALANCE_MUST_BE_ZERO_FOR_CREDIT,
                        "the cardline total " + cardline.toPlainString() + " is a credit, so the balance due must be 0.00, not "
                                + balance.toPlainString());
            }
        } else if (balance.compareTo(cardline) > 0) {
            errors.error(BALANCE_DUE_EXTAX, DocumentRule.BALANCE_EXCEEDS_CARDLINE, "balance due " + balance.toPlainString()
                    + " exceeds the cardline total " + cardline.toPlainString());
        }
    }

    static void dueDateNotBeforeIssueDateNorInThePast(LocalDate issue, LocalDate due, LocalDate asOf, RowErrors errors) {
        if (issue != null && due != null && due.isBefore(issue)) {
            errors.error(INVOICE_DUE_DATE, DocumentRule.DUE_DATE_BEFORE_ISSUE_DATE, "due date " + due + " is before the issue date " + issue);
        } else if (due != null && due.isBefore(asOf)) {
            errors.error(INVOICE_DUE_DATE, DocumentRule.DUE_DATE_IN_PAST, "due date " + due + " is in the past (today is " + asOf + ")");
        }
    }

    static void invoiceStartNotAfterEnd(LocalDate start, LocalDate end, RowErrors errors) {
        if (start != null && end != null && start.isAfter(end)) {
            errors.error(INVOICE_START, DocumentRule.INVOICE_START_AFTER_END, "invoice start " + start + " is after its end " + end);
        }
    }
}
