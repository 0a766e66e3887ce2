package org.ledgerbridge.web;

import org.ledgerbridge.delivery.GlIntegration;
import org.ledgerbridge.delivery.GlSending;
import org.ledgerbridge.delivery.GlTarget;
import org.ledgerbridge.ledger.LedgerReports;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.LocalDate;
import java.util.List;

/**
 * The GL integration screen of seed 001: From / Up-To dates, the oldest journal not sent, the
 * transactions not posted, the journals with select-all, Validate with GL, Send to GL, Mark as sent.
 */
@Controller
class GlController {

    static final int SHOWN = 2000;

    private final GlIntegration integration;
    private final GlSending sending;
    private final LedgerReports reports;
    private final BusinessDate businessDate;

    GlController(GlIntegration integration, GlSending sending, LedgerReports reports, BusinessDate businessDate) {
        this.integration = integration;
        this.sending = sending;
        this.reports = reports;
        this.businessDate = businessDate;
    }

    @GetMapping("/gl")
    String pending(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                   @RequestParam(required = false) String target, Model model) {
        GlIntegration.Pending pending = integration.pending(from, to, businessDate.today());
        List<GlTarget> targets = sending.targets();
        model.addAttribute("pending", pending);
        model.addAttribute("shown", pending.journals().subList(0, Math.min(SHOWN, pending.journals().size())));
        model.addAttribute("targets", targets);
        model.addAttribute("target", target != null ? target : targets.size() == 1 ? targets.get(0).name() : null);
        return "gl";
    }

    @GetMapping("/journals/{id}")
    String journal(@PathVariable long id, Model model) {
        model.addAttribute("journal", reports.journal(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no journal " + id)));
        return "journal";
    }

    @PostMapping("/gl/validate")
    String validate(@RequestParam(name = "id", required = false) List<Long> ids, @RequestParam(defaultValue = "false") boolean all,
                    @RequestParam(required = false) String target, @RequestParam(required = false) LocalDate from,
                    @RequestParam(required = false) LocalDate to, Authentication user, RedirectAttributes redirect) {
        return withSelection(ids, all, target, from, to, redirect, (journals, glTarget) -> {
            List<GlSending.Problem> problems = sending.validate(journals, glTarget, CurrentUser.actor(user));
            if (problems.isEmpty()) {
                redirect.addFlashAttribute("message", journals.size() + " journal(s) valid for " + glTarget.name());
            } else {
                redirect.addFlashAttribute("error", problems.size() + " problem(s) with " + glTarget.name() + ": nothing sent");
                redirect.addFlashAttribute("problems", problems);
            }
        });
    }

    @PostMapping("/gl/send")
    String send(@RequestParam(name = "id", required = false) List<Long> ids, @RequestParam(defaultValue = "false") boolean all,
                @RequestParam(required = false) String target, @RequestParam(required = false) LocalDate from,
                @RequestParam(required = false) LocalDate to, Authentication user, RedirectAttributes redirect) {
        return withSelection(ids, all, target, from, to, redirect, (journals, glTarget) -> {
            GlSending.Sending result = sending.send(journals, glTarget, CurrentUser.actor(user));
            if (result instanceof GlSending.Sent sent) {
                redirect.addFlashAttribute("message", sent.sent().size() + " journal(s) sent to " + glTarget.name()
                        + (sent.alreadySent().isEmpty() ? "" : "; " + sent.alreadySent().size() + " were sent before"));
            } else if (result instanceof GlSending.SendRefused refused) {
                redirect.addFlashAttribute("error", refused.code() + ": " + refused.message());
                redirect.addFlashAttribute("problems", refused.problems());
            } else if (result instanceof GlSending.SendFailed failed) {
                redirect.addFlashAttribute("error", "SEND_FAILED: " + failed.message() + "; sent " + failed.sent().size()
                        + ", uncertain " + failed.uncertain().size());
            }
        });
    }

    @PostMapping("/gl/mark-sent")
    String markSent(@RequestParam(name = "id", required = false) List<Long> ids, @RequestParam(defaultValue = "") String reason,
                    @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
                    Authentication user, RedirectAttributes redirect) {
        if (ids == null || ids.isEmpty()) {
            redirect.addFlashAttribute("error", "Select the journals to mark as sent.");
        } else {
            GlIntegration.MarkSent result = integration.markSent(ids, reason, CurrentUser.actor(user));
            if (result instanceof GlIntegration.MarkSent.Refused refused) {
                redirect.addFlashAttribute("error", refused.code() + ": " + refused.message());
            } else {
                redirect.addFlashAttribute("message", ids.size() + " journal(s) marked as sent: " + reason);
            }
        }
        return back(from, to, null);
    }

    private interface Action {
        void run(List<Long> journals, GlTarget target);
    }

    private String withSelection(List<Long> ids, boolean all, String targetName, LocalDate from, LocalDate to,
                                 RedirectAttributes redirect, Action action) {
        List<Long> journals = all
                ? integration.pending(from, to, businessDate.today()).journals().stream().map(GlIntegration.PendingJournal::id).toList()
                : ids == null ? List.of() : ids;
        GlTarget target = targetName == null ? null : sending.target(targetName).orElse(null);
        if (target == null) {
            redirect.addFlashAttribute("error", "Choose the GL target (Settings lists them).");
        } else if (journals.isEmpty()) {
            redirect.addFlashAttribute("error", "Select the journals first.");
        } else {
            action.run(journals, target);
        }
        return back(from, to, targetName);
    }

    private static String back(LocalDate from, LocalDate to, String target) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/gl");
        if (from != null) {
            uri.queryParam("from", from);
        }
        if (to != null) {
            uri.queryParam("to", to);
        }
        if (target != null) {
            uri.queryParam("target", target);
        }
        return "redirect:" + uri.encode().toUriString();
    }
}
