package org.ledgerbridge.delivery;

import org.ledgerbridge.delivery.formats.*;

import java.util.List;

/** Every GL layout LedgerBridge writes; plain objects, usable with or without a ledger (the iMIS converter). */
public final class GlFormats {

    private static final List<GlFormat> ALL = List.of(new Sage300Batch(), new Sage50UsGeneralJournal(), new Sage50CaGeneralJournal(),
            new IntacctJournalEntry(), new XeroManualJournal(), new QuickBooksIif(), new MyobJournalEntries(), new LedgerJournal(),
            new BeancountJournal(), new GenericCsv());

    private GlFormats() {
    }

    public static List<GlFormat> all() {
        return ALL;
    }

    public static java.util.Optional<GlFormat> named(String name) {
        return ALL.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    public static List<String> names() {
        return ALL.stream().map(GlFormat::name).toList();
    }
}
