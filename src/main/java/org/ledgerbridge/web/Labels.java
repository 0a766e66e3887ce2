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

    public String value(Object value) {
        if (value instanceof BigDecimal decimal) {
            return amounts.of(decimal);
        }
        String text = String.valueOf(value);
        return DECIMAL.matcher(text).matches() ? amounts.of(new BigDecimal(text)) : text;
    }
}
