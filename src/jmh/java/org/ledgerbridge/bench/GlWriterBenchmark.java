package org.ledgerbridge.bench;

import org.ledgerbridge.delivery.GlFormat;
import org.ledgerbridge.delivery.GlFormats;
import org.ledgerbridge.delivery.GlJournal;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A GL writer: 10,000 journals of four lines (40,000 lines) written to a writer that keeps nothing. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class GlWriterBenchmark {

    @Param({"sage300", "ledger", "csv"})
    String format;

    GlFormat writer;
    List<GlJournal> journals;

    @Setup
    public void journals() {
        writer = GlFormats.named(format).orElseThrow();
        journals = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            BigDecimal amount = new BigDecimal(100 + i % 900).movePointLeft(2).add(BigDecimal.TEN);
            journals.add(new GlJournal("PSAB", LocalDate.of(2026, 11, 1 + i % 28), "J" + i, "Dues received " + i, "AB000001-1", "USD",
                    List.of(new GlJournal.Line("1050", GlJournal.AccountKind.ASSETS, amount, BigDecimal.ZERO.setScale(2), "Cash", null, null),
                            new GlJournal.Line("1200", GlJournal.AccountKind.ASSETS, BigDecimal.ZERO.setScale(2), amount, "AR", "C000" + i, "INV-" + i),
                            new GlJournal.Line("5100", GlJournal.AccountKind.EXPENSES, amount, BigDecimal.ZERO.setScale(2), "Printing", null, null),
                            new GlJournal.Line("2000", GlJournal.AccountKind.LIABILITIES, BigDecimal.ZERO.setScale(2), amount, "AP", null, null))));
        }
    }

    /** Divide 40,000 lines by the time per operation for lines per second. */
    @Benchmark
    public void write40kLines() throws IOException {
        Writer out = Writer.nullWriter();
        writer.header(out, "PSAB", List.of());
        int sequence = 0;
        for (GlJournal journal : journals) {
            writer.journal(out, journal, ++sequence);
        }
        writer.footer(out, List.of());
    }
}
