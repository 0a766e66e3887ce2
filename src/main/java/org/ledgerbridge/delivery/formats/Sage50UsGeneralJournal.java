package org.ledgerbridge.delivery.formats;

import org.ledgerbridge.delivery.GlFormat;
import org.ledgerbridge.delivery.GlJournal;

import java.io.IOException;
import java.io.Writer;
import java.time.format.DateTimeFormatter;
import java.util.List;

import static org.ledgerbridge.delivery.TextCells.safe;

/**
 * `sage50-us`: GENERAL.CSV, the Sage 50 (US) general journal import ("General Journal Fields
 * (Import/Export)"): Date MM/DD/YY, Reference up to 20 characters, Number of Distributions 2 to
 * 560, G/L Account up to 15, Description up to 160, Amount positive for a debit, negative for a
 * credit. One row per distribution.
 */
public class Sage50UsGeneralJournal implements GlFormat {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MM/dd/yy");

    @Override
    public String name() {
        return "sage50-us";
    }

    @Override
    public String extension() {
        return "csv";
    }

    @Override
    public int maxLinesPerJournal() {
        return 560;
    }

    @Override
    public void header(Writer out, String entity, List<ChartAccount> accounts) throws IOException {
        CsvLine.write(out, "Date", "Reference", "Number of Distributions", "G/L Account", "Description", "Amount");
    }

    @Override
    public void journal(Writer out, GlJournal journal, int sequence) throws IOException {
        for (GlJournal.Line line : journal.lines()) {
            if (line.account().length() > 15) {
                throw new IllegalArgumentException("Sage 50 G/L accounts have at most 15 characters: " + line.account());
            }
            CsvLine.write(out, journal.date().format(DATE), safe(journal.reference(), 20), journal.lines().size(), line.account(),
                    safe(line.description() != null ? line.description() : journal.description(), 160), line.signedAmount());
        }
    }
}
