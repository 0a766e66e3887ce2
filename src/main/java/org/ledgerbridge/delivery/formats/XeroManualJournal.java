package org.ledgerbridge.delivery.formats;

import org.ledgerbridge.delivery.GlFormat;
import org.ledgerbridge.delivery.GlJournal;

import java.io.IOException;
import java.io.Writer;
import java.time.format.DateTimeFormatter;
import java.util.List;

import static org.ledgerbridge.delivery.TextCells.safe;

/**
 * `xero`: Xero's manual journal import CSV (Accounting > Manual journals > Import):
 * *Narration, *Date, Description, *AccountCode, *TaxRate (the line's tax code, the name of a tax
 * rate in Xero; Tax Exempt for a line without one), *Amount (debit positive, credit negative),
 * tracking columns. Xero imports at most 300 lines per file (issue "Batches and GL
 * export"); the exporter starts a new file before that, never inside a journal. Narration 4,000
 * characters, description 4,000.
 */
public class XeroManualJournal implements GlFormat {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Override
    public String name() {
        return "xero";
    }

    @Override
    public String extension() {
        return "csv";
    }

    @Override
    public int maxLinesPerFile() {
        return 300;
    }

    @Override
    public int maxLinesPerJournal() {
        return 300;
    }

    @Override
    public void header(Writer out, String entity, List<ChartAccount> accounts) throws IOException {
        CsvLine.write(out, "*Narration", "*Date", "Description", "*AccountCode", "*TaxRate", "*Amount", "TrackingName1", "TrackingOption1",
                "TrackingName2", "TrackingOption2");
    }

    @Override
    public void journal(Writer out, GlJournal journal, int sequence) throws IOException {
        String narration = safe(journal.reference() + (journal.description() != null ? " " + journal.description() : ""), 4000);
        for (GlJournal.Line line : journal.lines()) {
            CsvLine.write(out, narration, journal.date().format(DATE), safe(line.description(), 4000), line.account(),
                    line.taxCode() != null ? safe(line.taxCode(), 255) : "Tax Exempt",
                    line.signedAmount(), "", "", "", "");
        }
    }
}
