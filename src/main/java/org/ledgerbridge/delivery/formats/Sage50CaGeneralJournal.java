package org.ledgerbridge.delivery.formats;

import org.ledgerbridge.delivery.GlFormat;
import org.ledgerbridge.delivery.GlJournal;

import java.io.IOException;
import java.io.Writer;
import java.time.format.DateTimeFormatter;

import static org.ledgerbridge.delivery.TextCells.safe;

/**
 * `sage50-ca`: the Sage 50 Canadian Edition general journal import text file ("Importing General
 * Journal Entries", Transaction File Specifications): per transaction a first line
 * {@code mm-dd-yy,"source","comment"} (source up to 20 characters, comment up to 75, in straight
 * quotes), then one line per debit or credit: {@code account,amount} with debits positive, credits
 * negative, a period and two decimals. Quotes inside text would end the field: they become
 * apostrophes. (Sage 50 refuses entries on its linked AR/AP accounts once history is finished.)
 */
public class Sage50CaGeneralJournal implements GlFormat {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MM-dd-yy");

    @Override
    public String name() {
        return "sage50-ca";
    }

    @Override
    public String extension() {
        return "txt";
    }

    @Override
    public void journal(Writer out, GlJournal journal, int sequence) throws IOException {
        out.write(journal.date().format(DATE) + "," + quoted(journal.reference(), 20) + ","
                + quoted(journal.description() != null ? journal.description() : "", 75) + "\r\n");
        for (GlJournal.Line line : journal.lines()) {
            out.write(line.account() + "," + line.signedAmount().setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString() + "\r\n");
        }
    }

    private static String quoted(String text, int maxLength) {
        return "\"" + safe(text, maxLength).replace('"', '\'') + "\"";
    }
}
