package org.ledgerbridge.delivery.formats;

import org.ledgerbridge.delivery.GlFormat;
import org.ledgerbridge.delivery.GlJournal;

import java.io.IOException;
import java.io.Writer;
import java.time.format.DateTimeFormatter;

import static org.ledgerbridge.delivery.TextCells.safe;

/**
 * `myob`: MYOB's "Journal Entries" import (AccountRight / AccountEdge, "Journal Entries Fields"):
 * tab-separated with a header row, one line per account, a blank line after each journal entry.
 * Journal Number up to 8 characters, Memo up to 255, Account Number the 5-digit MYOB number with
 * its separator (1-1234), Debit Amount and Credit Amount as positive numbers in their columns.
 * A 4-digit code of LedgerBridge's chart gets MYOB's leading classification digit from its account
 * kind (1 asset, 2 liability, 3 equity, 4 income, 6 expense); any other code is refused rather than
 * written into a file MYOB would reject.
 */
public class MyobJournalEntries implements GlFormat {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Override
    public String name() {
        return "myob";
    }

    @Override
    public String extension() {
        return "txt";
    }

    @Override
    public void header(Writer out, String entity, java.util.List<ChartAccount> accounts) throws IOException {
        out.write("Journal Number\tDate\tMemo\tAccount Number\tDebit Amount\tCredit Amount\r\n");
    }

    @Override
    public void journal(Writer out, GlJournal journal, int sequence) throws IOException {
        String digits = Integer.toString(sequence);
        String number = "LB" + (digits.length() >= 6 ? digits : "0".repeat(6 - digits.length()) + digits);
        for (GlJournal.Line line : journal.lines()) {
            out.write(String.join("\t", number, journal.date().format(DATE),
                    field(journal.reference() + (journal.description() != null ? " " + journal.description() : ""), 255),
                    myobAccount(line), line.debit().signum() == 0 ? "" : line.debit().toPlainString(),
                    line.credit().signum() == 0 ? "" : line.credit().toPlainString()));
            out.write("\r\n");
        }
        out.write("\r\n");
    }

    // compiled once: String.matches compiles its pattern on every line
    private static final java.util.regex.Pattern MYOB_NUMBER = java.util.regex.Pattern.compile("\\d-\\d{4}");
    private static final java.util.regex.Pattern FIVE_DIGITS = java.util.regex.Pattern.compile("\\d{5}");
    private static final java.util.regex.Pattern FOUR_DIGITS = java.util.regex.Pattern.compile("\\d{4}");

    static String myobAccount(GlJournal.Line line) {
        String code = line.account();
        if (MYOB_NUMBER.matcher(code).matches()) {
            return code;
        }
        if (FIVE_DIGITS.matcher(code).matches()) {
            return code.charAt(0) + "-" + code.substring(1);
        }
        if (FOUR_DIGITS.matcher(code).matches()) {
            int classification = switch (line.kind()) {
                case ASSETS -> 1;
                case LIABILITIES -> 2;
                case EQUITY -> 3;
                case INCOME -> 4;
                case EXPENSES -> 6;
            };
            return classification + "-" + code;
        }
        throw new IllegalArgumentException("account " + code + " is not a MYOB account number (1-1234); map it to one first");
    }

    private static String field(String text, int maxLength) {
        return safe(text, maxLength).replace('\t', ' ');
    }
}
