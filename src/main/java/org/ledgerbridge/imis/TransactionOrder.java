package org.ledgerbridge.imis;

import java.util.Comparator;
import java.util.function.Consumer;

/**
 * The order an export's lines are taken in: batch, transaction, line number (numbers compared as
 * numbers), then the row of the file. An export already in that order streams a line at a time;
 * any other (sorted by account, by date, shuffled) is sorted first: in memory up to a bound, past
 * it in sorted runs on disk that are merged. Either way the same lines give the same journals in
 * the same order, so a shuffled export converts to the very bytes of the sorted one.
 */
final class TransactionOrder {

    private static final Comparator<String> NUMBERS_AS_NUMBERS = (a, b) -> {
        if (a.equals(b)) {
            return 0;
        }
        if (isDigits(a) && isDigits(b)) {
            int x = leadingZeros(a);
            int y = leadingZeros(b);
            int byLength = Integer.compare(a.length() - x, b.length() - y);
            if (byLength != 0) {
                return byLength;
            }
            for (int i = x, j = y; i < a.length(); i++, j++) {
                if (a.charAt(i) != b.charAt(j)) {
                    return Character.compare(a.charAt(i), b.charAt(j));
                }
            }
            return a.compareTo(b); // 0042 and 42 are two transactions: never mixed
        }
        return a.compareTo(b);
    };

    /** A transaction's key and its line number: lines with the same key may come in any row order. */
    static final Comparator<ImisLine> KEY = Comparator.comparing(ImisLine::batch, NUMBERS_AS_NUMBERS)
            .thenComparing(ImisLine::transaction, NUMBERS_AS_NUMBERS)
            .thenComparingLong(ImisLine::lineNumber);

    static final Comparator<ImisLine> LINES = KEY.thenComparingLong(ImisLine::row);

    private TransactionOrder() {
    }

    /** A line came before the one read ahead of it: the export must be sorted. */
    static final class NotInOrder extends RuntimeException {
        NotInOrder() {
            super(null, null, false, false);
        }
    }

    /** Passes each line on while they come in transaction order; throws {@link NotInOrder} at the first that does not. */
    static Consumer<ImisLine> checked(Consumer<ImisLine> each) {
        return new Consumer<>() {
            private ImisLine previous;

            @Override
            public void accept(ImisLine line) {
                if (previous != null && KEY.compare(previous, line) > 0) {
                    throw new NotInOrder();
                }
                previous = line;
                each.accept(line);
            }
        };
    }

    static boolean isDigits(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static int leadingZeros(String digits) {
        int i = 0;
        while (i < digits.length() - 1 && digits.charAt(i) == '0') {
            i++;
        }
        return i;
    }
}
