package org.ledgerbridge.api;

import org.ledgerbridge.delivery.GlRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.ledgerbridge.delivery.GlExport;
import org.ledgerbridge.delivery.GlExportService;
import org.ledgerbridge.delivery.GlIntegration;
import org.ledgerbridge.delivery.GlSending;
import org.ledgerbridge.delivery.GlTargets;
import org.ledgerbridge.delivery.GlTarget;
import org.ledgerbridge.delivery.Summarize;
import org.ledgerbridge.ledger.Page;
import org.ledgerbridge.web.BusinessDate;
import org.ledgerbridge.web.Downloads;
import org.ledgerbridge.web.UploadedFiles;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.nio.file.Path;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

@RestController
@RequestMapping("/api")
@Tag(name = "GL delivery", description = "GL export (ZIP) and GL integration: pending, validate, send, mark as sent")
class DeliveryApi {

    private final GlExportService export;
    private final GlIntegration integration;
    private final GlSending sending;
    private final GlTargets glTargets;
    private final UploadedFiles files;
    private final BusinessDate businessDate;

    DeliveryApi(GlExportService export, GlIntegration integration, GlSending sending, GlTargets glTargets, UploadedFiles files, BusinessDate businessDate) {
        this.export = export;
        this.integration = integration;
        this.sending = sending;
        this.glTargets = glTargets;
        this.files = files;
        this.businessDate = businessDate;
    }

    /** Journals by id, or {@code all}: every posted journal not sent in the range (from: the oldest not sent; to: today). */
    record Selection(List<Long> ids, String target, Boolean all, LocalDate from, LocalDate to) {
        boolean everyInRange() {
            return Boolean.TRUE.equals(all);
        }
    }

    /** The summary of the range and one page of its journals; {@code next} asks for the following page. */
    record PendingPage(LocalDate oldestNotSent, long unpostedTransactions, LocalDate from, LocalDate to, long journalsInRange,
                       List<GlIntegration.EntityPending> entities, List<GlIntegration.PendingJournal> journals, String next) {
    }

    /** Journals by id, or {@code all}: every posted journal not sent in the range. */
    record MarkSent(List<Long> ids, String reason, Boolean all, LocalDate from, LocalDate to) {
    }

    @Operation(summary = "Posted journals dated in the range as a ZIP (one file per entity and a manifest); 422 when refused")
    @PostMapping("/export/gl")
    Object exportGl(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                    @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                    @RequestParam String format, @RequestParam(required = false) String entity,
                    @RequestParam(defaultValue = "false") boolean again, @RequestParam(defaultValue = "DETAIL") Summarize summarize,
                    @RequestParam(defaultValue = "detail") String deposits, Principal user, HttpServletResponse response)
            throws IOException {
        Path folder = files.newFolder();
        try {
            Path zip = folder.resolve("gl-" + format + "-" + from + "-" + to + ".zip");
            GlExport result = export.export(from, to, format, entity, again, summarize, "summary".equalsIgnoreCase(deposits), zip,
                    Refusal.actor(user));
            if (result instanceof GlExport.Refused refused) {
                return Refusal.of(refused.code(), refused.message());
            }
            Downloads.send(zip, "application/zip", response);
            return null;
        } finally {
            FileSystemUtils.deleteRecursively(folder);
        }
    }

    @Operation(summary = "Posted journals not sent in the range, a page at a time (limit, cursor from the previous page's next)")
    @GetMapping("/gl/pending")
    PendingPage pending(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                        @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        GlIntegration.Pending pending = integration.pending(from, to, businessDate.today(), cursor, Page.limit(limit));
        GlIntegration.Summary summary = pending.summary();
        return new PendingPage(summary.oldestNotSent(), summary.unpostedTransactions(), summary.from(), summary.to(),
                summary.journals(), summary.entities(), pending.page().items(), pending.page().next());
    }

    @GetMapping("/gl/targets")
    List<GlTarget> targets() {
        return glTargets.targets();
    }

    @Operation(summary = "Validate journals against a GL target's chart, mapping and closed period")
    @PostMapping("/gl/validate")
    ResponseEntity<Object> validate(@RequestBody Selection selection, Principal user) {
        GlTarget target = target(selection);
        if (target == null) {
            return Refusal.of(GlRule.UNKNOWN_TARGET, "no GL target '" + selection.target() + "'");
        }
        List<GlSending.Problem> problems = selection.everyInRange()
                ? sending.validateRange(range(selection), target, Refusal.actor(user), GlSending.Progress.NONE)
                : sending.validate(ids(selection.ids()), target, Refusal.actor(user));
        return problems.isEmpty() ? ResponseEntity.ok(Map.of("status", "valid"))
                : Refusal.of(GlRule.VALIDATION_FAILED, problems.size() + " problem(s)", problems);
    }

    @Operation(summary = "Send journals to a GL target, exactly once")
    @PostMapping("/gl/send")
    ResponseEntity<Object> send(@RequestBody Selection selection, Principal user) {
        GlTarget target = target(selection);
        if (target == null) {
            return Refusal.of(GlRule.UNKNOWN_TARGET, "no GL target '" + selection.target() + "'");
        }
        GlSending.Sending result = selection.everyInRange()
                ? sending.sendRange(range(selection), target, Refusal.actor(user), GlSending.Progress.NONE)
                : sending.send(ids(selection.ids()), target, Refusal.actor(user));
        if (result instanceof GlSending.SendRefused refused) {
            return Refusal.of(refused.code(), refused.message(), refused.problems());
        }
        if (result instanceof GlSending.SendFailed failed) {
            return ResponseEntity.status(502).body(Map.of("status", "failed", "message", failed.message(), "sent", failed.sent(),
                    "uncertain", failed.uncertain()));
        }
        return ResponseEntity.ok(result);
    }

    @Operation(summary = "Mark journals as sent (keyed into the GL by hand), with a reason")
    @PostMapping("/gl/mark-sent")
    ResponseEntity<Object> markSent(@RequestBody MarkSent request, Principal user) {
        GlIntegration.MarkSent result;
        if (Boolean.TRUE.equals(request.all())) {
            GlIntegration.Summary range = integration.summary(request.from(), request.to(), businessDate.today());
            result = integration.markSentRange(range.from(), range.to(), request.reason(), Refusal.actor(user));
        } else {
            result = integration.markSent(ids(request.ids()), request.reason(), Refusal.actor(user));
        }
        if (result instanceof GlIntegration.MarkSent.Refused refused) {
            return Refusal.of(refused.code(), refused.message(), Map.of("journal", refused.journal()));
        }
        return ResponseEntity.ok(result);
    }

    private GlIntegration.Summary range(Selection selection) {
        return integration.summary(selection.from(), selection.to(), businessDate.today());
    }

    private GlTarget target(Selection selection) {
        return selection.target() == null ? null : glTargets.target(selection.target()).orElse(null);
    }

    private static List<Long> ids(List<Long> ids) {
        return ids == null ? List.of() : ids;
    }
}
