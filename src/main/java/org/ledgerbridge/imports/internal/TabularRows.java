package org.ledgerbridge.imports.internal;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The rows of a CSV or XLSX file, streamed, each with its spreadsheet row number. */
public interface TabularRows extends AutoCloseable {

    /** The next row's cells as text, or null at the end of the file. */
    List<String> next() throws MalformedFileException;

    /** Spreadsheet row number of the row last returned (the header is row 1). */
    long row();

    /** Bytes of the file consumed so far, for progress; 0 when unknown. */
    long bytesRead();

    /** The typed date of a cell of the row last returned (XLSX date cells only). */
    default Optional<LocalDate> typedDate(int index) {
        return Optional.empty();
    }

    @Override
    void close() throws IOException;

    /** No rows: what a file that is no text at all is read as. */
    TabularRows NONE = new TabularRows() {
        @Override
        public List<String> next() {
            return null;
        }

        @Override
        public long row() {
            return 0;
        }

        @Override
        public long bytesRead() {
            return 0;
        }

        @Override
        public void close() {
        }
    };

    /** The file cannot be read from this row on (an unclosed quote, a broken sheet, a field too large). */
    final class MalformedFileException extends Exception {
        private final long row;

        public MalformedFileException(long row, String message) {
            super(message);
            this.row = row;
        }

        public long row() {
            return row;
        }
    }
}
