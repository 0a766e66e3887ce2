package org.ledgerbridge.storage;

import java.time.LocalDate;

/**
 * Numbers and dates as COPY's text reads them, written as digits straight into a row buffer. A
 * million payments write about five million of them: through a String each, they were about a
 * second of the import's Java time and most of its garbage.
 */
final class CopyDigits {

    /** The most bytes one value takes: a sign, nineteen digits and a point, or a date. */
    static final int MAX_LENGTH = 21;

    private CopyDigits() {
    }

    /**
     * The digits of an amount of at most 18 of them as a long: moved to scale 0, a compact BigDecimal
     * answers its long as it is, where {@code unscaledValue()} builds a BigInteger first.
     */
    static long unscaled(java.math.BigDecimal amount) {
        return amount.movePointRight(amount.scale()).longValue();
    }

    /** {@code unscaled} × 10^-{@code scale} ({@code scale} 0 to 18) at {@code at}; answers where the value ends. */
    static int decimal(byte[] buffer, int at, long unscaled, int scale) {
        if (unscaled == Long.MIN_VALUE) {
            return ascii(buffer, at, java.math.BigDecimal.valueOf(unscaled, scale).toPlainString());
        }
        if (unscaled < 0) {
            buffer[at++] = '-';
            unscaled = -unscaled;
        }
        int start = at;
        int digits = 0;
        do { // backwards, the point after `scale` digits, then reversed in place
            if (digits == scale && scale > 0) {
                buffer[at++] = '.';
            }
            buffer[at++] = (byte) ('0' + unscaled % 10);
            unscaled /= 10;
            digits++;
        } while (unscaled != 0 || digits <= scale);
        for (int from = start, to = at - 1; from < to; from++, to--) {
            byte b = buffer[from];
            buffer[from] = buffer[to];
            buffer[to] = b;
        }
        return at;
    }

    /** An ISO date of a four-digit year. */
    static int date(byte[] buffer, int at, LocalDate date) {
        at = digits(buffer, at, date.getYear(), 4);
        buffer[at++] = '-';
        at = digits(buffer, at, date.getMonthValue(), 2);
        buffer[at++] = '-';
        return digits(buffer, at, date.getDayOfMonth(), 2);
    }

    private static int digits(byte[] buffer, int at, int value, int width) {
        for (int i = width - 1; i >= 0; i--) {
            buffer[at + i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        return at + width;
    }

    private static int ascii(byte[] buffer, int at, String text) {
        for (int i = 0; i < text.length(); i++) {
            buffer[at++] = (byte) text.charAt(i);
        }
        return at;
    }
}
