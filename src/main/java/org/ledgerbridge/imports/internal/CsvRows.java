package org.ledgerbridge.imports.internal;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

/**
 * Records of a CSV file, streamed: UTF-8 (BOM or not) or Windows-1252, comma or semicolon,
 * quoted fields with embedded newlines. The record number is the spreadsheet row number.
 */
public final class CsvRows implements TabularRows {

    private final CsvReader<CsvRecord> reader;
    private final Iterator<CsvRecord> records;
    private final CountingInputStream counted;
    private long row;

    public CsvRows(Path file, FileFacts facts) throws IOException {
        Charset charset = facts.utf8() ? StandardCharsets.UTF_8 : Charset.forName("windows-1252");
        char delimiter = sniffDelimiter(file, charset);
        this.counted = new CountingInputStream(Files.newInputStream(file));
        Reader text = new BufferedReader(new InputStreamReader(counted, charset), 1 << 16);
        if (facts.utf8Bom()) {
            text.skip(1);
        }
        this.reader = CsvReader.builder()
                .fieldSeparator(delimiter)
                .skipEmptyLines(false)
                .allowExtraFields(true)
                .allowMissingFields(true)
                .allowUnclosedQuote(false)
                .ofCsvRecord(text);
        this.records = reader.iterator();
    }

    @Override
    public List<String> next() throws MalformedFileException {
        try {
            // hasNext() parses the next record: a failure there is in the row after the last one returned
            if (!records.hasNext()) {
                return null;
            }
            row++;
            return records.next().getFields();
        } catch (CsvParseException | java.io.UncheckedIOException e) {
            throw new MalformedFileException(row + 1, e.getMessage() + (e.getCause() != null ? ": " + e.getCause().getMessage() : ""));
        }
    }

    @Override
    public long row() {
        return row;
    }

    @Override
    public long bytesRead() {
        return counted.count;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    /**
     * The header decides: more semicolons than commas outside quotes means a semicolon file. The
     * comment lines a template has above its header (starting with #) do not count.
     */
    private static char sniffDelimiter(Path file, Charset charset) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, charset)) {
            String header = in.readLine();
            while (header != null && header.replace("\uFEFF", "").startsWith("#")) {
                header = in.readLine();
            }
            if (header == null) {
                return ',';
            }
            int commas = 0;
            int semicolons = 0;
            boolean quoted = false;
            for (char c : header.toCharArray()) {
                if (c == '"') {
                    quoted = !quoted;
                } else if (!quoted && c == ',') {
                    commas++;
                } else if (!quoted && c == ';') {
                    semicolons++;
                }
            }
            return semicolons > commas ? ';' : ',';
        }
    }

    private static final class CountingInputStream extends FilterInputStream {
        private volatile long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
