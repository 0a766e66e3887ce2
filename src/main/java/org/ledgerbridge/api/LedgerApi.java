package org.ledgerbridge.api;

import org.ledgerbridge.ledger.ErrorCode;
import org.ledgerbridge.ledger.PostingRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ledgerbridge.ledger.AuditLog;
import org.ledgerbridge.ledger.Batch;
import org.ledgerbridge.ledger.Page;
import org.ledgerbridge.ledger.BatchChange;
import org.ledgerbridge.ledger.BatchReadout;
import org.ledgerbridge.ledger.BatchCorrections;
import org.ledgerbridge.ledger.BatchService;
import org.ledgerbridge.ledger.BatchStatus;
import org.ledgerbridge.ledger.FinancialEntity;
import org.ledgerbridge.ledger.JournalView;
import org.ledgerbridge.ledger.LedgerReports;
import org.ledgerbridge.ledger.LedgerSetup;
import org.ledgerbridge.ledger.TrialBalanceLine;
import org.ledgerbridge.payments.DepositPayments;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.util.Collection;
import java.util.List;

@RestController
@RequestMapping("/api")
@Tag(name = "Ledger", description = "Entities, batches (set status, post, void, reverse), journals, trial balance")
class LedgerApi {

    private final LedgerSetup setup;
    private final BatchService batches;
    private final BatchCorrections corrections;
    private final LedgerReports reports;
    private final AuditLog audit;
    private final DepositPayments depositPayments;
    private final BatchReadout readout;

    LedgerApi(LedgerSetup setup, BatchService batches, BatchCorrections corrections, LedgerReports reports, AuditLog audit, DepositPayments depositPayments,
              BatchReadout readout) {
        this.depositPayments = depositPayments;
        this.readout = readout;
        this.audit = audit;
        this.setup = setup;
        this.batches = batches;
        this.corrections = corrections;
        this.reports = reports;
    }

    record BatchIds(List<Long> ids) {
    }

    record StatusChange(List<Long> ids, BatchStatus status) {
    }

    record Reason(String reason) {
    }

    @GetMapping("/entities")
    Collection<FinancialEntity> entities() {
        return setup.entities().values();
    }

    @Operation(summary = "Batches in id order, a page at a time; status=OPEN,READY to see only those")
    @GetMapping("/batches")
    Page<Batch> batches(@RequestParam(required = false) List<BatchStatus> status, @RequestParam(required = false) Integer limit,
                        @RequestParam(required = false) String cursor) {
        return batches.page(status == null || status.isEmpty() ? null : status, cursor, Page.limit(limit));
    }

    /** A batch and the first page of its journals (the next with {@code cursor}). */
    record BatchShown(Batch batch, BatchReadout.ImportedFrom importedFrom, List<BatchReadout.AccountTotal> totals,
                      List<BatchReadout.HistoryEntry> history, Page<JournalView> journals) {
    }

    @Operation(summary = "One batch: the file it came from, its history (status changes, void or reversal and why), its totals per "
            + "entity and account, and its journals with their lines a page at a time; 404 when there is no such batch")
    @GetMapping("/batches/{id}")
    ResponseEntity<Object> batch(@PathVariable long id, @RequestParam(required = false) Integer limit,
                                 @RequestParam(required = false) String cursor) {
        return readout.detail(id).<ResponseEntity<Object>>map(detail ->
                        ResponseEntity.ok(new BatchShown(detail.batch(), detail.importedFrom(), detail.totals(), detail.history(),
                                reports.journalsOfBatch(id, cursor, Page.limit(limit)))))
                .orElseGet(() -> notFound(PostingRule.BATCH_NOT_FOUND, "There is no batch " + id + "."));
    }

    static ResponseEntity<Object> notFound(ErrorCode code, String detail) {
        return org.ledgerbridge.web.Problems.answer(org.springframework.http.HttpStatus.NOT_FOUND, code, detail);
    }

    @Operation(summary = "A batch's journals with their lines, in id order, a page at a time; 404 when there is no such batch")
    @GetMapping("/batches/{id}/journals")
    ResponseEntity<Object> batchJournals(@PathVariable long id, @RequestParam(required = false) Integer limit,
                                         @RequestParam(required = false) String cursor) {
        if (batches.find(id).isEmpty()) {
            return notFound(PostingRule.BATCH_NOT_FOUND, "There is no batch " + id + ".");
        }
        return ResponseEntity.ok(reports.journalsOfBatch(id, cursor, Page.limit(limit)));
    }

    @Operation(summary = "Journals with their lines dated in the range, entity by entity and oldest first, a page at a time")
    @GetMapping("/journals")
    Page<JournalView> journals(@RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(
                                       iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) java.time.LocalDate from,
                               @RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(
                                       iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) java.time.LocalDate to,
                               @RequestParam(required = false) String entity, @RequestParam(required = false) Integer limit,
                               @RequestParam(required = false) String cursor) {
        return reports.journals(from, to, entity, cursor, Page.limit(limit));
    }

    @Operation(summary = "Audit events, newest first, a page at a time; subject=journal:42 for one subject's history")
    @GetMapping("/audit")
    Page<AuditLog.AuditEvent> audit(@RequestParam(required = false) String subject, @RequestParam(required = false) Integer limit,
                                    @RequestParam(required = false) String cursor) {
        return audit.page(subject, cursor, Page.limit(limit));
    }

    @Operation(summary = "Set the status of batches to READY or OPEN, all or none")
    @PostMapping("/batches/status")
    ResponseEntity<Object> status(@RequestBody StatusChange change, Principal user) {
        if (change.status() == null) {
            return Refusal.missing("status");
        }
        return answer(batches.changeStatus(change.ids() == null ? List.of() : change.ids(), change.status(), Refusal.actor(user)));
    }

    @Operation(summary = "Post READY batches, all or none")
    @PostMapping("/batches/post")
    ResponseEntity<Object> post(@RequestBody BatchIds ids, Principal user) {
        return answer(batches.post(ids.ids() == null ? List.of() : ids.ids(), Refusal.actor(user)));
    }

    @Operation(summary = "Void an OPEN batch, with a reason")
    @PostMapping("/batches/{id}/void")
    ResponseEntity<Object> voidBatch(@PathVariable long id, @RequestBody(required = false) Reason reason, Principal user) {
        if (reason == null) {
            return Refusal.missing("reason");
        }
        return answer(corrections.voidBatches(List.of(id), reason.reason(), Refusal.actor(user)));
    }

    record Reversal(List<Long> ids, String reason, java.time.LocalDate date) {
    }

    @Operation(summary = "Reverse POSTED batches, all or none: a new REVERSAL batch of mirror journals, to be set READY and "
            + "posted; when it posts, what the reversed batches did to the subledger is undone. date: of every reversing journal "
            + "(default: each on the date of the journal it reverses)")
    @PostMapping("/batches/reverse")
    ResponseEntity<Object> reverse(@RequestBody Reversal reversal, Principal user) {
        if (reversal.reason() == null) {
            return Refusal.missing("reason");
        }
        return answer(corrections.reverse(reversal.ids() == null ? List.of() : reversal.ids(), reversal.reason(), reversal.date(),
                Refusal.actor(user)));
    }

    @GetMapping("/journals/{id}")
    ResponseEntity<Object> journal(@PathVariable long id) {
        return reports.journal(id).<ResponseEntity<Object>>map(ResponseEntity::ok)
                .orElseGet(() -> notFound(ApiProblem.JOURNAL_NOT_FOUND, "There is no journal " + id + "."));
    }

    @Operation(summary = "The payments summed into a journal (a deposit journal's), with what each paid, in file order, "
            + "a page at a time; 404 when there is no such journal")
    @GetMapping("/journals/{id}/payments")
    ResponseEntity<Object> journalPayments(@PathVariable long id, @RequestParam(required = false) Integer limit,
                                           @RequestParam(required = false) String cursor) {
        return depositPayments.ofJournal(id, cursor, Page.limit(limit)).<ResponseEntity<Object>>map(ResponseEntity::ok)
                .orElseGet(() -> notFound(ApiProblem.JOURNAL_NOT_FOUND, "There is no journal " + id + "."));
    }

    @GetMapping("/trial-balance")
    List<TrialBalanceLine> trialBalance(@RequestParam(required = false) String entity,
                                        @RequestParam(defaultValue = "false") boolean includeUnposted) {
        return reports.trialBalance(entity, includeUnposted);
    }

    private static ResponseEntity<Object> answer(BatchChange change) {
        if (change instanceof BatchChange.Refused refused) {
            return Refusal.of(refused.code(), refused.message(), java.util.Map.of("batch", refused.batchId()));
        }
        return ResponseEntity.ok(change);
    }
}
