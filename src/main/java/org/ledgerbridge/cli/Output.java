package org.ledgerbridge.cli;

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
    static final JsonMapper JSON = JsonMapper.builder()
            .addModule(new SimpleModule().addSerializer(BigDecimal.class, new ValueSerializer<BigDecimal>() {
                @Override
                public void serialize(BigDecimal value, JsonGenerator gen, SerializationContext context) {
                    gen.writeString(value.toPlainString());
                }
            }))
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    final PrintStream out;
    final PrintStream err;

    Output(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /**
     * A refusal of a ledger rule: the code and sentence on standard error, and with --report json
     * the same as an object on standard output.
     */
    void refused(boolean asJson, String code, String message, String consequence, java.util.Map<String, Object> more) {
        if (asJson) {
            java.util.Map<String, Object> json = new java.util.LinkedHashMap<>();
            json.put("status", "refused");
            json.put("code", code);
            json.put("message", message);
            json.putAll(more);
            json(json);
        }
        err.println("refused: " + code + ": " + message + (consequence.isEmpty() ? "" : "; " + consequence));
    }

    void json(Object value) {
        out.println(JSON.writeValueAsString(value));
    }

    /** A plain text table: columns padded to their widest cell. */
    void table(List<String> header, List<List<String>> rows) {
        int[] widths = new int[header.size()];
        for (int i = 0; i < header.size(); i++) {
            widths[i] = header.get(i).length();
        }
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i) == null ? 0 : row.get(i).length());
            }
        }
        printRow(header, widths);
        for (List<String> row : rows) {
            printRow(row, widths);
        }
    }

    private void printRow(List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i) == null ? "" : cells.get(i);
            line.append(i == 0 ? "" : "  ").append(cell).append(" ".repeat(widths[i] - cell.length()));
        }
        out.println(line.toString().stripTrailing());
    }
}
