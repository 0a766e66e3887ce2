package org.ledgerbridge.storage;

import org.junit.jupiter.api.Test;
import org.ledgerbridge.support.LedgerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@LedgerTest
class CopyReaderTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactions;

    private List<List<Object>> read(String query, Object... parameters) {
        List<List<Object>> rows = new ArrayList<>();
        new TransactionTemplate(transactions).executeWithoutResult(tx -> CopyReader.read(dataSource, query, row -> {
            rows.add(java.util.Arrays.asList(row.longValue(1), row.text(2), row.date(3), row.decimal(4), row.isNull(2)));
            return true;
        }, parameters));
        return rows;
    }

    @Test
    void text_comes_back_exactly_as_stored_with_its_tabs_line_breaks_backslashes_and_accents() {
        String awkward = "Tab\there, line\nbreak\r, back\\slash, \\N literal, café €, \u000b\b\f";
        List<List<Object>> rows = read("SELECT 1, CAST(? AS text), DATE '2026-02-28', 12.3400", awkward);

        assertThat(rows).containsExactly(List.of(1L, awkward, LocalDate.of(2026, 2, 28), new BigDecimal("12.3400"), false));
    }

    @Test
    void null_is_told_apart_from_the_text_backslash_n() {
        List<List<Object>> rows = read("SELECT -42, NULL, NULL::date, NULL::numeric UNION ALL SELECT 7, '\\N', DATE '0900-01-01', -0.5 ORDER BY 1");

        assertThat(rows).containsExactly(
                java.util.Arrays.asList(-42L, null, null, null, true),
                List.of(7L, "\\N", LocalDate.of(900, 1, 1), new BigDecimal("-0.5"), false));
    }

    @Test
    void parameters_are_values_never_sql() {
        String hostile = "x\\'); DROP TABLE journal; -- ? $$";
        List<List<Object>> rows = read("SELECT 1, CAST(? AS text), CAST(? AS date), CAST(? AS numeric) WHERE CAST(? AS boolean)",
                hostile, LocalDate.of(2026, 11, 21), new BigDecimal("1.05"), true);

        assertThat(rows).containsExactly(List.of(1L, hostile, LocalDate.of(2026, 11, 21), new BigDecimal("1.05"), false));
        assertThat(read("SELECT 1, 'a', NULL::date, 1 WHERE CAST(? AS boolean)", false)).isEmpty();
    }

    @Test
    void a_handler_that_answers_false_stops_the_read_and_the_transaction_goes_on() {
        List<Long> seen = new ArrayList<>();
        Long after = new TransactionTemplate(transactions).execute(tx -> {
            CopyReader.read(dataSource, "SELECT g FROM generate_series(1, 100000) g", row -> {
                seen.add(row.longValue(1));
                return seen.size() < 3;
            });
            return org.springframework.jdbc.core.simple.JdbcClient.create(dataSource).sql("SELECT 5").query(Long.class).single();
        });

        assertThat(seen).containsExactly(1L, 2L, 3L);
        assertThat(after).isEqualTo(5L);
    }

    @Test
    void a_handler_that_fails_ends_the_copy_so_the_transaction_rolls_back_instead_of_waiting_forever() {
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(tx ->
                CopyReader.read(dataSource, "SELECT g FROM generate_series(1, 100000) g", row -> {
                    throw new IllegalArgumentException("the report could not write row " + row.longValue(1));
                }))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 1");

        Long after = new TransactionTemplate(transactions).execute(tx ->
                org.springframework.jdbc.core.simple.JdbcClient.create(dataSource).sql("SELECT 5").query(Long.class).single());
        assertThat(after).isEqualTo(5L);
    }

    @Test
    void reading_outside_a_transaction_is_a_bug_said_plainly() {
        assertThatThrownBy(() -> CopyReader.read(dataSource, "SELECT 1", row -> true))
                .hasMessageContaining("inside a transaction");
    }
}
