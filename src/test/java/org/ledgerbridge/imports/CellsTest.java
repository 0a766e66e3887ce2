package org.ledgerbridge.imports;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading one cell under the file contract, without a database: each failure a code on its row and column. */
class CellsTest {

    private final RowErrors errors = new RowErrors();

    private static SourceRow row(String column, String value) {
        return SourceRow.of(Map.of(column, value));
    }

    private String problems() {
        return errors.errors().stream().map(p -> p.row() + "/" + p.column() + "/" + p.code()).toList().toString();
    }

    enum Module { AR, AP }

    @Test
    void a_required_text_is_there_and_no_longer_than_its_limit() {
        errors.startRow(7);
        assertThat(Cells.required(row("NAME", "a".repeat(10)), "NAME", 10, errors)).hasSize(10);
        assertThat(errors.any()).isFalse();

        assertThat(Cells.required(row("NAME", "a".repeat(11)), "NAME", 10, errors)).isNull();
        assertThat(Cells.required(row("NAME", ""), "NAME", 10, errors)).isNull();
        assertThat(problems()).isEqualTo("[7/NAME/VALUE_TOO_LONG, 7/NAME/VALUE_REQUIRED]");
        assertThat(errors.errors().get(0).message()).isEqualTo("NAME has 11 characters; at most 10 are allowed");
    }

    @Test
    void an_optional_text_may_be_empty_but_not_too_long() {
        assertThat(Cells.optional(row("MEMO", ""), "MEMO", 5, errors)).isEmpty();
        assertThat(Cells.optional(row("MEMO", "12345"), "MEMO", 5, errors)).isEqualTo("12345");
        assertThat(Cells.optional(row("MEMO", "123456"), "MEMO", 5, errors)).isNull();
        assertThat(problems()).isEqualTo("[0/MEMO/VALUE_TOO_LONG]");
    }

    @Test
    void text_a_spreadsheet_would_run_is_refused_and_signs_before_digits_or_spaces_stay_text() {
        for (String formula : new String[]{"=1+1", "@SUM(A1)", "\tx", "\rx", "\nx", "+cmd", "-cmd|' /C calc'!A0", "+(1)", "-=1", "+@x"}) {
            assertThat(Cells.looksLikeFormula(formula)).as(formula).isTrue();
        }
        for (String text : new String[]{"", "- October dues", "-5", "+44 20 7946 0000", "+", "-", "Dues = 100", "a=b"}) {
            assertThat(Cells.looksLikeFormula(text)).as(text).isFalse();
        }
        assertThat(Cells.optional(row("MEMO", "=HYPERLINK(\"x\")"), "MEMO", 100, errors)).isNull();
        assertThat(problems()).isEqualTo("[0/MEMO/FORMULA_NOT_ALLOWED]");
    }

    @Test
    void a_plain_decimal_is_digits_an_optional_leading_minus_and_one_point() {
        for (String number : new String[]{"0", "1250.00", "-45.45", "007", "123456789012345678", "1.0123456789"}) {
            assertThat(Cells.parseDecimal(number)).as(number).isPresent();
        }
        assertThat(Cells.parseDecimal("-45.45")).get().hasToString("-45.45");
        for (String notNumber : new String[]{"", "-", ".5", "5.", "1,250.00", "1 250", "1e5", "+5", "--5", "1.2.3", "1234567890123456789",
                "1.01234567891", "5-"}) {
            assertThat(Cells.parseDecimal(notNumber)).as(notNumber).isEmpty();
        }
    }

    @Test
    void an_amount_is_required_a_number_and_within_its_currencys_decimals() {
        errors.startRow(3);
        assertThat(Cells.amount(row("AMOUNT", "12.50"), "AMOUNT", "USD", errors)).isEqualByComparingTo("12.50");
        assertThat(Cells.amount(row("AMOUNT", "12.505"), "AMOUNT", null, errors)).isEqualByComparingTo("12.505");
        assertThat(errors.any()).isFalse();

        assertThat(Cells.amount(row("AMOUNT", "12.505"), "AMOUNT", "USD", errors)).isNull();
        assertThat(Cells.amount(row("AMOUNT", "100.5"), "AMOUNT", "JPY", errors)).isNull();
        assertThat(Cells.amount(row("AMOUNT", "1,250.00"), "AMOUNT", "USD", errors)).isNull();
        assertThat(Cells.amount(row("AMOUNT", ""), "AMOUNT", "USD", errors)).isNull();
        assertThat(problems()).isEqualTo("[3/AMOUNT/AMOUNT_EXCEEDS_CURRENCY_SCALE, 3/AMOUNT/AMOUNT_EXCEEDS_CURRENCY_SCALE, "
                + "3/AMOUNT/INVALID_NUMBER, 3/AMOUNT/VALUE_REQUIRED]");
        assertThat(errors.errors().get(0).message()).isEqualTo("12.505 has more decimals than USD allows (2)");
        assertThat(errors.errors().get(2).message()).contains("'1,250.00' is not a number").contains("no thousands separator");
    }

    @Test
    void each_fixed_date_layout_reads_real_days_only() {
        assertThat(Cells.date(row("DATE", "2026-11-02"), "DATE", Cells.ISO_DATE, "YYYY-MM-DD", errors)).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(Cells.date(row("DATE", "02/11/2026"), "DATE", Cells.DAY_MONTH_YEAR, "DD/MM/YYYY", errors)).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(Cells.date(row("DATE", "11/02/2026"), "DATE", Cells.MONTH_DAY_YEAR, "MM/DD/YYYY", errors)).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(Cells.date(row("DATE", "2028-02-29"), "DATE", Cells.ISO_DATE, "YYYY-MM-DD", errors)).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(errors.any()).isFalse();

        for (String notADay : new String[]{"31/02/2026", "2026-02-29", "2026-13-01", "2026-1-01", "2026/11/02", "02-11-2026", "2026-11-0x",
                "x6-11-2026"}) {
            DateRead read = read(notADay, notADay.indexOf('/') == 2 ? Cells.DAY_MONTH_YEAR : Cells.ISO_DATE);
            assertThat(read.date).as(notADay).isNull();
            assertThat(read.code).as(notADay).isEqualTo("INVALID_DATE");
        }
        assertThat(read("12/31/2026", Cells.DAY_MONTH_YEAR).code).isEqualTo("INVALID_DATE");
        assertThat(read("12/31/2026", Cells.MONTH_DAY_YEAR).date).isEqualTo(LocalDate.of(2026, 12, 31));
    }

    private record DateRead(LocalDate date, String code) {
    }

    private static DateRead read(String value, java.time.format.DateTimeFormatter format) {
        RowErrors errors = new RowErrors();
        LocalDate date = Cells.date(row("DATE", value), "DATE", format, "the contract's format", errors);
        return new DateRead(date, errors.any() ? errors.errors().get(0).code().name() : null);
    }

    @Test
    void a_required_date_says_its_format_when_missing_and_an_optional_one_may_be_empty() {
        assertThat(Cells.date(row("DATE", ""), "DATE", Cells.ISO_DATE, "YYYY-MM-DD", errors)).isNull();
        assertThat(Cells.optionalDate(row("DUE", ""), "DUE", Cells.ISO_DATE, "YYYY-MM-DD", errors)).isNull();
        assertThat(problems()).isEqualTo("[0/DATE/VALUE_REQUIRED]");
        assertThat(errors.errors().get(0).message()).isEqualTo("DATE is required (YYYY-MM-DD)");
    }

    @Test
    void one_of_an_enums_names_in_any_case() {
        assertThat(Cells.oneOf(row("MODULE", "ap"), "MODULE", Module.class, true, errors)).isEqualTo(Module.AP);
        assertThat(Cells.oneOf(row("MODULE", ""), "MODULE", Module.class, false, errors)).isNull();
        assertThat(errors.any()).isFalse();

        assertThat(Cells.oneOf(row("MODULE", ""), "MODULE", Module.class, true, errors)).isNull();
        assertThat(Cells.oneOf(row("MODULE", "GL"), "MODULE", Module.class, true, errors)).isNull();
        assertThat(problems()).isEqualTo("[0/MODULE/VALUE_REQUIRED, 0/MODULE/INVALID_VALUE]");
        assertThat(errors.errors().get(0).message()).isEqualTo("MODULE is required (AR, AP)");
        assertThat(errors.errors().get(1).message()).isEqualTo("'GL' is not one of AR, AP");
    }
}
