package org.ledgerbridge.delivery.formats;

import org.ledgerbridge.delivery.GlFormat;
import org.ledgerbridge.delivery.GlJournal;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import static org.ledgerbridge.delivery.TextCells.safe;

/** `csv`: LedgerBridge's own layout (CONTRACT.md), one row per line. */
public class GenericCsv implements GlFormat {

    @Override
    public String name() {
        return "csv";
    }

    @Override
    public String extension() {
        return "csv";
    }

    @Override
    public void header(Writer out, String entity, List<ChartAccount> accounts) throws IOException {
        CsvLine.write(out, "ENTITY", "JOURNAL", "DATE", "ACCOUNT", "DEBIT", "CREDIT", "DESCRIPTION", "PARTY", "DOCUMENT", "BATCH");
    }

    @Override
    public void journal(Writer out, GlJournal journal, int sequence) throws IOException {
        for (GlJournal.Line line : journal.lines()) {
            CsvLine.write(out, journal.entity(), safe(journal.reference()), journal.date(), line.account(), line.debit(), line.credit(),
                    safe(line.description() != null ? line.description() : journal.description()), safe(line.partyId()),
                    safe(line.documentNumber()), safe(journal.batch()));
        }
    }
}
