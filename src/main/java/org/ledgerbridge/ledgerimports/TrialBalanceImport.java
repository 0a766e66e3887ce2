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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.ledgerbridge.imports.ImportColumn.optional;
import static org.ledgerbridge.imports.ImportColumn.required;

/**
 * `import trial-balance`: the GL side of a migration. Balances per entity and account as of a
 * date become one balanced opening journal per entity, in an OPENING batch left OPEN for review.
 */
@Component
class TrialBalanceImport implements ImportKind<TrialBalanceImport.Line> {

    static final String ENTITY = "ENTITY";
    static final String ACCOUNT = "ACCOUNT";
    static final String DEBIT = "DEBIT";
    static final String CREDIT = "CREDIT";
    static final String AS_OF = "AS_OF";

    private final LedgerSetup ledger;
    private final BatchService batches;
    private final PostingService posting;

    TrialBalanceImport(LedgerSetup ledger, BatchService batches, PostingService posting) {
        this.ledger = ledger;
        this.batches = batches;
        this.posting = posting;
    }

    record Line(FinancialEntity entity, String account, BigDecimal debit, BigDecimal credit, LocalDate asOf) {
    }

    /** One entity's lines so far: totals, its date and first row, for the rules over the whole file. */
    private static final class EntityTotals {
        final long firstRow;
        final LocalDate asOf;
        BigDecimal debit = BigDecimal.ZERO;
        BigDecimal credit = BigDecimal.ZERO;
        final List<JournalLineDraft> lines = new ArrayList<>();

        EntityTotals(long firstRow, LocalDate asOf) {
            this.firstRow = firstRow;
            this.asOf = asOf;
        }
    }

    @Override
    public String name() {
        return "trial-balance";
    }

    @Override
    public List<ImportColumn> columns() {
        return List.of(required(ENTITY), required(ACCOUNT), optional(DEBIT), optional(CREDIT), required(AS_OF));
    }

    @Override
    public Session<Line> open(ImportOptions options, long importRunId) {
        GlLines rules = new GlLines(ledger);
        Map<String, EntityTotals> entities = new LinkedHashMap<>();
        Map<String, Long> seen = new HashMap<>();
        return new Session<>() {
            @Override
            public Line validate(SourceRow row, RowErrors errors) {
                FinancialEntity entity = rules.entity(row, ENTITY, errors);
                String account = rules.account(row, ACCOUNT, entity, errors);
                BigDecimal debit = GlLines.side(row, DEBIT, entity, errors);
                BigDecimal credit = GlLines.side(row, CREDIT, entity, errors);
                GlLines.notBothSides(debit, credit, CREDIT, errors);
                LocalDate asOf = Cells.date(row, AS_OF, Cells.ISO_DATE, "YYYY-MM-DD", errors);
                rules.periodOpen(asOf, entity, AS_OF, errors);
                if (entity != null && account != null) {
                    Long first = seen.putIfAbsent(entity.code() + "/" + account, row.number());
                    if (first != null) {
                        errors.error(ACCOUNT, ImportRule.DUPLICATE_IN_FILE, "account " + account + " of " + entity.code()
                                + " appears again; first on row " + first);
                    }
                }
                if (entity != null && asOf != null) {
                    EntityTotals totals = entities.computeIfAbsent(entity.code(), e -> new EntityTotals(row.number(), asOf));
                    if (!totals.asOf.equals(asOf)) {
                        errors.error(AS_OF, ImportRule.AS_OF_DIFFERS, "the trial balance of " + entity.code() + " is as of "
                                + totals.asOf + " (row " + totals.firstRow + "), not " + asOf);
                    }
                    if (debit != null && credit != null) {
                        totals.debit = totals.debit.add(debit);
                        totals.credit = totals.credit.add(credit);
                    }
                }
                return errors.currentRowHasErrors() ? null : new Line(entity, account, debit, credit, asOf);
            }

            /** Each entity's opening journal must balance on its own. */
            @Override
            public void endOfFile(RowErrors errors) {
                entities.forEach((entity, totals) -> {
                    if (totals.debit.compareTo(totals.credit) != 0) {
                        errors.errorAt(totals.firstRow, ENTITY, ImportRule.ENTITY_UNBALANCED, "the trial balance of " + entity
                                + " does not balance: debit " + totals.debit.toPlainString() + ", credit "
                                + totals.credit.toPlainString() + " (difference " + totals.debit.subtract(totals.credit).toPlainString() + ")");
                    }
                });
            }

            @Override
            public Map<String, Object> preview() {
                Map<String, Object> summary = new LinkedHashMap<>();
                summary.put("journals", entities.values().stream().filter(totals -> totals.debit.signum() != 0).count());
                entities.forEach((entity, totals) -> summary.put(entity + " debit = credit", Currencies.atLeastCents(totals.debit).toPlainString()));
                return summary;
            }

            @Override
            public void write(Line line) {
                if (line.debit().signum() == 0 && line.credit().signum() == 0) {
                    return; // an account with no balance adds no line
                }
                entities.get(line.entity().code()).lines.add(new JournalLineDraft(line.account(), line.entity().baseCurrency(),
                        line.debit(), line.credit(), null, null, "opening balance"));
            }

            @Override
            public Map<String, Object> commit() {
                Batch batch = batches.openForImport(BatchType.OPENING, importRunId, options.actor());
                List<JournalDraft> journals = new ArrayList<>();
                entities.forEach((entity, totals) -> {
                    if (!totals.lines.isEmpty()) {
                        journals.add(new JournalDraft(entity, totals.asOf, "trial-balance import #" + importRunId,
                                "Opening balances as of " + totals.asOf, null, totals.lines));
                    }
                });
                Posting posted = posting.post(batch.id(), journals, options.actor());
                if (posted instanceof Posting.Refused refused) {
                    throw new org.ledgerbridge.ledger.PostingRefusedException(refused);
                }
                Map<String, Object> summary = new LinkedHashMap<>();
                summary.put("batch", batch.name());
                summary.put("batchId", batch.id());
                summary.put("journals", journals.size());
                entities.forEach((entity, totals) -> summary.put(entity + " debit = credit", Currencies.atLeastCents(totals.debit).toPlainString()));
                return summary;
            }
        };
    }
}
