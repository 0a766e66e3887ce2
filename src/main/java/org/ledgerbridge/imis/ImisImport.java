package org.ledgerbridge.imis;

import org.ledgerbridge.ledger.ErrorCode;
import org.ledgerbridge.imports.ImportRule;
import org.ledgerbridge.delivery.GlJournal;
import org.ledgerbridge.imports.ImportColumn;
import org.ledgerbridge.imports.ImportKind;
import org.ledgerbridge.imports.ImportOptions;
import org.ledgerbridge.imports.RowErrors;
import org.ledgerbridge.imports.RowProblem;
import org.ledgerbridge.imports.SourceRow;
import org.ledgerbridge.ledger.Batch;
import org.ledgerbridge.ledger.BatchService;
import org.ledgerbridge.ledger.BatchType;
import org.ledgerbridge.ledger.JournalDraft;
import org.ledgerbridge.ledger.JournalLineDraft;
import org.ledgerbridge.ledger.LedgerSetup;
import org.ledgerbridge.ledger.Posting;
import org.ledgerbridge.ledger.PostingService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * `import imis FILE --batch N`: the same lines `convert imis` turns into files, posted into the
 * ledger as an AUTO batch, so they flow through batches, GL export and GL integration like the
 * rest. A batch's lines are posted once: importing them again, from any file, is refused.
 */
@Component
class ImisImport implements ImportKind<ImisLine> {


    private final LedgerSetup ledger;
    private final BatchService batches;
    private final PostingService posting;
    private final JdbcClient jdbc;

    ImisImport(LedgerSetup ledger, BatchService batches, PostingService posting, JdbcClient jdbc) {
        this.ledger = ledger;
        this.batches = batches;
        this.posting = posting;
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "imis";
    }

    @Override
    public List<ImportColumn> columns() {
        return ImisFile.COLUMNS;
    }

    /** The same file brings other batches too: a batch, not the bytes, is posted once. */
    @Override
    public String variant(ImportOptions options) {
        return String.join(",", new java.util.TreeSet<>(Arrays.asList(options.flags().getOrDefault("batch", "").split(","))));
    }

    @Override
    public Set<ErrorCode> ledgerRuleCodes() {
        return Set.of(ImisRule.IMIS_BATCH_ALREADY_POSTED, ImportRule.CLOSED_PERIOD, ImportRule.INACTIVE_ACCOUNT);
    }

    @Override
    public Session<ImisLine> open(ImportOptions options, long importRunId) {
        Set<String> wanted = new LinkedHashSet<>(Arrays.asList(options.flags().getOrDefault("batch", "").split(",")));
        wanted.remove("");
        Map<String, List<GlJournal>> journals = new LinkedHashMap<>();
        AutoBatches autoBatches = new AutoBatches(wanted, ImisChart.of(ledger.entities(), ledger.accounts()), ImisSummary.DETAIL,
                (batch, journal) -> journals.computeIfAbsent(batch, b -> new ArrayList<>()).add(journal));
        Set<String> alreadyPosted = new LinkedHashSet<>(jdbc.sql("SELECT DISTINCT batch_num FROM imis_line_posted WHERE batch_num = ANY(?)")
                .param(wanted.toArray(String[]::new)).query(String.class).list());
        List<ImisLine> lines = new ArrayList<>();
        Map<String, java.time.LocalDate> closedThrough = ledger.closedPeriods();
        Set<String> inactive = new java.util.HashSet<>();
        ledger.accounts().stream().filter(a -> !a.active()).forEach(a -> inactive.add(a.entity() + "/" + a.code()));
        return new Session<>() {
            @Override
            public ImisLine validate(SourceRow row, RowErrors errors) {
                if (wanted.isEmpty() && row.first()) {
                    errors.error("BATCH_NUM", ImisRule.BATCH_REQUIRED, "say which iMIS batch to import (its number)");
                }
                ImisLine line = ImisFile.line(row, errors);
                if (line != null) {
                    if (wanted.contains(line.batch())) {
                        lines.add(line); // applied in transaction order at the end of the file, whatever order it has
                        postable(line, errors);
                    } else {
                        autoBatches.accept(line); // counted as skipped
                    }
                }
                return line;
            }

            /** What the posting rules would refuse at commit, known in a dry run too. */
            private void postable(ImisLine line, RowErrors errors) {
                java.time.LocalDate closed = closedThrough.get(line.entity());
                if (closed != null && line.date() != null && !line.date().isAfter(closed)) {
                    errors.error("TRANSACTION_DATE", ImportRule.CLOSED_PERIOD, "the books of " + line.entity() + " are closed through " + closed
                            + "; a line dated " + line.date() + " cannot be posted");
                }
                if (inactive.contains(line.entity() + "/" + line.account())) {
                    errors.error("GL_ACCOUNT", ImportRule.INACTIVE_ACCOUNT, "account " + line.account() + " of " + line.entity() + " is inactive");
                }
            }

            @Override
            public void write(ImisLine line) {
                // posted at commit, a journal per transaction and entity
            }

            @Override
            public void endOfFile(RowErrors errors) {
                // the batch rules need every line, in dry runs too: they are applied here, not in write()
                lines.sort(TransactionOrder.LINES);
                lines.forEach(autoBatches::accept);
                autoBatches.finish();
                for (RowProblem problem : autoBatches.problems(errors.any())) {
                    errors.errorAt(problem.row(), problem.column(), problem.code(), problem.message());
                }
                for (String batch : alreadyPosted) {
                    errors.errorAt(0, "BATCH_NUM", ImisRule.IMIS_BATCH_ALREADY_POSTED, "iMIS batch " + batch + " was already posted to the ledger");
                }
            }

            @Override
            public Map<String, Object> preview() {
                Map<String, Object> summary = new LinkedHashMap<>();
                for (String batch : autoBatches.batches()) {
                    summary.put("batch " + batch, journals.getOrDefault(batch, List.of()).size() + " journals to post");
                }
                summary.put("linesToPost", autoBatches.selectedLines());
                summary.put("linesOfOtherBatchesSkipped", autoBatches.skippedLines());
                summary.put("interEntity", autoBatches.interEntity());
                return summary;
            }

            @Override
            public Map<String, Object> commit() {
                Map<String, Object> summary = new LinkedHashMap<>();
                for (String batch : autoBatches.batches()) {
                    // an iMIS batch voided or reversed before comes back as its next part: AB001041-2
                    String prefix = BatchService.nameFor("AB######-", Long.parseLong(batch));
                    long part = 1 + jdbc.sql("SELECT count(*) FROM batch WHERE name LIKE ? || '%'").param(prefix).query(Long.class).single();
                    Batch ledgerBatch = batches.open(BatchType.AUTO, prefix + part, options.actor(), importRunId);
                    List<JournalDraft> drafts = new ArrayList<>();
                    journals.getOrDefault(batch, List.of()).forEach(j -> drafts.add(draft(j, importRunId)));
                    Posting posted = posting.post(ledgerBatch.id(), drafts, options.actor());
                    if (posted instanceof Posting.Refused refused) {
                        throw new org.ledgerbridge.ledger.PostingRefusedException(refused);
                    }
                    jdbc.sql("""
                                    INSERT INTO imis_line_posted (batch_num, trans_number, line_number, journal_batch)
                                    SELECT ?, t, l, ? FROM unnest(?::text[], ?::bigint[]) AS x(t, l)""")
                            .params(batch, ledgerBatch.id(),
                                    lines.stream().filter(l -> l.batch().equals(batch)).map(ImisLine::transaction).toArray(String[]::new),
                                    lines.stream().filter(l -> l.batch().equals(batch)).map(ImisLine::lineNumber).toArray(Long[]::new))
                            .update();
                    summary.put("batch " + batch, ledgerBatch.name() + " (" + drafts.size() + " journals)");
                }
                summary.put("linesPosted", autoBatches.selectedLines());
                summary.put("linesOfOtherBatchesSkipped", autoBatches.skippedLines());
                summary.put("interEntity", autoBatches.interEntity());
                return summary;
            }
        };
    }

    private static JournalDraft draft(GlJournal journal, long importRunId) {
        List<JournalLineDraft> lines = journal.lines().stream()
                .map(l -> new JournalLineDraft(l.account(), journal.currency(), l.debit(), l.credit(), null, null, l.description()))
                .toList();
        return new JournalDraft(journal.entity(), journal.date(), "iMIS import #" + importRunId + ", transaction " + journal.reference(),
                journal.description(), null, lines);
    }
}
