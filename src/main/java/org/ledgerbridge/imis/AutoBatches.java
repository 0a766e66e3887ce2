package org.ledgerbridge.imis;

import org.ledgerbridge.delivery.GlJournal;
import org.ledgerbridge.imports.RowProblem;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The Access database of seed 000, as rules: the lines of the chosen auto-batches, grouped by
 * financial entity, each transaction that spans entities balanced inside every entity by
 * inter-entity lines (due to / due from) on the entities' INTER_ENTITY accounts, the entity that
 * holds the payment (the PAY lines) on the other side. Pure Java: no database.
 */
final class AutoBatches {

    private final Set<String> wanted;
    private final ImisChart chart;
    private final Set<String> batchesInFile = new LinkedHashSet<>();
    private final Map<String, Map<String, List<ImisLine>>> transactionsByBatch = new LinkedHashMap<>();
    private final Map<String, BigDecimal> interEntity = new TreeMap<>();
    private final List<RowProblem> problems = new ArrayList<>();
    private final Set<String> reportedUnknown = new LinkedHashSet<>();
    private long skipped;
    private long selected;

    AutoBatches(Set<String> wanted, ImisChart chart) {
        this.wanted = wanted;
        this.chart = chart;
    }

    void accept(ImisLine line) {
        batchesInFile.add(line.batch());
        if (!wanted.contains(line.batch())) {
            skipped++;
            return;
        }
        selected++;
        if (!chart.hasEntity(line.entity())) {
            unknown(line, "FINANCIAL_ENTITY", "UNKNOWN_ENTITY", "no financial entity '" + line.entity() + "' in the ledger");
        } else if (!chart.hasAccount(line.entity(), line.account())) {
            unknown(line, "GL_ACCOUNT", "UNKNOWN_ACCOUNT", "no account " + line.account() + " in the chart of " + line.entity());
        }
        transactionsByBatch.computeIfAbsent(line.batch(), b -> new LinkedHashMap<>())
                .computeIfAbsent(line.transaction(), t -> new ArrayList<>()).add(line);
    }

    private void unknown(ImisLine line, String column, String code, String message) {
        if (reportedUnknown.add(code + message)) { // each unknown entity or account once, all of them listed
            problems.add(new RowProblem(line.row(), column, code, message));
        }
    }

    long skippedLines() {
        return skipped;
    }

    long selectedLines() {
        return selected;
    }

    /** The batch-level rules, once every line was read. */
    List<RowProblem> problems() {
        List<RowProblem> all = new ArrayList<>(problems);
        for (String batch : wanted) {
            if (!batchesInFile.contains(batch)) {
                all.add(new RowProblem(0, "BATCH_NUM", "BATCH_NOT_IN_FILE", "batch " + batch + " is not in the file; it holds batches "
                        + String.join(", ", batchesInFile)));
            }
        }
        transactionsByBatch.forEach((batch, transactions) -> {
            BigDecimal total = BigDecimal.ZERO;
            List<String> off = new ArrayList<>();
            long firstRow = Long.MAX_VALUE;
            for (Map.Entry<String, List<ImisLine>> transaction : transactions.entrySet()) {
                BigDecimal sum = transaction.getValue().stream().map(ImisLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
                total = total.add(sum);
                if (sum.signum() != 0) {
                    off.add(transaction.getKey() + " (" + sum.toPlainString() + ")");
                    firstRow = Math.min(firstRow, transaction.getValue().get(0).row());
                }
            }
            if (total.signum() != 0 || !off.isEmpty()) {
                all.add(new RowProblem(firstRow == Long.MAX_VALUE ? 0 : firstRow, "AMOUNT", "BATCH_DOES_NOT_BALANCE", "batch " + batch
                        + " does not net to zero: it is off by " + total.toPlainString() + "; transactions that do not net: "
                        + String.join(", ", off)));
            }
            for (List<ImisLine> lines : transactions.values()) {
                Set<String> entities = new LinkedHashSet<>();
                lines.forEach(l -> entities.add(l.entity()));
                if (entities.size() > 1) {
                    for (String entity : entities) {
                        if (chart.interEntityAccount(entity).isEmpty()) {
                            all.add(new RowProblem(lines.get(0).row(), "FINANCIAL_ENTITY", "INTER_ENTITY_ACCOUNT_MISSING", "transaction "
                                    + lines.get(0).transaction() + " spans entities but " + entity + " has no INTER_ENTITY account"));
                            return;
                        }
                    }
                }
            }
        });
        return all;
    }

    Set<String> batches() {
        return transactionsByBatch.keySet();
    }

    /** Inter-entity amounts per pair, "PSAB owes BMC" as the key "PSAB -> BMC". */
    Map<String, BigDecimal> interEntity() {
        return interEntity;
    }

    /** One batch's journals per entity, at the chosen level, each balanced on its own. */
    Map<String, List<GlJournal>> journals(String batch, ImisSummary level) {
        Map<String, List<GlJournal>> byEntity = new TreeMap<>();
        Map<String, Summary> summaries = new LinkedHashMap<>();
        for (List<ImisLine> transaction : transactionsByBatch.getOrDefault(batch, Map.of()).values()) {
            Map<String, List<GlJournal.Line>> lines = balancedLines(transaction);
            LocalDate date = transaction.get(0).date();
            String reference = transaction.get(0).transaction();
            for (Map.Entry<String, List<GlJournal.Line>> entity : lines.entrySet()) {
                String currency = chart.currency(entity.getKey());
                switch (level) {
                    case DETAIL -> byEntity.computeIfAbsent(entity.getKey(), e -> new ArrayList<>()).add(new GlJournal(entity.getKey(), date,
                            reference, describe(transaction), batch, currency, entity.getValue()));
                    case TRANSACTION -> byEntity.computeIfAbsent(entity.getKey(), e -> new ArrayList<>()).add(
                            new Summary(entity.getKey(), date, reference, batch, currency).add(entity.getValue()).journal(describe(transaction)));
                    case DAY -> summaries.computeIfAbsent(entity.getKey() + "/" + date,
                            k -> new Summary(entity.getKey(), date, "DAY-" + date, batch, currency)).add(entity.getValue());
                    case BATCH -> summaries.computeIfAbsent(entity.getKey(),
                            k -> new Summary(entity.getKey(), date, "BATCH-" + batch, batch, currency)).add(entity.getValue());
                }
            }
        }
        summaries.values().forEach(s -> byEntity.computeIfAbsent(s.entity, e -> new ArrayList<>()).add(s.journal("iMIS batch " + batch)));
        return byEntity;
    }

    private static String describe(List<ImisLine> transaction) {
        ImisLine first = transaction.get(0);
        return "iMIS " + first.transaction() + (first.customerId().isEmpty() ? "" : " " + first.customerId());
    }

    /** The transaction's lines per entity, plus the inter-entity lines that balance each entity. */
    private Map<String, List<GlJournal.Line>> balancedLines(List<ImisLine> transaction) {
        Map<String, List<GlJournal.Line>> lines = new TreeMap<>();
        Map<String, BigDecimal> sums = new LinkedHashMap<>();
        String payingEntity = null;
        for (ImisLine line : transaction) {
            lines.computeIfAbsent(line.entity(), e -> new ArrayList<>()).add(glLine(line.entity(), line.account(), line.amount(),
                    line.description()));
            sums.merge(line.entity(), line.amount(), BigDecimal::add);
            if (payingEntity == null && line.isPayment()) {
                payingEntity = line.entity();
            }
        }
        if (sums.size() > 1) {
            if (payingEntity == null) { // no PAY line: the entity that received the most
                payingEntity = sums.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            }
            for (Map.Entry<String, BigDecimal> other : sums.entrySet()) {
                String entity = other.getKey();
                BigDecimal sum = other.getValue();
                if (entity.equals(payingEntity) || sum.signum() == 0) {
                    continue;
                }
                // the other entity is owed what it earned (due from the paying entity) ...
                lines.get(entity).add(glLine(entity, chart.interEntityAccount(entity).orElseThrow(), sum.negate(),
                        "due from " + payingEntity));
                // ... and the paying entity owes it (due to)
                lines.get(payingEntity).add(glLine(payingEntity, chart.interEntityAccount(payingEntity).orElseThrow(), sum,
                        "due to " + entity));
                interEntity.merge(payingEntity + " -> " + entity, sum.negate(), BigDecimal::add);
            }
        }
        return lines;
    }

    private GlJournal.Line glLine(String entity, String account, BigDecimal signed, String description) {
        BigDecimal debit = signed.signum() > 0 ? signed : BigDecimal.ZERO.setScale(signed.scale());
        BigDecimal credit = signed.signum() < 0 ? signed.negate() : BigDecimal.ZERO.setScale(signed.scale());
        return new GlJournal.Line(account, chart.kind(entity, account), debit, credit, description, null, null);
    }

    /** Lines summed per account: net debit or net credit. */
    private final class Summary {
        private final String entity;
        private final LocalDate date;
        private final String reference;
        private final String batch;
        private final String currency;
        private final Map<String, BigDecimal> net = new TreeMap<>();

        Summary(String entity, LocalDate date, String reference, String batch, String currency) {
            this.entity = entity;
            this.date = date;
            this.reference = reference;
            this.batch = batch;
            this.currency = currency;
        }

        Summary add(List<GlJournal.Line> lines) {
            lines.forEach(l -> net.merge(l.account(), l.signedAmount(), BigDecimal::add));
            return this;
        }

        GlJournal journal(String description) {
            List<GlJournal.Line> lines = new ArrayList<>();
            net.forEach((account, amount) -> {
                if (amount.signum() != 0) {
                    lines.add(glLine(entity, account, amount, null));
                }
            });
            return new GlJournal(entity, date, reference, description, batch, currency, lines);
        }
    }
}
