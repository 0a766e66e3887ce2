package org.ledgerbridge.reliability;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.ledgerbridge.delivery.GlFormats;
import org.ledgerbridge.imis.ImisChart;
import org.ledgerbridge.imis.ImisConverter;
import org.ledgerbridge.imis.ImisSummary;
import org.ledgerbridge.imports.ImportOptions;
import org.ledgerbridge.imports.ImportReport;
import org.ledgerbridge.imports.ImportService;
import org.ledgerbridge.imports.ImportStatus;
import org.ledgerbridge.imports.MappingProfile;
import org.ledgerbridge.imports.ProgressListener;
import org.ledgerbridge.imports.RowProblem;
import org.ledgerbridge.ledger.LedgerSetup;
import org.ledgerbridge.receivables.MigratedDocuments;
import org.ledgerbridge.receivables.MigrationMode;
import org.ledgerbridge.receivables.NewDocument;
import org.ledgerbridge.support.LedgerTest;
import org.ledgerbridge.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hostile-file corpus of src/test/resources/bad-input (made by make-corpus.py there): every
 * file is turned down with the stable code, row and column that expected.csv names, and the
 * ledger is the same afterwards, table by table. A file without a line in expected.csv fails,
 * printing what it got, so that nobody adds a file without saying what it must do.
 */
@LedgerTest
@org.springframework.test.context.TestPropertySource(properties = "ledgerbridge.test.ledger=corpus") // a context (and database) of its own
class BadInputCorpusTest {

    static final Path CORPUS = Path.of("src/test/resources/bad-input");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    /** What a Java type, a record's toString or an exception looks like in a message. */
    static final java.util.regex.Pattern JAVA_TEXT = java.util.regex.Pattern.compile(
            "Exception|\\b(java|javax|org|tools|com)\\.[a-z]+\\.|\\b[A-Z][A-Za-z]+\\[[a-zA-Z]+=|\\bnull\\b|\\$\\$|\\.java:\\d+");

    @Autowired ImportService imports;
    @Autowired MigrationMode migrationMode;
    @Autowired MigratedDocuments migrated;
    @Autowired LedgerSetup setup;
    @Autowired JdbcClient jdbc;
    @TempDir Path out;

    record Expected(String code, long row, String column) {
        boolean matches(RowProblem problem) {
            return problem.code().name().equals(code) && problem.row() == row
                    && (column.isEmpty() ? problem.column() == null : column.equalsIgnoreCase(problem.column()));
        }
    }

    @BeforeEach
    void the_sample_ledger_with_open_invoices() {
        if (setup.isEmpty()) {
            Samples.withOpenInvoices(imports, migrationMode, migrated, TODAY);
        }
    }

    @TestFactory
    Stream<DynamicTest> every_file_of_the_corpus_is_turned_down_as_expected_and_writes_nothing() throws IOException {
        Map<String, Expected> expected = expectations();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(CORPUS)) {
            files = walk.filter(f -> f.toString().endsWith(".csv") && !f.getFileName().toString().equals("expected.csv"))
                    .sorted().toList();
        }
        assertThat(files).as("files in the corpus").hasSizeGreaterThanOrEqualTo(60);
        return files.stream().map(file -> DynamicTest.dynamicTest(CORPUS.relativize(file).toString(), () -> {
            String name = CORPUS.relativize(file).toString();
            List<RowProblem> errors = turnDown(file);
            Expected wanted = expected.get(name);
            assertThat(wanted).as("no line in expected.csv for %s; it was turned down with %s", name, errors).isNotNull();
            assertThat(errors).as(name).anyMatch(wanted::matches);
            assertThat(errors).as("%s: every message in words, no Java type, record or exception text", name)
                    .allSatisfy(e -> assertThat(e.message()).doesNotContainPattern(JAVA_TEXT));
        }));
    }

    /** Imports (or converts) the file and returns its errors, after checking that nothing was written. */
    private List<RowProblem> turnDown(Path file) throws IOException {
        String kind = file.getParent().getFileName().toString();
        if (kind.equals("imis-convert")) {
            Path target = Files.createDirectories(out.resolve(file.getFileName().toString()));
            ImisConverter.Conversion conversion = ImisConverter.convert(file, Set.of("1041"), GlFormats.named("sage300").orElseThrow(),
                    ImisSummary.DETAIL, "AB######-#", ImisChart.of(setup.entities(), setup.accounts()), MappingProfile.NONE, target,
                    ProgressListener.NONE);
            assertThat(conversion).isInstanceOf(ImisConverter.Rejected.class);
            try (Stream<Path> written = Files.list(target)) {
                assertThat(written).as("no file written").isEmpty();
            }
            return ((ImisConverter.Rejected) conversion).errors();
        }
        if (kind.equals("documents")) {
            migrationMode.set(NewDocument.Module.AR, true, "setup");
        }
        try {
            LedgerSnapshot before = LedgerSnapshot.of(jdbc);
            long runs = jdbc.sql("SELECT count(*) FROM import_run WHERE status = 'committed'").query(Long.class).single();
            ImportReport report = imports.run(kind, file, ImportOptions.of(TODAY, "corpus").withFlag("batch", "1041"));
            assertThat(report.status()).as(report.errors().toString()).isEqualTo(ImportStatus.REJECTED);
            assertThat(LedgerSnapshot.of(jdbc)).as("the ledger after the rejected file").isEqualTo(before);
            assertThat(jdbc.sql("SELECT count(*) FROM import_run WHERE status = 'committed'").query(Long.class).single()).isEqualTo(runs);
            return report.errors();
        } finally {
            if (kind.equals("documents")) {
                migrationMode.set(NewDocument.Module.AR, false, "setup");
            }
        }
    }

    static Map<String, Expected> expectations() throws IOException {
        Map<String, Expected> expected = new LinkedHashMap<>();
        for (String line : Files.readAllLines(CORPUS.resolve("expected.csv"))) {
            if (line.isBlank() || line.startsWith("FILE,") || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split(",", -1);
            expected.put(cells[0], new Expected(cells[1], Long.parseLong(cells[2]), cells[3]));
        }
        return expected;
    }
}
