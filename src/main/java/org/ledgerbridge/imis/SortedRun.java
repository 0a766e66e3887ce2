package org.ledgerbridge.imis;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/** One sorted run of lines on disk, written once, then read a line at a time. */
final class SortedRun implements LineSorter.Source {
    private final Path path;
    private DataInputStream in;
    private LineSorter.Keyed head;

    private SortedRun(Path path) {
        this.path = path;
    }

    static SortedRun write(Path path, LineSorter.Keyed[] sorted) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(path), 1 << 16))) {
            for (LineSorter.Keyed line : sorted) {
                write(out, line.line());
            }
        }
        return new SortedRun(path);
    }

    @Override
    public boolean next() {
        try {
            if (in == null) {
                in = new DataInputStream(new BufferedInputStream(Files.newInputStream(path), 1 << 16));
            }
            head = LineSorter.Keyed.of(read(in));
            return true;
        } catch (EOFException end) {
            head = null;
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public LineSorter.Keyed head() {
        return head;
    }

    @Override
    public void close() {
        try {
            if (in != null) {
                in.close();
            }
        } catch (IOException ignored) {
            // read to the end already
        }
    }

    private static void write(DataOutputStream out, ImisLine line) throws IOException {
        out.writeLong(line.row());
        text(out, line.batch());
        text(out, line.transaction());
        out.writeLong(line.lineNumber());
        out.writeLong(line.date().toEpochDay());
        for (String text : new String[]{line.type(), line.sourceSystem(), line.customerId(), line.invoiceReference(),
                line.productCode(), line.description(), line.entity(), line.account(), line.amount().toString()}) {
            text(out, text);
        }
}

    private static ImisLine read(DataInputStream in) throws IOException {
        long row = in.readLong();
        String batch = text(in);
        String transaction = text(in);
        long lineNumber = in.readLong();
        LocalDate date = LocalDate.ofEpochDay(in.readLong());
        return new ImisLine(row, batch, transaction, lineNumber, date, text(in), text(in), text(in), text(in), text(in), text(in),
                text(in), text(in), new BigDecimal(text(in)));
}

    private static void text(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
}

    private static String text(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
