package org.ledgerbridge.ledgerimports;

import org.ledgerbridge.imports.ImportRule;
import org.ledgerbridge.ledger.Currencies;
import org.ledgerbridge.imports.Cells;
import org.ledgerbridge.imports.ImportColumn;
import org.ledgerbridge.imports.ImportKind;
import org.ledgerbridge.imports.ImportOptions;
import org.ledgerbridge.imports.RowErrors;
import org.ledgerbridge.imports.SourceRow;
import org.ledgerbridge.ledger.Batch;
import org.ledgerbridge.ledger.BatchService;
import org.ledgerbridge.ledger.BatchType;
import org.ledgerbridge.ledger.FinancialEntity;
import org.ledgerbridge.ledger.JournalDraft;
import org.ledgerbridge.ledger.JournalLineDraft;
import org.ledgerbridge.ledger.LedgerSetup;
import org.ledgerbridge.ledger.Posting;
import org.ledgerbridge.ledger.PostingService;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.ledgerbridge.imports.ImportColumn.optional;
import static org.ledgerbridge.imports.ImportColumn.required;

/**
 * `import gl-transactions`: historical GL journals, one per ENTITY + JOURNAL. Each journal must
 * balance on its own: the check is per group, and a failing group is named with its totals.
 * The journals go into one IMPORT batch, left OPEN for review. The lines of the file are held
 * until the end (a journal is complete only then); history files of a few hundred thousand lines
 * are fine.
 */
@Component
class GlTransactionsImport implements ImportKind<GlTransactionsImport.Line> {

    static final String ENTITY = "ENTITY";
    static final String DATE = "DATE";
    static final String JOURNAL = "JOURNAL";
    static final String ACCOUNT = "ACCOUNT";
    static final String DEBIT = "DEBIT";
    static final String CREDIT = "CREDIT";
    static final String DESCRIPTION = "DESCRIPTION";
    static final String TAX_CODE = "TAX_CODE";

    private static final int JOURNALS_PER_POSTING = 5_000;

    private final LedgerSetup ledger;
    private final BatchService batches;
    private final PostingService posting;

    GlTransactionsImport(LedgerSetup ledger, BatchService batches, PostingService posting) {
        this.ledger = ledger;
        this.batches = batches;
        this.posting = posting;
    }

    record Line(FinancialEntity entity, String journal, LocalDate date, String account, BigDecimal debit, BigDecimal credit,
                String description, String taxCode) {
    }

    private static final class Group {
        final String entity;
        final String journal;
        final long firstRow;
        final LocalDate date;
        BigDecimal debit = BigDecimal.ZERO;
        BigDecimal credit = BigDecimal.ZERO;
        final List<JournalLineDraft> lines = new ArrayList<>();

        Group(String entity, String journal, long firstRow, LocalDate date) {
            this.entity = entity;
            this.journal = journal;
            this.firstRow = firstRow;
            this.date = date;
        }
    }

    @Override
    public String name() {
        return "gl-transactions";
    }

    @Override
    public List<ImportColumn> columns() {
        return List.of(required(ENTITY), required(DATE), required(JOURNAL), required(ACCOUNT), optional(DEBIT), optional(CREDIT),
                optional(DESCRIPTION), optional(TAX_CODE));
    }

    @Override
    public Session<Line> open(ImportOptions options, long importRunId) {
        GlLines rules = new GlLines(ledger);
        Map<String, Group> groups = new LinkedHashMap<>();
        java.util.Set<String> taxCodes = new java.util.HashSet<>();
        ledger.taxZones().values().forEach(z -> taxCodes.add(z.entity() + "/" + z.taxCode()));
        return new Session<>() {
            @Override
            public Line validate(SourceRow row, RowErrors errors) {
                FinancialEntity entity = rules.entity(row, ENTITY, errors);
                LocalDate date = Cells.date(row, DATE, Cells.ISO_DATE, "YYYY-MM-DD", errors);
                String journal = Cells.required(row, JOURNAL, 60, errors);
                String account = rules.account(row, ACCOUNT, entity, errors);
                BigDecimal debit = GlLines.side(row, DEBIT, entity, errors);
                BigDecimal credit = GlLines.side(row, CREDIT, entity, errors);
                GlLines.notBothSides(debit, credit, CREDIT, errors);
                if (debit != null && credit != null && debit.signum() == 0 && credit.signum() == 0) {
                    errors.error(DEBIT, ImportRule.AMOUNT_MISSING, "a journal line needs a debit or a credit");
                }
                rules.periodOpen(date, entity, DATE, errors);
                String description = Cells.optional(row, DESCRIPTION, 500, errors);
                String taxCode = Cells.optional(row, TAX_CODE, 40, errors);
                if (entity != null && !taxCode.isEmpty() && !taxCodes.contains(entity.code() + "/" + taxCode)) {
                    errors.error(TAX_CODE, ImportRule.UNKNOWN_TAX_CODE, "no tax zone of " + entity.code() + " has the tax code '" + taxCode
                            + "'; import the tax zones first");
                }
                if (entity != null && journal != null && date != null) {
                    Group group = groups.computeIfAbsent(entity.code() + "\u0000" + journal,
                            k -> new Group(entity.code(), journal, row.number(), date));
                    if (!group.date.equals(date)) {
                        errors.error(DATE, ImportRule.DATE_DIFFERS_IN_JOURNAL, "journal " + journal + " of " + entity.code()
                                + " is dated " + group.date + " (row " + group.firstRow + "), not " + date);
                    }
                    if (debit != null && credit != null) {
                        group.debit = group.debit.add(debit);
                        group.credit = group.credit.add(credit);
                    }
                }
                return errors.currentRowHasErrors() ? null
                        : new Line(entity, journal, date, account, debit, credit, description.isEmpty() ? null : description,
                        taxCode.isEmpty() ? null : taxCode);
            }

            @Override
            public void endOfFile(RowErrors errors) {
                for (Group group : groups.values()) {
                    if (group.debit.compareTo(group.credit) != 0) {
                        errors.errorAt(group.firstRow, JOURNAL, ImportRule.JOURNAL_UNBALANCED, "journal " + group.journal + " of "
                                + group.entity + " does not balance: debit " + group.debit.toPlainString() + ", credit "
                                + group.credit.toPlainString() + " (difference " + group.debit.subtract(group.credit).toPlainString() + ")");
                    }
                }
            }

            @Override
            public Map<String, Object> preview() {
                Map<String, Object> summary = new LinkedHashMap<>();
                summary.put("journals", groups.size());
                Map<String, BigDecimal> debits = new java.util.TreeMap<>();
                groups.values().forEach(group -> debits.merge(group.entity, group.debit, BigDecimal::add));
                debits.forEach((entity, debit) -> summary.put(entity + " debit = credit", Currencies.atLeastCents(debit).toPlainString()));
                return summary;
            }

            @Override
            public void write(Line line) {
                groups.get(line.entity().code() + "\u0000" + line.journal()).lines.add(new JournalLineDraft(line.account(),
                        line.entity().baseCurrency(), line.debit(), line.credit(), null, null, line.description())
                        .withTaxCode(line.taxCode()));
            }

            @Override
            public Map<String, Object> commit() {
                Batch batch = batches.openForImport(BatchType.IMPORT, importRunId, options.actor());
                List<JournalDraft> chunk = new ArrayList<>();
                long journals = 0;
                for (Group group : groups.values()) {
                    chunk.add(new JournalDraft(group.entity, group.date, "gl-transactions import #" + importRunId + ", journal "
                            + group.journal, group.journal, null, group.lines));
                    if (chunk.size() == JOURNALS_PER_POSTING) {
                        journals += post(batch, chunk);
                    }
                }
                journals += post(batch, chunk);
                Map<String, Object> summary = new LinkedHashMap<>();
                summary.put("batch", batch.name());
                summary.put("batchId", batch.id());
                summary.put("journals", journals);
                preview().forEach(summary::putIfAbsent);
                return summary;
            }

            private int post(Batch batch, List<JournalDraft> chunk) {
                if (chunk.isEmpty()) {
                    return 0;
                }
                Posting posted = posting.post(batch.id(), chunk, options.actor());
                if (posted instanceof Posting.Refused refused) {
                    throw new org.ledgerbridge.ledger.PostingRefusedException(refused);
                }
                int n = chunk.size();
                chunk.clear();
                return n;
            }
        };
    }
}
