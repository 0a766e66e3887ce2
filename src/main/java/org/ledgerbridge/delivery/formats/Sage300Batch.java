package org.ledgerbridge.delivery.formats;

import org.ledgerbridge.delivery.GlFormat;
import org.ledgerbridge.delivery.GlJournal;

import java.io.IOException;
import java.io.Writer;
import java.time.format.DateTimeFormatter;
import java.util.List;

import static org.ledgerbridge.delivery.TextCells.safe;

/**
 * `sage300`: the Sage 300 G/L batch import CSV (G/L Journal Entry, Options > Import; help topic
 * "About Importing Batches"): a RECTYPE 1 record per entry (journal header) followed by its
 * RECTYPE 2 detail records, each record type introduced by its own field-name row, as Sage 300
 * itself exports them. Amounts: debit positive, credit negative (TRANSAMT). Dates YYYYMMDD.
 * Entry description 60 characters, detail description and reference 60 and 60.
 */
public class Sage300Batch implements GlFormat {

    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

    @Override
    public String name() {
        return "sage300";
    }

    @Override
    public String extension() {
        return "csv";
    }

    @Override
    public int maxLinesPerJournal() {
        return 9999; // TRANSNBR is a 9,999-line counter per entry
    }

    @Override
    public void header(Writer out, String entity, List<ChartAccount> accounts) throws IOException {
        CsvLine.write(out, "RECTYPE", "BATCHID", "BTCHENTRY", "SRCELEDGER", "SRCETYPE", "FSCSYR", "FSCSPERD", "JRNLDESC", "DATEENTRY");
        CsvLine.write(out, "RECTYPE", "BATCHNBR", "JOURNALID", "TRANSNBR", "ACCTID", "TRANSAMT", "TRANSDESC", "TRANSREF", "TRANSDATE",
                "SRCELDGR", "SRCETYPE");
    }

    @Override
    public void journal(Writer out, GlJournal journal, int sequence) throws IOException {
        String entry = zeroPadded(sequence, 5);
        String date = journal.date().format(DATE);
        CsvLine.write(out, "1", "000001", entry, "GL", "JE", journal.date().getYear(), zeroPadded(journal.date().getMonthValue(), 2),
                safe(journal.description() != null ? journal.description() : journal.reference(), 60), date);
        int transaction = 0;
        for (GlJournal.Line line : journal.lines()) {
            transaction += 20; // Sage 300 numbers detail lines in steps of 20
            CsvLine.write(out, "2", "000001", entry, zeroPadded(transaction, 10), line.account(), line.signedAmount(),
                    safe(line.description() != null ? line.description() : journal.description(), 60),
                    safe(line.documentNumber() != null ? line.documentNumber() : journal.reference(), 60), date,
                    "GL", "JE");
        }
    }

    /** String.format is slow on a million lines. */
    private static String zeroPadded(int number, int width) {
        String digits = Integer.toString(number);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }
}
