package org.ledgerbridge.web;

import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * The keys of a report's summary as people read them on the screens: "creditsCreated" is "Credits
 * created", "AR on hold" stays as written; amounts written as plain decimals get thousands separators.
 */
@Component("labels")
public class Labels {

    private static final Pattern CAMEL = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+\\.\\d+");

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    private final Amounts amounts;

    Labels(Amounts amounts) {
        this.amounts = amounts;
    }

    public String of(String key) {
        if (key == null || key.isEmpty()) {
            return "";
        }
        if (key.contains(" ")) {
            return Character.toUpperCase(key.charAt(0)) + key.substring(1);
        }
        String words = String.join(" ", CAMEL.split(key)).toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** A stored summary (JSON) as lines of "Label: value"; lists of rows are for scripts and left out. */
    public java.util.List<String> lines(String summaryJson) {
        if (summaryJson == null || summaryJson.isBlank()) {
            return java.util.List.of();
        }
        java.util.List<String> lines = new java.util.ArrayList<>();
        try {
            JSON.readTree(summaryJson).properties().forEach(member -> {
                if (!member.getValue().isContainer()) {
                    lines.add(of(member.getKey()) + ": " + value(member.getValue().asString()));
                }
            });
        } catch (RuntimeException e) {
            return java.util.List.of(summaryJson);
        }
        return lines;
    }

    public String value(Object value) {
        if (value instanceof BigDecimal decimal) {
            return amounts.of(decimal);
        }
        String text = String.valueOf(value);
        return DECIMAL.matcher(text).matches() ? amounts.of(new BigDecimal(text)) : text;
    }
}
