package org.ledgerbridge.receivables;

import org.ledgerbridge.ledger.PerEntity;
import org.ledgerbridge.ledger.AuditLog;
import org.ledgerbridge.ledger.Batch;
import org.ledgerbridge.ledger.BatchService;
import org.ledgerbridge.ledger.BatchType;
import org.ledgerbridge.ledger.JournalDraft;
import org.ledgerbridge.ledger.LedgerSetup;
import org.ledgerbridge.ledger.Posting;
import org.ledgerbridge.ledger.PostingService;
import org.ledgerbridge.ledger.RoleAccounts;
import org.ledgerbridge.receivables.CreditApplicationRules.Application;
import org.ledgerbridge.receivables.CreditApplicationRules.Refusal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Credits applied to invoices: `documents apply`, `documents apply-credits`, the credit-applications
 * import, the document screen and the API all come here. Each application posts its journal into
 * an OPEN batch (unapplied credit to AR control, through the inter-entity accounts when the two
 * documents are in different entities) and lowers both documents' open balances.
 */
@Service
public class CreditApplications {

    private static final int JOURNALS_PER_POSTING = 5_000;

    private final JdbcClient jdbc;
    private final LedgerSetup setup;
    private final BatchService batches;
    private final PostingService posting;
    private final MigrationMode migrationMode;
    private final AuditLog audit;

    public CreditApplications(JdbcClient jdbc, LedgerSetup setup, BatchService batches, PostingService posting,
                              MigrationMode migrationMode, AuditLog audit) {
        this.jdbc = jdbc;
        this.setup = setup;
        this.batches = batches;
        this.posting = posting;
        this.migrationMode = migrationMode;
        this.audit = audit;
    }

    /** What was applied (or would be, in a dry run), or the refusal; nothing is written on a refusal. */
    public sealed interface Outcome permits Outcome.Applied, Outcome.Refused {

        record Applied(List<Applied.Line> applications, Long batchId, String batchName, boolean dryRun) implements Outcome {

            public record Line(String party, String credit, String invoice, BigDecimal amount, LocalDate date) {
            }

            public BigDecimal total() {
                return applications.stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            }
        }

        record Refused(DocumentRule rule, String message) implements Outcome {
        }
    }

    /** Applies {@code amount} (default: all it can) of a credit to an invoice, both named ENTITY/NUMBER or by a number unique in AR. */
    @Transactional
    public Outcome apply(String creditRef, String invoiceRef, BigDecimal amount, LocalDate date, String actor) {
        CreditPostingRules rules = rules();
        Optional<Refusal> mode = rules.migrationModeRefusal();
        if (mode.isPresent()) {
            return refused(mode.get());
        }
        Found credit = find(creditRef);
        if (credit.refusal() != null) {
            return refused(credit.refusal());
        }
        Found invoice = find(invoiceRef);
        if (invoice.refusal() != null) {
            return refused(invoice.refusal());
        }
        BigDecimal applied = amount != null ? amount : CreditApplicationRules.defaultAmount(credit.document(), invoice.document());
        Application application = new Application(credit.document(), invoice.document(), applied, date);
        Optional<Refusal> refusal = CreditApplicationRules.refusal(credit.document(), invoice.document(), applied)
                .or(() -> rules.ledgerRefusal(application));
        if (refusal.isPresent()) {
            return refused(refusal.get());
        }
        return post(List.of(application), rules, null, actor);
    }

    /**
     * Applies each party's open credits, oldest first, to its open invoices in the same entity
     * first, oldest due date first ({@link CreditApplicationRules#planFor}); only one party's, or
     * one entity's documents, when given. A dry run writes nothing and says what it would apply.
     */
    @Transactional
    public Outcome applyAll(String party, String entity, LocalDate date, boolean dryRun, String actor) {
        CreditPostingRules rules = rules();
        Optional<Refusal> mode = rules.migrationModeRefusal();
        if (mode.isPresent()) {
            return refused(mode.get());
        }
        // the AR documents of every party with an open credit (of that party, that entity), in one statement
        Map<String, List<ArDocument>> byParty = new LinkedHashMap<>();
        // (each party's documents along document_by_party: a semi-join would read the whole table)
        PerEntity.ask(setup.entities().keySet(), entity, one -> jdbc.sql("""
                        SELECT x.* FROM (SELECT DISTINCT party_id FROM document
                                          WHERE open_credit AND open_balance > 0
                                            AND (CAST(:party AS text) IS NULL OR party_id = :party)
                                            AND entity_code = :entity) p
                         CROSS JOIN LATERAL (%s AND party_id = p.party_id AND entity_code = :entity FOR UPDATE) x
                         ORDER BY x.party_id""".formatted(SELECT_AR))
                .param("party", party).param("entity", one).query(CreditApplications::document).list())
                .forEach(d -> byParty.computeIfAbsent(d.partyId(), p -> new ArrayList<>()).add(d));
        List<Application> plan = new ArrayList<>();
        for (List<ArDocument> documents : byParty.values()) {
            for (Application application : CreditApplicationRules.planFor(documents, date)) {
                Optional<Refusal> refusal = rules.ledgerRefusal(application);
                if (refusal.isPresent()) {
                    return refused(refusal.get());
                }
                plan.add(application);
            }
        }
        if (plan.isEmpty()) {
            return refused(new Refusal(DocumentRule.NOTHING_TO_APPLY, "no open credit of " + (party == null ? "any party" : party)
                    + (entity == null ? "" : " in " + entity) + " can pay an open invoice of the same party and currency"));
        }
        if (dryRun) {
            return new Outcome.Applied(lines(plan), null, null, true);
        }
        return post(plan, rules, null, actor);
    }

    /** The checks that need the ledger (accounts, closed periods, migration mode), read once. */
    public CreditPostingRules rules() {
        return new CreditPostingRules(RoleAccounts.of(setup.accounts()), setup.closedPeriods(), migrationMode.isOn(NewDocument.Module.AR));
    }

    private record Found(ArDocument document, Refusal refusal) {
    }

    /** ENTITY/NUMBER, or NUMBER when one AR document has it; locked until the transaction ends. */
    private Found find(String reference) {
        DocumentReference named = DocumentReference.parse(reference, setup.entities().keySet());
        String number = named.number();
        List<ArDocument> found = PerEntity.ask(setup.entities().keySet(), named.entity(), entity ->
                jdbc.sql(SELECT_AR + " AND number = :number AND entity_code = :entity FOR UPDATE")
                        .param("number", number).param("entity", entity).query(CreditApplications::document).list());
        if (found.isEmpty()) {
            return new Found(null, new Refusal(DocumentRule.DOCUMENT_NOT_FOUND, "no AR document " + reference));
        }
        if (found.size() > 1) {
            return new Found(null, new Refusal(DocumentRule.DOCUMENT_AMBIGUOUS, number + " is a document of "
                    + String.join(" and ", found.stream().map(ArDocument::entity).toList()) + ": name it ENTITY/" + number));
        }
        return new Found(found.get(0), null);
    }

    /** A party's AR documents (of one entity, when given), locked until the transaction ends. */
    List<ArDocument> documentsOf(String party, String entity) {
        return PerEntity.ask(setup.entities().keySet(), entity, one ->
                jdbc.sql(SELECT_AR + " AND party_id = :party AND entity_code = :entity FOR UPDATE")
                        .param("party", party).param("entity", one).query(CreditApplications::document).list());
    }

    private static final String SELECT_AR = """
            SELECT entity_code, number, doc_type, party_id, currency, exchange_rate, doc_date, due_date, status, open_balance
              FROM document WHERE module = 'AR'""";

    private static ArDocument document(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        String currency = rs.getString(5);
        return new ArDocument(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), currency, rs.getBigDecimal(6),
                rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class), DocumentStatus.valueOf(rs.getString(9)),
                org.ledgerbridge.ledger.Currencies.atScale(rs.getBigDecimal(10), currency));
    }

    /**
     * Posts checked applications into a new OPEN batch (opened for the import, when given) and
     * lowers the documents' open balances: two applications of kind CREDIT each, one per document.
     */
    public Outcome.Applied post(List<Application> applications, CreditPostingRules rules, Long importRunId, String actor) {
        Batch batch = importRunId == null ? batches.open(BatchType.ADJUSTMENT, actor)
                : batches.openForImport(BatchType.ADJUSTMENT, importRunId, actor);
        String source = importRunId == null ? "credit applied by " + actor : "credit-applications import #" + importRunId;
        List<JournalDraft> chunk = new ArrayList<>();
        for (Application application : applications) {
            chunk.addAll(rules.journals(application, source));
            if (chunk.size() >= JOURNALS_PER_POSTING) {
                postChunk(batch.id(), chunk, actor);
            }
        }
        postChunk(batch.id(), chunk, actor);
        record(applications, batch.id());
        audit.record(actor, "credits.applied", "batch:" + batch.id(), Map.of("applications", applications.size(),
                "total", applications.stream().map(Application::amount).reduce(BigDecimal.ZERO, BigDecimal::add).toPlainString()));
        return new Outcome.Applied(lines(applications), batch.id(), batch.name(), false);
    }

    private void postChunk(long batchId, List<JournalDraft> chunk, String actor) {
        if (chunk.isEmpty()) {
            return;
        }
        Posting posted = posting.post(batchId, chunk, actor);
        if (posted instanceof Posting.Refused refused) {
            throw new org.ledgerbridge.ledger.PostingRefusedException(refused);
        }
        chunk.clear();
    }

    private void record(List<Application> applications, long batchId) {
        int n = applications.size() * 2;
        String[] entity = new String[n];
        String[] number = new String[n];
        BigDecimal[] amount = new BigDecimal[n];
        Date[] on = new Date[n];
        String[] reference = new String[n];
        Map<String, BigDecimal> lowered = new LinkedHashMap<>();
        int k = 0;
        for (Application a : applications) {
            for (ArDocument[] pair : new ArDocument[][]{{a.credit(), a.invoice()}, {a.invoice(), a.credit()}}) {
                entity[k] = pair[0].entity();
                number[k] = pair[0].number();
                amount[k] = a.amount();
                on[k] = Date.valueOf(a.date());
                reference[k] = pair[1].reference();
                lowered.merge(pair[0].entity() + "\u0000" + pair[0].number(), a.amount(), BigDecimal::add);
                k++;
            }
        }
        jdbc.sql("""
                        INSERT INTO application (entity_code, module, document_number, amount, applied_on, kind, reference, batch_id)
                        SELECT e, 'AR', n, a, d, 'CREDIT', r, ? FROM unnest(?::text[], ?::text[], ?::numeric[], ?::date[], ?::text[]) AS x(e, n, a, d, r)""")
                .params(batchId, entity, number, amount, on, reference).update();
        String[] docEntity = lowered.keySet().stream().map(key -> key.substring(0, key.indexOf('\u0000'))).toArray(String[]::new);
        String[] docNumber = lowered.keySet().stream().map(key -> key.substring(key.indexOf('\u0000') + 1)).toArray(String[]::new);
        jdbc.sql("""
                        UPDATE document d
                           SET open_balance = d.open_balance - x.a,
                               status = CASE WHEN d.open_balance - x.a = 0 AND d.unreleased_retainage = 0 THEN 'CLOSED' ELSE d.status END
                          FROM unnest(?::text[], ?::text[], ?::numeric[]) AS x(e, n, a)
                         WHERE d.entity_code = x.e AND d.module = 'AR' AND d.number = x.n""")
                .params(docEntity, docNumber, lowered.values().toArray(BigDecimal[]::new)).update();
    }

    private static List<Outcome.Applied.Line> lines(List<Application> applications) {
        return applications.stream().map(a -> new Outcome.Applied.Line(a.credit().partyId(), a.credit().reference(),
                a.invoice().reference(), a.amount(), a.date())).toList();
    }

    private static Outcome refused(Refusal refusal) {
        return new Outcome.Refused(refusal.rule(), refusal.message());
    }
}
