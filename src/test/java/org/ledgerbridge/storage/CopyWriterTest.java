package org.ledgerbridge.storage;

import org.junit.jupiter.api.Test;
import org.ledgerbridge.support.LedgerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

@LedgerTest
class CopyWriterTest {

    @Autowired DataSource dataSource;
    @Autowired PlatformTransactionManager transactions;
    @Autowired JdbcClient jdbc;

    /** Writes into a fresh table t (n bigint, label text, day date, amount numeric, flag boolean) and reads it back by n. */
    private List<List<Object>> writeAndReadBack(Consumer<CopyWriter> rows) {
        jdbc.sql("DROP TABLE IF EXISTS copy_writer_test").update();
        jdbc.sql("CREATE TABLE copy_writer_test (n bigint, label text, day date, amount numeric, flag boolean)").update();
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            try (CopyWriter writer = new CopyWriter(dataSource, "copy_writer_test (n, label, day, amount, flag)")) {
                rows.accept(writer);
            }
        });
        return jdbc.sql("SELECT n, label, day, amount, flag FROM copy_writer_test ORDER BY n")
                .query((rs, i) -> Arrays.<Object>asList(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getBigDecimal(4), rs.getObject(5)))
                .list();
    }

    @Test
    void text_arrives_exactly_as_written_with_its_tabs_line_breaks_backslashes_accents_and_emoji() {
        String awkward = "Tab\there, line\nbreak\r, back\\slash, \\N literal, café €, 𝄞 clef, \u000b\b\f";

        List<List<Object>> rows = writeAndReadBack(w -> w.row(1L, awkward, LocalDate.of(2026, 2, 28), new BigDecimal("12.3400"), true));

        assertThat(rows).containsExactly(List.of(1L, awkward, LocalDate.of(2026, 2, 28), new BigDecimal("12.3400"), true));
    }

    @Test
    void null_is_told_apart_from_the_text_backslash_n() {
        List<List<Object>> rows = writeAndReadBack(w -> {
            w.row(1L, null, null, null, null);
            w.row(2L, "\\N", LocalDate.of(900, 1, 1), new BigDecimal("-0.5"), false);
        });

        assertThat(rows).containsExactly(Arrays.asList(1L, null, null, null, null),
                List.of(2L, "\\N", LocalDate.of(900, 1, 1), new BigDecimal("-0.5"), false));
    }

    @Test
    void amounts_counts_and_dates_arrive_exactly_as_written() {
        List<BigDecimal> amounts = List.of(new BigDecimal("0"), new BigDecimal("0.00"), new BigDecimal("0.0500"), new BigDecimal("-0.0001"),
                new BigDecimal("1250.00"), new BigDecimal("-987654.3210"), new BigDecimal("12345678901234.5678"),
                new BigDecimal("1E+3"), new BigDecimal("123456789012345678901234.5"), BigDecimal.valueOf(Long.MIN_VALUE, 4));
        List<LocalDate> days = List.of(LocalDate.of(2026, 1, 9), LocalDate.of(1999, 12, 31), LocalDate.of(9999, 12, 31), LocalDate.of(1000, 1, 1));

        List<List<Object>> rows = writeAndReadBack(w -> {
            for (int i = 0; i < amounts.size(); i++) {
                w.row(i == 0 ? Long.valueOf(-5) : i == 1 ? (Object) Integer.valueOf(7) : (long) i * 1_000_000_007L,
                        null, days.get(i % days.size()), amounts.get(i), null);
            }
        });

        assertThat(rows).extracting(r -> r.get(0)).containsExactly(-5L, 7L, 2000000014L, 3000000021L, 4000000028L, 5000000035L,
                6000000042L, 7000000049L, 8000000056L, 9000000063L);
        assertThat(rows).extracting(r -> r.get(3)).containsExactlyElementsOf(amounts.stream().map(BigDecimal::toPlainString)
                .map(BigDecimal::new).toList());
        assertThat(rows).extracting(r -> r.get(2)).containsExactly(days.get(0), days.get(1), days.get(2), days.get(3), days.get(0),
                days.get(1), days.get(2), days.get(3), days.get(0), days.get(1));
    }

    @Test
    void a_million_rows_go_through_many_recycled_chunks_none_lost_none_repeated() {
        int count = 1_000_000;

        writeAndReadBack(w -> {
            for (long n = 1; n <= count; n++) {
                w.row(n, n % 1000 == 0 ? "é" + n : "row " + n, LocalDate.of(2026, 1, 1).plusDays(n % 365), BigDecimal.valueOf(n, 2), n % 2 == 0);
            }
        });

        var totals = jdbc.sql("SELECT count(*), count(DISTINCT n), sum(n), sum(amount), count(*) FILTER (WHERE label = 'é' || n) FROM copy_writer_test")
                .query((rs, i) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getBigDecimal(4), rs.getLong(5))).single();
        long sum = (long) count * (count + 1) / 2;
        assertThat(totals).containsExactly((long) count, (long) count, sum, BigDecimal.valueOf(sum, 2), (long) count / 1000);
    }

    @Test
    void a_group_larger_than_a_chunk_reaches_the_database_in_one_piece() {
        String wide = "x".repeat(100_000);

        writeAndReadBack(w -> {
            for (long n = 1; n <= 60; n++) { // 6 MB in one group: more than a chunk and its slack
                w.rowInGroup(n, wide, null, BigDecimal.ONE, null);
            }
            w.endGroup();
        });

        assertThat(jdbc.sql("SELECT count(*), sum(length(label)) FROM copy_writer_test")
                .query((rs, i) -> List.of(rs.getLong(1), rs.getLong(2))).single()).containsExactly(60L, 6_000_000L);
    }
}
