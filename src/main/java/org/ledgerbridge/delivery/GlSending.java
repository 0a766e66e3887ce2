package org.ledgerbridge.delivery;

import org.ledgerbridge.ledger.ErrorCode;
import org.ledgerbridge.ledger.PostingRule;
import org.ledgerbridge.ledger.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.Duration;
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
    private final Map<GlTarget.Type, GlConnector> connectors;
    private final GlDestinations destinations;
    private final GlDeliveryRecords records;
    private final GlTargets targets;

    public GlSending(JdbcClient jdbc, AuditLog audit, GlIntegration integration,
                     @org.springframework.beans.factory.annotation.Value("${ledgerbridge.gl.http-timeout:10s}") Duration httpTimeout,
                     GlDestinations destinations, GlDeliveryRecords records, GlTargets targets) {
        this.targets = targets;
        this.records = records;
        this.destinations = destinations;
        this.jdbc = jdbc;
        this.audit = audit;
        this.integration = integration;
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
        Map<Long, GlJournal> journals = targets.mapped(records.journals(ids, problems), target);
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
        Map<Long, String> states = records.deliveryStates(ids);
        List<Long> uncertain = ids.stream().filter(id -> "UNCERTAIN".equals(states.get(id))).toList();
        if (!uncertain.isEmpty()) {
            return new SendRefused(GlRule.UNCERTAIN, "journals " + uncertain + " may or may not have reached " + target.name()
                    + ": reconcile them first", List.of());
        }
        List<Long> alreadySent = ids.stream().filter(id -> states.get(id) != null).toList();
        List<Long> toSend = ids.stream().filter(id -> states.get(id) == null).toList();
        Map<Long, GlJournal> journals = targets.mapped(records.journals(toSend, new ArrayList<>()), target);
        return connectors.get(target.type()).send(journals, target, (sentIds, status) -> records.record(sentIds, target, actor, status), alreadySent);
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
            records.settleUncertain(id, found, target, actor);
            audit.record(actor, "gl.reconciled", "journal:" + id, Map.of("target", target.name(), "found", found));
            outcome.put(id, found ? "SENT" : "NOT_IN_GL");
        }
        return outcome;
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
