package org.ledgerbridge.imis;

import org.ledgerbridge.imports.ImportRule;
import org.ledgerbridge.delivery.GlJournal;
import org.ledgerbridge.imports.RowProblem;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
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
 * holds the payment (the PAY lines) on the other side.
 *
 * <p>Streams: the lines come in {@link TransactionOrder} (the callers sort an export that is not),
 * and a transaction's journals go to the {@link Output} as soon as its last line is read, so
 * memory does not grow with the file. The batch-level rules are known at the end: the caller
 * discards what it wrote when {@link #problems()} is not empty. Pure Java: no database.
 */
final class AutoBatches {

    /** Receives each journal, in file order, per batch. */
    interface Output {
        void journal(String batch, GlJournal journal);
    }

    private final Set<String> wanted;
    private final ImisChart chart;
    private final ImisSummary level;
    private final Output output;
    private final Set<String> batchesInFile = new LinkedHashSet<>();
    private final Set<String> batchesSelected = new LinkedHashSet<>();
    private final Map<String, BigDecimal> batchTotals = new LinkedHashMap<>();
    private final Map<String, List<String>> unbalancedTransactions = new LinkedHashMap<>();
    private final Map<String, Long> firstUnbalancedRow = new LinkedHashMap<>();
    private final Map<String, BigDecimal> interEntity = new TreeMap<>();
    private final Map<String, Summary> summaries = new LinkedHashMap<>();
    private final List<RowProblem> problems = new ArrayList<>();
    private final Set<String> reported = new HashSet<>();
    private String currentBatch;
    private String currentTransaction;
    private List<ImisLine> current = new ArrayList<>();
    private long skipped;
    private long selected;

    AutoBatches(Set<String> wanted, ImisChart chart, ImisSummary level, Output output) {
        this.wanted = wanted;
        this.chart = chart;
        this.level = level;
        this.output = output;
    }

    /** Whether the lines of this batch are converted (the others are only counted). */
    boolean wants(String batch) {
        return wanted.contains(batch);
    }

    void accept(ImisLine line) {
        batchesInFile.add(line.batch());
        if (!wanted.contains(line.batch())) {
            skipped++;
            return;
        }
        selected++;
        batchesSelected.add(line.batch());
        if (!chart.hasEntity(line.entity())) {
            once(new RowProblem(line.row(), "FINANCIAL_ENTITY", ImportRule.UNKNOWN_ENTITY, "no financial entity '" + line.entity() + "' in the ledger"));
        } else if (!chart.hasAccount(line.entity(), line.account())) {
            once(new RowProblem(line.row(), "GL_ACCOUNT", ImportRule.UNKNOWN_ACCOUNT, "no account " + line.account() + " in the chart of "
                    + line.entity()));
        }
        if (!line.transaction().equals(currentTransaction) || !line.batch().equals(currentBatch)) {
            finishTransaction();
            currentBatch = line.batch();
            currentTransaction = line.transaction();
        }
        current.add(line);
    }

    /** After the last line: the last transaction and the day or batch summaries go out. */
    void finish() {
        finishTransaction();
        summaries.values().forEach(s -> output.journal(s.batch, s.journal("iMIS batch " + s.batch)));
        summaries.clear();
    }

    private void once(RowProblem problem) {
        if (reported.add(problem.code() + problem.message())) { // each unknown entity or account once, all of them listed
            problems.add(problem);
        }
    }

    long skippedLines() {
        return skipped;
    }

    long selectedLines() {
        return selected;
    }

    Set<String> batches() {
        return batchesSelected;
    }

    /** Inter-entity amounts per pair, "PSAB owes BMC" as the key "PSAB -> BMC". */
    Map<String, BigDecimal> interEntity() {
        return interEntity;
    }

    /**
     * Every refusal, once {@link #finish()} was called.
     *
     * @param linesRefused the reader turned lines down: a batch may be in the file on lines not seen here
     */
    List<RowProblem> problems(boolean linesRefused) {
        List<RowProblem> all = new ArrayList<>(problems);
        for (String batch : wanted) {
            if (!batchesInFile.contains(batch) && !linesRefused) {
                all.add(new RowProblem(0, "BATCH_NUM", ImisRule.BATCH_NOT_IN_FILE, "batch " + batch + " is not in the file; it holds batches "
                        + String.join(", ", batchesInFile)));
            }
        }
        batchTotals.forEach((batch, total) -> {
            List<String> off = unbalancedTransactions.getOrDefault(batch, List.of());
            if (total.signum() != 0 || !off.isEmpty()) {
                all.add(new RowProblem(firstUnbalancedRow.getOrDefault(batch, 0L), "AMOUNT", ImisRule.BATCH_DOES_NOT_BALANCE,
                        (total.signum() != 0 ? "batch " + batch + " does not net to zero: it is off by " + total.toPlainString() + "; "
                                : "batch " + batch + " nets to zero, but not each of its transactions: ")
                                + "transactions that do not net: " + String.join(", ", off)));
            }
        });
        all.sort((a, b) -> Long.compare(a.row(), b.row()));
        return all;
    }

    private void finishTransaction() {
        if (current.isEmpty()) {
            return;
        }
        List<ImisLine> transaction = current;
        current = new ArrayList<>();
        ImisLine first = transaction.get(0);
        BigDecimal sum = BigDecimal.ZERO;
        for (ImisLine line : transaction) {
            sum = sum.add(line.amount());
        }
        batchTotals.merge(first.batch(), sum, BigDecimal::add);
        if (sum.signum() != 0) {
            unbalancedTransactions.computeIfAbsent(first.batch(), b -> new ArrayList<>())
                    .add(first.transaction() + " (" + sum.toPlainString() + ")");
            firstUnbalancedRow.putIfAbsent(first.batch(), first.row());
            return;
        }
        if (!problems.isEmpty()) {
            return; // the file is refused: keep checking the balances, build no more journals
        }
        Map<String, List<GlJournal.Line>> lines = balancedLines(transaction);
        if (lines == null) {
            return;
        }
        for (Map.Entry<String, List<GlJournal.Line>> entity : lines.entrySet()) {
            String currency = chart.currency(entity.getKey());
            switch (level) {
                case DETAIL -> output.journal(first.batch(), new GlJournal(entity.getKey(), first.date(), first.transaction(),
                        describe(first), first.batch(), currency, entity.getValue()));
                case TRANSACTION -> output.journal(first.batch(), new Summary(entity.getKey(), first.date(), first.transaction(),
                        first.batch(), currency).add(entity.getValue()).journal(describe(first)));
                case DAY -> summaries.computeIfAbsent(first.batch() + "/" + entity.getKey() + "/" + first.date(),
                        k -> new Summary(entity.getKey(), first.date(), "DAY-" + first.date(), first.batch(), currency)).add(entity.getValue());
                case BATCH -> summaries.computeIfAbsent(first.batch() + "/" + entity.getKey(),
                        k -> new Summary(entity.getKey(), first.date(), "BATCH-" + first.batch(), first.batch(), currency))
                        .add(entity.getValue());
            }
        }
    }

    private static String describe(ImisLine first) {
        return "iMIS " + first.transaction() + (first.customerId().isEmpty() ? "" : " " + first.customerId());
    }

    /** The transaction's lines per entity, plus the inter-entity lines that balance each entity; null when an account is missing. */
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
        if (sums.size() == 1) {
            return lines;
        }
        if (payingEntity == null) { // no PAY line: the entity that received the most
            payingEntity = sums.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        }
        for (String entity : sums.keySet()) {
            if (chart.interEntityAccount(entity).isEmpty()) {
                once(new RowProblem(transaction.get(0).row(), "FINANCIAL_ENTITY", ImisRule.INTER_ENTITY_ACCOUNT_MISSING, "transaction "
                        + transaction.get(0).transaction() + " spans entities but " + entity + " has no INTER_ENTITY account"));
                return null;
            }
        }
        for (Map.Entry<String, BigDecimal> other : sums.entrySet()) {
            String entity = other.getKey();
            BigDecimal sum = other.getValue();
            if (entity.equals(payingEntity) || sum.signum() == 0) {
                continue;
            }
            // the other entity is owed what it earned (due from the paying entity) ...
            lines.get(entity).add(glLine(entity, chart.interEntityAccount(entity).orElseThrow(), sum.negate(), "due from " + payingEntity));
            // ... and the paying entity owes it (due to)
            lines.get(payingEntity).add(glLine(payingEntity, chart.interEntityAccount(payingEntity).orElseThrow(), sum, "due to " + entity));
            interEntity.merge(payingEntity + " -> " + entity, sum.negate(), BigDecimal::add);
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
