package org.ledgerbridge.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Optional;

/**
 * Reading one cell under the contract's rules: each failure is an error with a stable code on
 * that row and column, never a guess. Codes: VALUE_REQUIRED, VALUE_TOO_LONG, INVALID_NUMBER,
 * INVALID_DATE, INVALID_VALUE.
 */
public final class Cells {

    public static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    public static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);
    public static final DateTimeFormatter MONTH_DAY_YEAR = DateTimeFormatter.ofPattern("MM/dd/uuuu").withResolverStyle(ResolverStyle.STRICT);

    private Cells() {
    }

    /** The value, or null (and an error) when it is empty or longer than {@code maxLength}. */
    public static String required(SourceRow row, String column, int maxLength, RowErrors errors) {
        String value = row.get(column);
        if (value.isEmpty()) {
            errors.error(column, ImportRule.VALUE_REQUIRED, column + " is required");
            return null;
        }
        return maxLength(value, column, maxLength, errors);
    }

    /** The value, "" when empty, or null (and an error) when too long. */
    public static String optional(SourceRow row, String column, int maxLength, RowErrors errors) {
        return maxLength(row.get(column), column, maxLength, errors);
    }

    private static String maxLength(String value, String column, int maxLength, RowErrors errors) {
        if (looksLikeFormula(value)) {
            errors.error(column, ImportRule.FORMULA_NOT_ALLOWED, column + " starts like a spreadsheet formula ('"
                    + value.substring(0, Math.min(20, value.length())) + "'); put the value itself in the file");
            return null;
        }
        if (value.length() > maxLength) {
            errors.error(column, ImportRule.VALUE_TOO_LONG, column + " has " + value.length() + " characters; at most " + maxLength + " are allowed");
            return null;
        }
        return value;
    }

    /**
     * A text cell a spreadsheet would run: =, @, a tab or a line break first, or + or - followed
     * by a letter or a bracket (DDE: -cmd|...). "- October", "-5" and "+44 20 ..." stay text.
     */
    static boolean looksLikeFormula(String value) {
        if (value.isEmpty()) {
            return false;
        }
        char first = value.charAt(0);
        if (first == '=' || first == '@' || first == '\t' || first == '\r' || first == '\n') {
            return true;
        }
        if ((first == '+' || first == '-') && value.length() > 1) {
            char second = value.charAt(1);
            return Character.isLetter(second) || second == '(' || second == '=' || second == '@';
        }
        return false;
    }

    /** A required amount in the contract's plain notation ("1250.00", "-45.45"). */
    public static BigDecimal decimal(SourceRow row, String column, RowErrors errors) {
        String value = row.get(column);
        if (value.isEmpty()) {
            errors.error(column, ImportRule.VALUE_REQUIRED, column + " is required and must be a number");
            return null;
        }
        return row.mapping().parseAmount(value).orElseGet(() -> {
            errors.error(column, ImportRule.INVALID_NUMBER, "'" + value + "' is not a number" + (row.mapping().numberLocale() == null
                    ? " (use digits, an optional leading '-' and '.' for decimals, no thousands separator)"
                    : " in the number format of " + row.mapping().numberLocale()));
            return null;
        });
    }

    /**
     * A required amount with no more decimals than its currency allows (AMOUNT_EXCEEDS_CURRENCY_SCALE);
     * with {@code currency} null (not known because another cell is wrong) only the number is checked.
     */
    public static BigDecimal amount(SourceRow row, String column, String currency, RowErrors errors) {
        BigDecimal amount = decimal(row, column, errors);
        if (amount != null && currency != null && !org.ledgerbridge.ledger.Currencies.fitsScale(amount, currency)) {
            errors.error(column, ImportRule.AMOUNT_EXCEEDS_CURRENCY_SCALE, amount.toPlainString() + " has more decimals than "
                    + currency + " allows (" + org.ledgerbridge.ledger.Currencies.scale(currency) + ")");
            return null;
        }
        return amount;
    }

    /** Digits with an optional leading '-' and one '.': "1250.00", "-45.45"; no exponent, no grouping. */
    public static Optional<BigDecimal> parseDecimal(String value) {
        int length = value.length();
        int i = length > 0 && value.charAt(0) == '-' ? 1 : 0;
        int integerDigits = 0;
        int fractionDigits = -1;
        for (; i < length; i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                if (fractionDigits >= 0) {
                    fractionDigits++;
                } else {
                    integerDigits++;
                }
            } else if (c == '.' && fractionDigits < 0) {
                fractionDigits = 0;
            } else {
                return Optional.empty();
            }
        }
        if (integerDigits == 0 || integerDigits > 18 || fractionDigits == 0 || fractionDigits > 10) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(value));
    }

    /** A required calendar date in the given format; 31/02/2026 is an error, not 03/03/2026. */
    public static LocalDate date(SourceRow row, String column, DateTimeFormatter format, String formatLabel, RowErrors errors) {
        if (row.get(column).isEmpty() && row.typedDate(column).isEmpty()) {
            errors.error(column, ImportRule.VALUE_REQUIRED, column + " is required (" + row.mapping().dateFormatLabel(column).orElse(formatLabel) + ")");
            return null;
        }
        return optionalDate(row, column, format, formatLabel, errors);
    }

    /** An optional date: null when empty or invalid (invalid adds an error). */
    public static LocalDate optionalDate(SourceRow row, String column, DateTimeFormatter format, String formatLabel, RowErrors errors) {
        Optional<LocalDate> typed = row.typedDate(column);
        if (typed.isPresent()) {
            return typed.get();
        }
        String value = row.get(column);
        if (value.isEmpty()) {
            return null;
        }
        Optional<DateTimeFormatter> mapped = row.mapping().dateFormatFor(column);
        String label = row.mapping().dateFormatLabel(column).orElse(formatLabel);
        try {
            return mapped.isPresent() ? LocalDate.parse(value, mapped.get()) : parseFixed(value, format);
        } catch (java.time.DateTimeException e) {
            errors.error(column, ImportRule.INVALID_DATE, "'" + value + "' is not a real date in the format " + label);
            return null;
        }
    }

    /**
     * The contract's three fixed layouts, read by hand: DateTimeFormatter is the slowest part of a
     * million-row import otherwise. LocalDate.of still refuses 31/02.
     */
    private static LocalDate parseFixed(String value, DateTimeFormatter format) {
        if (value.length() == 10) {
            if (format == DAY_MONTH_YEAR && value.charAt(2) == '/' && value.charAt(5) == '/') {
                return LocalDate.of(digits(value, 6, 10), digits(value, 3, 5), digits(value, 0, 2));
            }
            if (format == MONTH_DAY_YEAR && value.charAt(2) == '/' && value.charAt(5) == '/') {
                return LocalDate.of(digits(value, 6, 10), digits(value, 0, 2), digits(value, 3, 5));
            }
            if (format == ISO_DATE && value.charAt(4) == '-' && value.charAt(7) == '-') {
                return LocalDate.of(digits(value, 0, 4), digits(value, 5, 7), digits(value, 8, 10));
            }
        }
        return LocalDate.parse(value, format);
    }

    private static int digits(String value, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                throw new DateTimeParseException("not a digit", value, i);
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** One of the enum's names, case-insensitively. */
    public static <E extends Enum<E>> E oneOf(SourceRow row, String column, Class<E> type, boolean required, RowErrors errors) {
        String value = row.get(column);
        if (value.isEmpty()) {
            if (required) {
                errors.error(column, ImportRule.VALUE_REQUIRED, column + " is required (" + names(type) + ")");
            }
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.error(column, ImportRule.INVALID_VALUE, "'" + value + "' is not one of " + names(type));
            return null;
        }
    }

    private static <E extends Enum<E>> String names(Class<E> type) {
        StringBuilder names = new StringBuilder();
        for (E constant : type.getEnumConstants()) {
            names.append(names.isEmpty() ? "" : ", ").append(constant.name());
        }
        return names.toString();
    }
}
