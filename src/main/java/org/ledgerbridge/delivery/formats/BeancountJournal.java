package org.ledgerbridge.delivery.formats;

import org.ledgerbridge.delivery.GlFormat;
import org.ledgerbridge.delivery.GlJournal;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * `beancount`: a Beancount ledger (Beancount "Language Syntax"): `open` directives for the
 * entity's chart (dated 1970-01-01 so every transaction falls after them), then one transaction
 * per journal with quoted payee and narration. Account names are the top level and the code
 * (Assets:1050), which Beancount requires to begin with a capital letter or a digit.
 */
public class BeancountJournal implements GlFormat {

    @Override
    public String name() {
        return "beancount";
    }

    @Override
    public String extension() {
        return "beancount";
    }

    @Override
    public void header(Writer out, String entity, List<ChartAccount> accounts) throws IOException {
        out.write("; LedgerBridge export for " + entity + "\n");
        for (ChartAccount account : accounts) {
            out.write("1970-01-01 open " + LedgerJournal.name(account.kind(), account.code()) + "\n");
        }
        out.write("\n");
    }

    /** Beancount orders directives by date, not by place in the file: `open` may come last. */
    @Override
    public void footer(Writer out, List<ChartAccount> undeclared) throws IOException {
        for (ChartAccount account : undeclared) {
            out.write("1970-01-01 open " + LedgerJournal.name(account.kind(), account.code()) + "\n");
        }
    }

    @Override
    public void journal(Writer out, GlJournal journal, int sequence) throws IOException {
        out.write(journal.date() + " * " + quoted(journal.reference()) + " " + quoted(journal.description() != null ? journal.description() : "")
                + "\n");
        for (GlJournal.Line line : journal.lines()) {
            out.write("  " + LedgerJournal.name(line.kind(), line.account()) + "  " + line.signedAmount().toPlainString() + " "
                    + journal.currency() + "\n");
        }
        out.write("\n");
    }

    private static String quoted(String text) {
        return "\"" + (text == null ? "" : text.replace("\\", "\\\\").replace("\"", "\\\"").replace('\n', ' ')) + "\"";
    }
}
