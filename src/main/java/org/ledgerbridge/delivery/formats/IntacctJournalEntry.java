package org.ledgerbridge.delivery.formats;

import org.ledgerbridge.delivery.GlFormat;
import org.ledgerbridge.delivery.GlJournal;

import java.io.IOException;
import java.io.Writer;
import java.time.format.DateTimeFormatter;
import java.util.List;

import static org.ledgerbridge.delivery.TextCells.safe;

/**
 * `intacct`: the Sage Intacct journal entry import template (General Ledger > Journal entries,
 * import CSV): JOURNAL, DATE (MM/DD/YYYY), DESCRIPTION (the entry's, 30 characters in the
 * template's guidance), REFERENCE_NO, LINE_NO, ACCT_NO, MEMO, DEBIT, CREDIT; the entry's fields
 * repeat on each of its lines, LINE_NO restarts at 1 for each entry.
 */
public class IntacctJournalEntry implements GlFormat {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy");

    @Override
    public String name() {
        return "intacct";
    }

    @Override
    public String extension() {
        return "csv";
    }

    @Override
    public void header(Writer out, String entity, List<ChartAccount> accounts) throws IOException {
        CsvLine.write(out, "JOURNAL", "DATE", "DESCRIPTION", "REFERENCE_NO", "LINE_NO", "ACCT_NO", "MEMO", "DEBIT", "CREDIT");
    }

    @Override
    public void journal(Writer out, GlJournal journal, int sequence) throws IOException {
        int lineNo = 0;
        for (GlJournal.Line line : journal.lines()) {
            CsvLine.write(out, "GJ", journal.date().format(DATE),
                    safe(journal.description() != null ? journal.description() : journal.reference(), 30),
                    safe(journal.reference(), 30), ++lineNo, line.account(),
                    safe(line.description() != null ? line.description() : line.documentNumber(), 1000),
                    line.debit().signum() == 0 ? "" : line.debit(), line.credit().signum() == 0 ? "" : line.credit());
        }
    }
}
