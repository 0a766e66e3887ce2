package org.ledgerbridge.ledger;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list that can grow (journals, documents, batches, imports, audit events), read by
 * keyset: {@code next} is an opaque cursor naming the last row shown, null on the last page. The
 * next page starts after that row along an index, never by skipping rows with OFFSET.
 */
public record Page<T>(List<T> items, String next) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    public boolean more() {
        return next != null;
    }

    /** A limit asked for by a user, kept within 1 and {@link #MAX_LIMIT}; the default when absent. */
    public static int limit(Integer asked) {
        return asked == null ? DEFAULT_LIMIT : Math.max(1, Math.min(MAX_LIMIT, asked));
    }

    /** The page from rows read with {@code LIMIT limit + 1}: the extra row only says there is more. */
    public static <T> Page<T> of(List<T> fetched, int limit, Function<T, List<?>> key) {
        if (fetched.size() <= limit) {
            return new Page<>(fetched, null);
        }
        List<T> items = new ArrayList<>(fetched.subList(0, limit));
        return new Page<>(items, encode(key.apply(items.get(limit - 1))));
    }

    /** The items of every page of a list, read one page at a time as they are iterated: memory holds one page. */
    public static <T> Iterable<T> each(Function<String, Page<T>> fetch) {
        return () -> new java.util.Iterator<T>() {
            private Page<T> page = fetch.apply(null);
            private int index;

            @Override
            public boolean hasNext() {
                while (index == page.items().size() && page.more()) {
                    page = fetch.apply(page.next());
                    index = 0;
                }
                return index < page.items().size();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                return page.items().get(index++);
            }
        };
    }

    /** Every item of every page, in one list: only for lists known to be short (batches) or small ledgers (tests). */
    public static <T> List<T> all(Function<String, Page<T>> fetch) {
        List<T> all = new ArrayList<>();
        each(fetch).forEach(all::add);
        return all;
    }

    private static final char SEPARATOR = '\u001f';

    /** The cursor of a row's key values (their text forms). */
    public static String encode(List<?> key) {
        StringBuilder text = new StringBuilder();
        for (Object part : key) {
            if (!text.isEmpty()) {
                text.append(SEPARATOR);
            }
            text.append(part);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A cursor's key values; a cursor not made by {@link #encode} with that many values is {@link BadCursor}. */
    public static List<String> decode(String cursor, int parts) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> key = List.of(text.split(String.valueOf(SEPARATOR), -1));
            if (key.size() != parts) {
                throw new BadCursor();
            }
            return key;
        } catch (IllegalArgumentException e) {
            throw new BadCursor();
        }
    }

    /** The row id a cursor of one key names, or {@code whenFirst} for the first page (no cursor). */
    public static long decodeId(String cursor, long whenFirst) {
        if (cursor == null) {
            return whenFirst;
        }
        try {
            return Long.parseLong(decode(cursor, 1).get(0));
        } catch (NumberFormatException e) {
            throw new BadCursor();
        }
    }

    /** A cursor that this list did not hand out (edited, or from another list). */
    public static final class BadCursor extends IllegalArgumentException {
        public BadCursor() {
            super("the cursor is not one this list handed out; start again from the first page");
        }
    }
}
