package org.ledgerbridge.delivery.formats;

import org.ledgerbridge.delivery.GlFormat;
import org.ledgerbridge.delivery.GlJournal;

import java.io.IOException;
import java.io.Writer;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.ledgerbridge.delivery.TextCells;

/**
 * `iif`: QuickBooks Desktop's Intuit Interchange Format for general journal entries (Intuit's
 * "IIF import kit" examples): tab-separated, a !TRNS/!SPL/!ENDTRNS header block, then per entry a
 * TRNS line (the first account), SPL lines (the others) and ENDTRNS. Amounts: debit positive,
 * credit negative; dates MM/DD/YYYY. Tabs and line breaks inside a field would break the file:
 * they become spaces.
 */
public class QuickBooksIif implements GlFormat {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy");

    @Override
    public String name() {
        return "iif";
    }

    @Override
    public String extension() {
        return "iif";
    }

    @Override
    public void header(Writer out, String entity, List<ChartAccount> accounts) throws IOException {
        out.write("!TRNS\tTRNSID\tTRNSTYPE\tDATE\tACCNT\tAMOUNT\tDOCNUM\tMEMO\r\n");
        out.write("!SPL\tSPLID\tTRNSTYPE\tDATE\tACCNT\tAMOUNT\tDOCNUM\tMEMO\r\n");
        out.write("!ENDTRNS\r\n");
    }

    @Override
    public void journal(Writer out, GlJournal journal, int sequence) throws IOException {
        boolean first = true;
        for (GlJournal.Line line : journal.lines()) {
            out.write(String.join("\t", first ? "TRNS" : "SPL", "", "GENERAL JOURNAL", journal.date().format(DATE), field(line.account()),
                    line.signedAmount().toPlainString(), field(journal.reference()),
                    field(line.description() != null ? line.description() : journal.description())));
            out.write("\r\n");
            first = false;
        }
        out.write("ENDTRNS\r\n");
    }

    /** QuickBooks reads an IIF file, a spreadsheet does not open it: text as written, on one line, without tabs. */
    private static String field(String text) {
        return TextCells.oneLine(text).replace('\t', ' ');
    }
}
