package org.ledgerbridge.bench;

import org.ledgerbridge.imis.ImisFile;
import org.ledgerbridge.imports.MappingProfile;
import org.ledgerbridge.imports.ProgressListener;
import org.ledgerbridge.imports.RowErrors;
import org.ledgerbridge.demo.SyntheticFiles;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

/** CSV row to validated record: 100,000 iMIS lines read (FastCSV), checked and turned into records. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CsvRowsBenchmark {

    static final int ROWS = 100_000;
    Path file;

    @Setup
    public void file() throws IOException {
        file = Files.createTempFile("imis-export", ".csv");
        SyntheticFiles.generate("imis-export", ROWS, 42, LocalDate.of(2026, 11, 21), file);
    }

    @TearDown
    public void remove() throws IOException {
        Files.deleteIfExists(file);
    }

    /** Divide 100,000 by the time per operation for rows per second. */
    @Benchmark
    public long readAndValidate100kRows(Blackhole sink) throws IOException {
        RowErrors errors = new RowErrors();
        long rows = ImisFile.read(file, MappingProfile.NONE, errors, ProgressListener.NONE, sink::consume);
        if (errors.any()) {
            throw new IllegalStateException(errors.errors().toString());
        }
        return rows;
    }
}
