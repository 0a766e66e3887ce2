package org.ledgerbridge.cli;

import org.ledgerbridge.ledger.ErrorCode;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.List;

/** Standard output for reports (JSON or text); standard error for progress and messages. */
final class Output {

    /** Amounts are JSON strings at their scale ("1250.00"), never floating-point numbers. */
    static JsonMapper json() {
        return Json.MAPPER;
    }

    /** Built at the first JSON report, not at every start (Jackson's set-up is about 0.1 s). */
    private static final class Json {
        static final JsonMapper MAPPER = JsonMapper.builder()
            .addModule(new SimpleModule().addSerializer(BigDecimal.class, new ValueSerializer<BigDecimal>() {
                @Override
                public void serialize(BigDecimal value, JsonGenerator gen, SerializationContext context) {
                    gen.writeString(value.toPlainString());
                }
            }))
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();
    }

    final PrintStream out;
    final PrintStream err;
    /** Whether standard error is a terminal (a progress bar redraws its line) or a log (it writes a line now and then). */
    final boolean terminal;

    Output(PrintStream out, PrintStream err) {
        this(out, err, System.console() != null);
    }

    Output(PrintStream out, PrintStream err, boolean terminal) {
        this.out = out;
        this.err = err;
        this.terminal = terminal;
    }

    /**
     * A refusal of a ledger rule: the code and sentence on standard error, and with --report json
     * the same as an object on standard output.
     */
    void refused(boolean asJson, ErrorCode code, String message, String consequence, java.util.Map<String, Object> more) {
        if (asJson) {
            java.util.Map<String, Object> json = new java.util.LinkedHashMap<>();
            json.put("status", "refused");
            json.put("code", code.name());
            json.put("message", message);
            json.putAll(more);
            json(json);
        }
        err.println("refused: " + code + ": " + message + (consequence.isEmpty() ? "" : "; " + consequence));
    }

    /** The one way a command answers: {@code value} as JSON with --report json, else the text {@code asText} prints. */
    void answer(boolean asJson, Object value, Runnable asText) {
        if (asJson) {
            json(value);
        } else {
            asText.run();
        }
    }

    void json(Object value) {
        out.println(json().writeValueAsString(value));
    }

    /** A plain text table: columns padded to their widest cell. */
    void table(List<String> header, List<List<String>> rows) {
        int[] widths = widths(header, rows);
        try (Lines lines = new Lines()) {
            lines.row(header, widths);
            rows.forEach(row -> lines.row(row, widths));
        }
    }

    /**
     * A table of rows that come as they are read (a report of a million journals): the columns
     * take the widths of the first rows, later rows are written as they arrive.
     */
    void tableStream(List<String> header, java.util.stream.Stream<List<String>> rows) {
        try (RowsOut table = table(header)) {
            rows.forEach(table::row);
        }
    }

    /** A table written row by row as the rows are handed over; close it at the end. */
    RowsOut table(List<String> header) {
        return new RowsOut(header);
    }

    /** A JSON object whose field {@code field} is an array written item by item as the items are read. */
    void jsonStream(java.util.Map<String, Object> head, String field, Iterable<?> items) {
        try (ItemsOut array = jsonStream(head, field)) {
            items.forEach(array::item);
        }
    }

    /** The same, with the items handed over one by one; close it at the end. */
    ItemsOut jsonStream(java.util.Map<String, Object> head, String field) {
        String start = json().writeValueAsString(head);
        return new ItemsOut(start.substring(0, start.length() - 1) + (head.isEmpty() ? "" : ",") + json().writeValueAsString(field) + ":[",
                "]}");
    }

    /** A JSON array written item by item as the items are read. */
    void jsonArray(Iterable<?> items) {
        try (ItemsOut array = new ItemsOut("[", "]")) {
            items.forEach(array::item);
        }
    }

    private static int[] widths(List<String> header, List<List<String>> rows) {
        int[] widths = new int[header.size()];
        for (int i = 0; i < header.size(); i++) {
            widths[i] = header.get(i).length();
        }
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i) == null ? 0 : row.get(i).length());
            }
        }
        return widths;
    }

    /**
     * Standard output in 64 KB writes for a long report: System.out flushes at every line, which
     * made a 200,000-line report a write per line.
     */
    private class Lines implements AutoCloseable {
        final PrintStream text = new PrintStream(new java.io.BufferedOutputStream(out, 1 << 16), false,
                java.nio.charset.StandardCharsets.UTF_8);

        void row(List<String> cells, int[] widths) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < cells.size(); i++) {
                String cell = cells.get(i) == null ? "" : cells.get(i);
                line.append(i == 0 ? "" : "  ").append(cell).append(" ".repeat(Math.max(0, widths[i] - cell.length())));
            }
            text.println(line.toString().stripTrailing());
        }

        @Override
        public void close() {
            text.flush();
        }
    }

    /** A table whose first rows set the column widths; the others are written as they come. */
    final class RowsOut extends Lines {
        private final List<String> header;
        private final List<List<String>> first = new java.util.ArrayList<>();
        private int[] widths;

        private RowsOut(List<String> header) {
            this.header = header;
        }

        void row(List<String> cells) {
            if (widths != null) {
                row(cells, widths);
                return;
            }
            first.add(cells);
            if (first.size() == org.ledgerbridge.ledger.Page.MAX_LIMIT) {
                start();
            }
        }

        private void start() {
            widths = widths(header, first);
            row(header, widths);
            first.forEach(row -> row(row, widths));
            first.clear();
        }

        @Override
        public void close() {
            if (widths == null) {
                start();
            }
            super.close();
        }
    }

    /** JSON items written one by one between an opening and a closing text. */
    final class ItemsOut extends Lines {
        private final String end;
        private boolean first = true;

        private ItemsOut(String start, String end) {
            this.end = end;
            text.print(start);
        }

        void item(Object item) {
            text.print((first ? "" : ",") + json().writeValueAsString(item));
            first = false;
        }

        @Override
        public void close() {
            text.println(end);
            super.close();
        }
    }

}
