package org.ledgerbridge.delivery;

import org.junit.jupiter.api.Test;
import org.ledgerbridge.delivery.formats.Sage50UsGeneralJournal;
import org.ledgerbridge.delivery.formats.XeroManualJournal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Files per entity, split before a format's line cap and never inside a journal, without a database. */
class GlFilesTest {

    private final WrittenFiles sink = new WrittenFiles();
    private final Map<String, String> written = sink.files();
    private int reference;

    private GlFiles files(GlFormat format) {
        return new GlFiles(format, sink, (entity, part, capped) -> entity + (capped ? "-" + part : "") + ".csv", entity -> List.of());
    }

    /** A balanced journal of {@code lines} lines: one debit of cash, the rest credits of income. */
    private GlJournal journal(String entity, int lines, String account) {
        List<GlJournal.Line> all = new ArrayList<>();
        all.add(new GlJournal.Line(account, GlJournal.AccountKind.ASSETS, BigDecimal.valueOf(lines - 1), BigDecimal.ZERO, "cash", null, null));
        for (int i = 1; i < lines; i++) {
            all.add(new GlJournal.Line("4000", GlJournal.AccountKind.INCOME, BigDecimal.ZERO, BigDecimal.ONE, "dues", null, null));
        }
        return new GlJournal(entity, LocalDate.of(2026, 11, 30), "LB-" + ++reference, null, null, "USD", all);
    }

    private static long dataRows(String file) {
        return file.lines().count() - 1; // the header
    }

    @Test
    void xero_fills_a_file_to_exactly_300_lines_and_starts_the_next_with_the_journal_that_would_pass_it() {
        GlFiles xero = files(new XeroManualJournal());

        for (int i = 0; i < 3; i++) {
            assertThat(xero.write(journal("PSAB", 100, "1010"))).isEmpty();
        }
        assertThat(xero.write(journal("PSAB", 2, "1010"))).isEmpty();
        List<GlExport.ManifestEntry> manifest = xero.finish();

        assertThat(manifest).extracting(GlExport.ManifestEntry::file, GlExport.ManifestEntry::journals, GlExport.ManifestEntry::lines)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("PSAB-1.csv", 3L, 300L),
                        org.assertj.core.groups.Tuple.tuple("PSAB-2.csv", 1L, 2L));
        assertThat(dataRows(written.get("PSAB-1.csv"))).isEqualTo(300);
        assertThat(dataRows(written.get("PSAB-2.csv"))).isEqualTo(2);
        assertThat(xero.totalLines()).isEqualTo(302);
    }

    @Test
    void a_journal_is_never_split_over_two_files() {
        GlFiles xero = files(new XeroManualJournal());

        xero.write(journal("PSAB", 200, "1010"));
        xero.write(journal("PSAB", 150, "1010"));
        List<GlExport.ManifestEntry> manifest = xero.finish();

        assertThat(manifest).extracting(GlExport.ManifestEntry::lines).containsExactly(200L, 150L);
        assertThat(manifest).allSatisfy(f -> assertThat(f.debit()).isEqualByComparingTo(f.credit()));
    }

    @Test
    void a_journal_of_exactly_300_lines_is_taken_and_one_of_301_is_refused_before_anything_is_written() {
        GlFiles xero = files(new XeroManualJournal());

        assertThat(xero.write(journal("PSAB", 300, "1010"))).isEmpty();
        Optional<GlExport.Refused> refused = xero.write(journal("PSAB", 301, "1010"));

        assertThat(refused).get().satisfies(r -> {
            assertThat(r.code()).hasToString("JOURNAL_TOO_LONG_FOR_FORMAT");
            assertThat(r.message()).contains("301 lines").contains("at most 300");
        });
        assertThat(xero.finish()).singleElement().satisfies(f -> assertThat(f.lines()).isEqualTo(300));
    }

    @Test
    void each_entity_has_files_of_its_own() {
        GlFiles xero = files(new XeroManualJournal());

        xero.write(journal("PSAB", 10, "1010"));
        xero.write(journal("FED", 10, "1010"));

        assertThat(xero.finish()).extracting(GlExport.ManifestEntry::entity, GlExport.ManifestEntry::file)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("PSAB", "PSAB-1.csv"), org.assertj.core.groups.Tuple.tuple("FED", "FED-1.csv"));
    }

    @Test
    void a_journal_the_format_cannot_take_is_refused_with_the_reason() {
        GlFiles sage = files(new Sage50UsGeneralJournal());

        Optional<GlExport.Refused> refused = sage.write(journal("PSAB", 2, "1010-000-000-0001"));

        assertThat(refused).get().satisfies(r -> {
            assertThat(r.code()).hasToString("NOT_VALID_FOR_FORMAT");
            assertThat(r.message()).contains("LB-1").contains("at most 15 characters");
        });
    }

    @Test
    void a_summary_whose_lines_cancel_out_writes_nothing() {
        GlFiles xero = files(new XeroManualJournal());

        assertThat(xero.write(new GlJournal("PSAB", LocalDate.of(2026, 11, 30), "LB-9", null, null, "USD", List.of()))).isEmpty();

        assertThat(xero.finish()).isEmpty();
        assertThat(written).isEmpty();
    }
}
