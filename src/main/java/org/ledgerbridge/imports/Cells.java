package org.ledgerbridge.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reading one cell under the contract's rules: each failure is an error with a stable code on
 * that row and column, never a guess. Codes: VALUE_REQUIRED, VALUE_TOO_LONG, INVALID_NUMBER,
 * INVALID_DATE, INVALID_VALUE.
 */
public final class Cells {

    /** `.` decimal point, optional leading `-`, no thousands separator, no exponent. */
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?(\\d{1,18})(\\.\\d{1,10})?");
    public static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    public static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);
    public static final DateTimeFormatter MONTH_DAY_YEAR = DateTimeFormatter.ofPattern("MM/dd/uuuu").withResolverStyle(ResolverStyle.STRICT);

    private Cells() {
    }

    /** The value, or null (and an error) when it is empty or longer than {@code maxLength}. */
    public static String required(SourceRow row, String column, int maxLength, RowErrors errors) {
        String value = row.get(column);
        if (value.isEmpty()) {
            errors.error(column, "VALUE_REQUIRED", column + " is required");
            return null;
        }
        return maxLength(value, column, maxLength, errors);
    }

    /** The value, "" when empty, or null (and an error) when too long. */
    public static String optional(SourceRow row, String column, int maxLength, RowErrors errors) {
        return maxLength(row.get(column), column, maxLength, errors);
    }

    private static String maxLength(String value, String column, int maxLength, RowErrors errors) {
        if (value.length() > maxLength) {
            errors.error(column, "VALUE_TOO_LONG", column + " has " + value.length() + " characters; at most " + maxLength + " are allowed");
            return null;
        }
        return value;
    }

    /** A required amount in the contract's plain notation ("1250.00", "-45.45"). */
    public static BigDecimal decimal(SourceRow row, String column, RowErrors errors) {
        String value = row.get(column);
        if (value.isEmpty()) {
            errors.error(column, "VALUE_REQUIRED", column + " is required and must be a number");
            return null;
        }
        return row.mapping().parseAmount(value).orElseGet(() -> {
            errors.error(column, "INVALID_NUMBER", "'" + value + "' is not a number" + (row.mapping().numberLocale() == null
                    ? " (use digits, an optional leading '-' and '.' for decimals, no thousands separator)"
                    : " in the number format of " + row.mapping().numberLocale()));
            return null;
        });
    }

    public static Optional<BigDecimal> parseDecimal(String value) {
        if (!PLAIN_DECIMAL.matcher(value).matches()) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(value));
    }

    /** A required calendar date in the given format; 31/02/2026 is an error, not 03/03/2026. */
    public static LocalDate date(SourceRow row, String column, DateTimeFormatter format, String formatLabel, RowErrors errors) {
        if (row.get(column).isEmpty() && row.typedDate(column).isEmpty()) {
            errors.error(column, "VALUE_REQUIRED", column + " is required (" + row.mapping().dateFormatLabel(column).orElse(formatLabel) + ")");
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
        DateTimeFormatter effective = row.mapping().dateFormatFor(column).orElse(format);
        String label = row.mapping().dateFormatLabel(column).orElse(formatLabel);
        try {
            return LocalDate.parse(value, effective);
        } catch (DateTimeParseException e) {
            errors.error(column, "INVALID_DATE", "'" + value + "' is not a real date in the format " + label);
            return null;
        }
    }

    /** One of the enum's names, case-insensitively. */
    public static <E extends Enum<E>> E oneOf(SourceRow row, String column, Class<E> type, boolean required, RowErrors errors) {
        String value = row.get(column);
        if (value.isEmpty()) {
            if (required) {
                errors.error(column, "VALUE_REQUIRED", column + " is required (" + names(type) + ")");
            }
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.error(column, "INVALID_VALUE", "'" + value + "' is not one of " + names(type));
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
