package org.ledgerbridge.delivery;

import org.ledgerbridge.ledger.ErrorCode;
import org.ledgerbridge.ledger.PostingRule;
import org.ledgerbridge.ledger.AuditLog;
import org.ledgerbridge.ledger.Currencies;
import org.ledgerbridge.ledger.SentJournals;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Validate with the GL, then send, exactly once (seed 001's "Validate Journals with GL" and "Send
 * to GL"). Each journal carries an idempotency key ({@code lb-<journal id>}); a journal sent is
 * never sent again; a send that fails part-way leaves the journal UNCERTAIN until the target is
 * asked what it has ({@link #reconcile}). How a journal reaches a GL (a Ledger file, a folder of
 * files, HTTP) is its target's {@link GlConnector}; these rules are the same for all of them.
 */
@Service
public class GlSending {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final GlIntegration integration;
    private final TransactionTemplate transaction;
    private final Map<GlTarget.Type, GlConnector> connectors;
    private final GlDestinations destinations;
    private final SentJournals sentJournals;
    private final GlTargets targets;

    public GlSending(JdbcClient jdbc, AuditLog audit, GlIntegration integration, PlatformTransactionManager transactions,
                     @org.springframework.beans.factory.annotation.Value("${ledgerbridge.gl.http-timeout:10s}") Duration httpTimeout,
                     GlDestinations destinations, SentJournals sentJournals, GlTargets targets) {
        this.targets = targets;
        this.sentJournals = sentJournals;
        this.destinations = destinations;
        this.jdbc = jdbc;
        this.audit = audit;
        this.integration = integration;
        this.transaction = new TransactionTemplate(transactions);
        this.connectors = Map.of(GlTarget.Type.ledger, new LedgerFileConnector(), GlTarget.Type.file, new FolderConnector(jdbc),
                GlTarget.Type.http, new HttpConnector(httpTimeout));
    }

    // ---------------------------------------------------------------- validate

    /** A reason the GL would refuse a journal; {@code line} 0 for the journal as a whole. */
    public record Problem(long journal, int line, ErrorCode code, String message) {
    }

    /** Asks the target whether it would take each journal; nothing is sent; the outcome goes into each journal's history. */
    public List<Problem> validate(List<Long> ids, GlTarget target, String actor) {
        List<Problem> problems = validate(ids, target);
        Map<Long, List<String>> codes = new java.util.HashMap<>();
        problems.forEach(p -> codes.computeIfAbsent(p.journal(), k -> new ArrayList<>()).add(p.code().name()));
        audit.recordEach(actor, "gl.validated", ids.stream().map(id -> "journal:" + id).toList(), ids.stream()
                .map(id -> Map.of("target", target.name(), "valid", !codes.containsKey(id), "problems", codes.getOrDefault(id, List.of())))
                .toList());
        return problems;
    }

    private List<Problem> validate(List<Long> ids, GlTarget target) {
        Optional<GlDestinations.Refusal> outside = destinations.refusalOf(target);
        if (outside.isPresent()) {
            return List.of(new Problem(0, 0, outside.get().code(), outside.get().message()));
        }
        List<Problem> problems = new ArrayList<>();
        Map<Long, GlJournal> journals = targets.mapped(journals(ids, problems), target);
        GlConnector.Check check = connectors.get(target.type()).check(target);
        for (Map.Entry<Long, GlJournal> entry : journals.entrySet()) {
            GlJournal journal = entry.getValue();
            if (target.closedThrough() != null && !journal.date().isAfter(target.closedThrough())) {
                problems.add(new Problem(entry.getKey(), 0, GlRule.GL_PERIOD_CLOSED, "the GL's books are closed through "
                        + target.closedThrough() + "; the journal is dated " + journal.date()));
            }
            if (journal.debit().compareTo(journal.credit()) != 0) {
                problems.add(new Problem(entry.getKey(), 0, PostingRule.UNBALANCED, "debit " + journal.debit() + ", credit " + journal.credit()));
            }
            problems.addAll(check.problems(entry.getKey(), journal));
        }
        return problems;
    }

    // ---------------------------------------------------------------- send

    public sealed interface Sending permits Sent, RangeSent, SendRefused, SendFailed {
    }

    /** @param alreadySent journals that had been sent before: nothing was done for them */
    public record Sent(List<Long> sent, List<Long> alreadySent) implements Sending {
    }

    public record SendRefused(ErrorCode code, String message, List<Problem> problems) implements Sending {
    }

    /** The target failed or did not answer; these journals are UNCERTAIN until reconciled. */
    public record SendFailed(String message, List<Long> sent, List<Long> uncertain) implements Sending {
    }

    public Sending send(List<Long> ids, GlTarget target, String actor) {
        List<Problem> problems = validate(ids, target, actor);
        if (!problems.isEmpty()) {
            return new SendRefused(GlRule.VALIDATION_FAILED, problems.size() + " problem(s): nothing was sent", problems);
        }
        return deliver(ids, target, actor);
    }

    /** Sends journals already validated: each once; UNCERTAIN ones wait for reconciliation. */
    private Sending deliver(List<Long> ids, GlTarget target, String actor) {
        Optional<GlDestinations.Refusal> outside = destinations.refusalOf(target);
        if (outside.isPresent()) {
            return new SendRefused(outside.get().code(), outside.get().message(), List.of());
        }
        Map<Long, String> states = deliveryStates(ids);
        List<Long> uncertain = ids.stream().filter(id -> "UNCERTAIN".equals(states.get(id))).toList();
        if (!uncertain.isEmpty()) {
            return new SendRefused(GlRule.UNCERTAIN, "journals " + uncertain + " may or may not have reached " + target.name()
                    + ": reconcile them first", List.of());
        }
        List<Long> alreadySent = ids.stream().filter(id -> states.get(id) != null).toList();
        List<Long> toSend = ids.stream().filter(id -> states.get(id) == null).toList();
        Map<Long, GlJournal> journals = targets.mapped(journals(toSend, new ArrayList<>()), target);
        return connectors.get(target.type()).send(journals, target, (sentIds, status) -> record(sentIds, target, actor, status), alreadySent);
    }

    /**
     * Asks the target whether it has the UNCERTAIN journals: found ones are recorded as sent, the
     * others become sendable again. Nothing is guessed.
     */
    public Map<Long, String> reconcile(List<Long> ids, GlTarget target, String actor) {
        Map<Long, String> outcome = new LinkedHashMap<>();
        if (destinations.refusalOf(target).isPresent()) {
            ids.forEach(id -> outcome.put(id, "UNCERTAIN")); // nothing is asked of a target the operator does not allow
            return outcome;
        }
        Map<Long, Boolean> has = connectors.get(target.type()).has(ids, target);
        for (long id : ids) {
            Boolean found = has.get(id);
            if (found == null) {
                outcome.put(id, "UNCERTAIN");
                continue;
            }
            transaction.executeWithoutResult(tx -> {
                jdbc.sql("DELETE FROM gl_delivery WHERE journal_id = ? AND status = 'UNCERTAIN'").param(id).update();
                if (found) {
                    record(List.of(id), target, actor, "SENT");
                }
            });
            audit.record(actor, "gl.reconciled", "journal:" + id, Map.of("target", target.name(), "found", found));
            outcome.put(id, found ? "SENT" : "NOT_IN_GL");
        }
        return outcome;
    }

    /** The deliveries of these journals, their sent marks and audit events: three statements in one transaction. */
    private void record(java.util.Collection<Long> ids, GlTarget target, String actor, String status) {
        if (ids.isEmpty()) {
            return;
        }
        Long[] journals = ids.toArray(Long[]::new);
        transaction.executeWithoutResult(tx -> {
            jdbc.sql("""
                            INSERT INTO gl_delivery (journal_id, target, status, actor)
                            SELECT id, ?, ?, ? FROM unnest(?::bigint[]) AS t(id)""")
                    .params(target.name(), status, actor, journals).update();
            if (status.equals("SENT")) {
                sentJournals.record(journals);
            }
            audit.recordEach(actor, status.equals("SENT") ? "gl.sent" : "gl.send-uncertain",
                    ids.stream().map(id -> "journal:" + id).toList(), java.util.Collections.nCopies(ids.size(), Map.of("target", target.name())));
        });
    }

    /** SENT, MARKED_SENT or UNCERTAIN per journal; absent when never sent. */
    private Map<Long, String> deliveryStates(List<Long> ids) {
        Map<Long, String> states = new LinkedHashMap<>();
        // a join with the list, not `= ANY(list)`: misjudged as a join filter, ANY scans the whole list for every row
        jdbc.sql("SELECT d.journal_id, d.status FROM unnest(?::bigint[]) AS wanted(id) JOIN gl_delivery d ON d.journal_id = wanted.id")
                .param(ids.toArray(Long[]::new))
                .query(rs -> {
                    states.merge(rs.getLong(1), rs.getString(2), (a, b) -> a.equals("UNCERTAIN") ? b : a);
                });
        return states;
    }

    /** The posted journals by id, as they leave for a GL; unknown or unposted ones are problems. */
    private Map<Long, GlJournal> journals(List<Long> ids, List<Problem> problems) {
        Map<Long, GlJournal.Builder> builders = new LinkedHashMap<>();
        Map<Long, String> status = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT j.id, j.entity_code, j.journal_date, coalesce(j.description, j.source), b.name, b.status, e.base_currency,
                               l.account_code, a.account_type, l.base_debit, l.base_credit, l.description, l.tax_code
                          FROM unnest(?::bigint[]) AS wanted(id)
                          JOIN journal j ON j.id = wanted.id
                          JOIN batch b ON b.id = j.batch_id
                          JOIN financial_entity e ON e.code = j.entity_code
                          JOIN journal_line l ON l.entity_code = j.entity_code AND l.journal_id = j.id
                          JOIN account a ON a.entity_code = l.entity_code AND a.account_code = l.account_code
                         ORDER BY j.id, l.line_no""")
                .param(ids.toArray(Long[]::new))
                .query(rs -> {
                    long id = rs.getLong(1);
                    status.put(id, rs.getString(6));
                    String currency = rs.getString(7);
                    GlJournal.Builder builder = builders.computeIfAbsent(id, k -> {
                        try {
                            return new GlJournal.Builder(rs.getString(2), rs.getObject(3, LocalDate.class), "LB-" + k, rs.getString(4),
                                    rs.getString(5), currency);
                        } catch (java.sql.SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    GlJournal.AccountKind kind = GlJournal.AccountKind.of(org.ledgerbridge.ledger.AccountType.valueOf(rs.getString(9)));
                    builder.lines.add(new GlJournal.Line(rs.getString(8), kind, Currencies.atScale(rs.getBigDecimal(10), currency),
                            Currencies.atScale(rs.getBigDecimal(11), currency), rs.getString(12), null, null, null, rs.getString(13)));
                });
        Map<Long, GlJournal> journals = new LinkedHashMap<>();
        for (long id : ids) {
            if (!builders.containsKey(id)) {
                problems.add(new Problem(id, 0, PostingRule.UNKNOWN_JOURNAL, "no journal " + id));
            } else if (!"POSTED".equals(status.get(id))) {
                problems.add(new Problem(id, 0, GlRule.NOT_POSTED, "journal " + id + " is in a " + status.get(id) + " batch"));
            } else {
                journals.put(id, builders.get(id).build());
            }
        }
        return journals;
    }

    /** How far a long validation or send has come: journals done of the total. */
    public interface Progress {
        void journals(long done, long total);

        Progress NONE = (done, total) -> {
        };
    }

    /** Journals read, validated and sent per round: memory stays flat whatever the range holds. */
    static final int CHUNK = 5_000;

    /** Problems are collected up to this many: a range with a wrong chart would otherwise list every line. */
    static final int MAX_PROBLEMS = 1_000;

    /**
     * "All in the range" on the server side: every posted journal not sent dated in the range,
     * validated in chunks of {@link #CHUNK}; the journals' ids are never held all at once.
     */
    public List<Problem> validateRange(GlIntegration.Summary range, GlTarget target, String actor, Progress progress) {
        return validateRange(range, target, actor, progress, new ValidatedIds());
    }

    private List<Problem> validateRange(GlIntegration.Summary range, GlTarget target, String actor, Progress progress,
                                        ValidatedIds validated) {
        long total = range.journals();
        List<Problem> problems = new ArrayList<>();
        long done = 0;
        GlIntegration.IdAndDate after = null;
        while (problems.size() < MAX_PROBLEMS) {
            List<GlIntegration.IdAndDate> chunk = integration.chunk(range.from(), range.to(), after, CHUNK);
            if (chunk.isEmpty()) {
                break;
            }
            List<Long> ids = chunk.stream().map(GlIntegration.IdAndDate::id).toList();
            problems.addAll(validate(ids, target, actor));
            ids.forEach(validated::add);
            done += chunk.size();
            progress.journals(done, total);
            after = chunk.get(chunk.size() - 1);
        }
        return problems.size() > MAX_PROBLEMS ? problems.subList(0, MAX_PROBLEMS) : problems;
    }

    /** The ids a first pass validated, sorted once and searched: 8 bytes a journal, no boxing. */
    private static final class ValidatedIds {
        private long[] ids = new long[1024];
        private int size;
        private boolean sorted;

        void add(long id) {
            if (size == ids.length) {
                ids = java.util.Arrays.copyOf(ids, size * 2);
            }
            ids[size++] = id;
            sorted = false;
        }

        boolean contains(long id) {
            if (!sorted) {
                java.util.Arrays.sort(ids, 0, size);
                sorted = true;
            }
            return java.util.Arrays.binarySearch(ids, 0, size, id) >= 0;
        }
    }

    /** The outcome of a send of a whole range: how many journals were sent. */
    public record RangeSent(long sent) implements Sending {
    }

    /**
     * Sends every posted journal not sent in the range, exactly once: all of them are validated
     * first (nothing is sent when one would be refused), then sent chunk by chunk; a chunk is
     * recorded as sent before the next is read, so a failure part-way leaves the rest waiting.
     */
    public Sending sendRange(GlIntegration.Summary range, GlTarget target, String actor, Progress progress) {
        long total = range.journals();
        ValidatedIds validated = new ValidatedIds();
        List<Problem> problems = validateRange(range, target, actor, (done, all) -> progress.journals(done / 2, total), validated);
        if (!problems.isEmpty()) {
            return new SendRefused(GlRule.VALIDATION_FAILED, problems.size() + (problems.size() == MAX_PROBLEMS ? " or more" : "")
                    + " problem(s): nothing was sent", problems);
        }
        long sent = 0;
        GlIntegration.IdAndDate after = null;
        while (true) {
            List<GlIntegration.IdAndDate> chunk = integration.chunk(range.from(), range.to(), after, CHUNK);
            if (chunk.isEmpty()) {
                return new RangeSent(sent);
            }
            List<Long> ids = chunk.stream().map(GlIntegration.IdAndDate::id).toList();
            // only a journal posted into the range since the first pass is validated again (an http GL is asked once per journal)
            List<Long> unvalidated = ids.stream().filter(id -> !validated.contains(id)).toList();
            List<Problem> late = unvalidated.isEmpty() ? List.of() : validate(unvalidated, target);
            if (!late.isEmpty()) {
                return new SendRefused(GlRule.VALIDATION_FAILED, late.size() + " problem(s) in journals posted during the send; "
                        + sent + " journal(s) were sent before them, the rest were not", late);
            }
            Sending result = deliver(ids, target, actor);
            if (!(result instanceof Sent done)) {
                return result;
            }
            sent += done.sent().size();
            progress.journals(total / 2 + sent / 2, total);
            after = chunk.get(chunk.size() - 1);
        }
    }

}
