package org.ledgerbridge.delivery;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Journals summed per account (and tax code: a line's tax code survives the summary): net debit or net credit. */
final class JournalSummary {

    final String entity;
    final LocalDate date;
    private final String currency;
    private final Map<String, BigDecimal> net = new LinkedHashMap<>();
    private final Map<String, GlJournal.AccountKind> kinds = new HashMap<>();
    long journals;

    JournalSummary(String entity, LocalDate date, String currency) {
        this.entity = entity;
        this.date = date;
        this.currency = currency;
    }

    static JournalSummary of(GlJournal journal) {
        JournalSummary summary = new JournalSummary(journal.entity(), journal.date(), journal.currency());
        summary.add(journal);
        return summary;
    }

    void add(GlJournal journal) {
        journals++;
        for (GlJournal.Line line : journal.lines()) {
            String key = line.taxCode() == null ? line.account() : line.account() + "\u0000" + line.taxCode();
            net.merge(key, line.signedAmount(), BigDecimal::add);
            kinds.put(line.account(), line.kind());
        }
    }

    GlJournal toJournal(LocalDate on, String reference, String description, String batch) {
        List<GlJournal.Line> lines = new ArrayList<>();
        net.forEach((key, amount) -> {
            if (amount.signum() != 0) {
                int split = key.indexOf('\u0000');
                String account = split < 0 ? key : key.substring(0, split);
                lines.add(new GlJournal.Line(account, kinds.get(account), amount.max(BigDecimal.ZERO).setScale(amount.scale()),
                        amount.negate().max(BigDecimal.ZERO).setScale(amount.scale()), null, null, null, null,
                        split < 0 ? null : key.substring(split + 1)));
            }
        });
        return new GlJournal(entity, on, reference, description, batch, currency, lines);
    }
}
