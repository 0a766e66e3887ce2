package org.ledgerbridge.imports;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How a source file differs from the canonical layout (`--mapping FILE`, YAML or JSON):
 *
 * <pre>
 * columns:                 # source header -> canonical column (case-insensitive)
 *   Customer No: ACCOUNT_ID
 *   Amount ex GST: CARDLINE_AMOUNT_EXTAX
 * dateFormat: MM/dd/yyyy   # every date column
 * dateFormats:             # or per column
 *   INVOICE_DUE_DATE: yyyy-MM-dd
 * numberLocale: de-DE      # "1.234,56": grouping and decimal separators of that locale
 * </pre>
 */
public record MappingProfile(Map<String, String> columns, String dateFormat, Map<String, String> dateFormats,
                             String numberLocale) {

    public static final MappingProfile NONE = new MappingProfile(Map.of(), null, Map.of(), null);

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public MappingProfile {
        Map<String, String> upper = new LinkedHashMap<>();
        if (columns != null) {
            columns.forEach((source, target) -> upper.put(source.strip().toUpperCase(Locale.ROOT), target.strip().toUpperCase(Locale.ROOT)));
        }
        columns = Map.copyOf(upper);
        Map<String, String> formats = new LinkedHashMap<>();
        if (dateFormats != null) {
            dateFormats.forEach((column, format) -> formats.put(column.strip().toUpperCase(Locale.ROOT), format));
        }
        dateFormats = Map.copyOf(formats);
    }

    /** Reads and checks a profile; a bad profile is an {@link InvalidMappingException} naming the problem. */
    public static MappingProfile read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException | RuntimeException e) {
            throw new InvalidMappingException("the mapping profile " + file.getFileName() + " cannot be read: " + e.getMessage());
        }
        return parse(text, String.valueOf(file.getFileName()));
    }

    /** Reads and checks a profile written in YAML or JSON; {@code source} names it in the message of a bad one. */
    public static MappingProfile parse(String text, String source) {
        MappingProfile profile;
        try {
            profile = YAML.readValue(text, MappingProfile.class);
        } catch (RuntimeException e) {
            throw new InvalidMappingException("the mapping profile " + source + " cannot be read: " + e.getMessage());
        }
        if (profile == null) {
            return NONE;
        }
        profile.dateFormats().values().forEach(MappingProfile::formatter);
        if (profile.dateFormat() != null) {
            formatter(profile.dateFormat());
        }
        if (profile.numberLocale() != null) {
            profile.separators();
        }
        return profile;
    }

    /** The canonical column a source header stands for. */
    public String canonicalName(String sourceHeader) {
        String upper = sourceHeader.strip().toUpperCase(Locale.ROOT);
        return columns.getOrDefault(upper, upper);
    }

    public Optional<DateTimeFormatter> dateFormatFor(String column) {
        String pattern = dateFormats.getOrDefault(column, dateFormat);
        return pattern == null ? Optional.empty() : Optional.of(formatter(pattern));
    }

    public Optional<String> dateFormatLabel(String column) {
        return Optional.ofNullable(dateFormats.getOrDefault(column, dateFormat));
    }

    /** An amount written under the profile's locale, exactly, or empty: "1.234,56" under de-DE. */
    public Optional<BigDecimal> parseAmount(String text) {
        if (numberLocale == null) {
            return Cells.parseDecimal(text);
        }
        char[] separators = separators();
        String decimal = Pattern.quote(String.valueOf(separators[0]));
        String grouping = Pattern.quote(String.valueOf(separators[1]));
        if (!text.matches("-?(\\d{1,3}(" + grouping + "\\d{3})+|\\d+)(" + decimal + "\\d{1,10})?")) {
            return Optional.empty();
        }
        String plain = text.replace(String.valueOf(separators[1]), "").replace(separators[0], '.');
        return Cells.parseDecimal(plain);
    }

    /** {decimal separator, grouping separator} of the declared locale. */
    private char[] separators() {
        Locale locale = Locale.forLanguageTag(numberLocale);
        if (locale.getLanguage().isEmpty()) {
            throw new InvalidMappingException("numberLocale '" + numberLocale + "' is not a locale such as en-US or de-DE");
        }
        var symbols = java.text.DecimalFormatSymbols.getInstance(locale);
        char grouping = symbols.getGroupingSeparator() == '\u00a0' || symbols.getGroupingSeparator() == '\u202f'
                ? ' ' : symbols.getGroupingSeparator();
        return new char[]{symbols.getDecimalSeparator(), grouping};
    }

    private static DateTimeFormatter formatter(String pattern) {
        try {
            return DateTimeFormatter.ofPattern(pattern.replace("yyyy", "uuuu")).withResolverStyle(ResolverStyle.STRICT);
        } catch (IllegalArgumentException e) {
            throw new InvalidMappingException("date format '" + pattern + "' is not a date pattern such as dd/MM/yyyy");
        }
    }

    /** The mapping profile itself is wrong; no row was read. */
    public static final class InvalidMappingException extends RuntimeException {
        public InvalidMappingException(String message) {
            super(message);
        }
    }
}
