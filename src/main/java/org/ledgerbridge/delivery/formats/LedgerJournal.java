package org.ledgerbridge.delivery.formats;

import org.ledgerbridge.delivery.GlFormat;
import org.ledgerbridge.delivery.GlJournal;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * `ledger`: a plain-text journal for hledger and Ledger (hledger manual, "Journal format"):
 * `account` directives for the entity's chart, then one transaction per journal, two spaces
 * between account and amount, the commodity after the amount. Accounts are named by their top
 * level and code (Assets:1050), so `hledger check` and balance reports group them as the chart does.
 */
public class LedgerJournal implements GlFormat {

    @Override
    public String name() {
        return "ledger";
    }

    @Override
    public String extension() {
        return "journal";
    }

    @Override
    public void header(Writer out, String entity, List<ChartAccount> accounts) throws IOException {
        out.write("; LedgerBridge export for " + entity + "\n");
        for (ChartAccount account : accounts) {
            out.write("account " + name(account.kind(), account.code()) + "  ; " + oneLine(account.name()) + "\n");
        }
        out.write("\n");
    }

    /** hledger takes account directives anywhere in the file. */
    @Override
    public void footer(Writer out, List<ChartAccount> undeclared) throws IOException {
        for (ChartAccount account : undeclared) {
            out.write("account " + name(account.kind(), account.code()) + "\n");
        }
    }

    @Override
    public void journal(Writer out, GlJournal journal, int sequence) throws IOException {
        out.write(journal.date() + " * " + oneLine(journal.reference() + (journal.description() != null ? " | " + journal.description() : ""))
                + "\n");
        if (journal.batch() != null) {
            out.write("    ; batch: " + oneLine(journal.batch()) + "\n");
        }
        for (GlJournal.Line line : journal.lines()) {
            out.write("    " + name(line.kind(), line.account()) + "  " + line.signedAmount().toPlainString() + " " + journal.currency()
                    + (line.description() != null ? "  ; " + oneLine(line.description()) : "") + "\n");
        }
        out.write("\n");
    }

    /** The Ledger account name of a chart account: its top level and code (Assets:1050). */
    public static String name(GlJournal.AccountKind kind, String code) {
        String top = switch (kind) {
            case ASSETS -> "Assets";
            case LIABILITIES -> "Liabilities";
            case EQUITY -> "Equity";
            case INCOME -> "Income";
            case EXPENSES -> "Expenses";
        };
        return top + ":" + plainCode(code);
    }

    /** The code with every character but A-Z, a-z, 0-9 and - replaced by - (no regex: it runs on every line). */
    private static String plainCode(String code) {
        char[] chars = null;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
                if (chars == null) {
                    chars = code.toCharArray();
                }
                chars[i] = '-';
            }
        }
        return chars == null ? code : new String(chars);
    }

    static String oneLine(String text) {
        return text == null ? "" : text.replace('\n', ' ').replace('\r', ' ').replace(';', ',');
    }
}
