package org.ledgerbridge.support;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** An old system's opening-balances file and the column mapping that reads it (the screens', API's and CLI's tests share them). */
public final class LegacyOpeningBalances {

    public static final String PROFILE = """
            columns:
              Customer No: ACCOUNT_ID
              Amount ex tax: CARDLINE_AMOUNT_EXTAX
              Tax: CARDLINE_AMOUNT_TAX
              Due ex tax: BALANCE_DUE_EXTAX
              Due tax: BALANCE_DUE_TAX
              Description: CARDLINE_DESCRIPTION
              Issued: INVOICE_ISSUE_DATE
              Due: INVOICE_DUE_DATE
            dateFormat: MM/dd/yyyy
            """;

    /**
     * Due a year after the day the tests run: a due date before the business date is refused, and the
     * screens' business date is the real today (a fixed 12/01/2026 failed from that day on, first at UTC+14).
     */
    public static final String FILE = "Customer No,Amount ex tax,Tax,Due ex tax,Due tax,Description,Issued,Due\n"
            + "100231,181.82,18.18,181.82,18.18,October service,11/01/2026,"
            + LocalDate.now().plusYears(1).format(DateTimeFormatter.ofPattern("MM/dd/yyyy")) + "\n";

    private LegacyOpeningBalances() {
    }
}
