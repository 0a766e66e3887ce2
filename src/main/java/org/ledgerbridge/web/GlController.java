package org.ledgerbridge.web;

import org.ledgerbridge.delivery.GlIntegration;
import org.ledgerbridge.delivery.GlSending;
import org.ledgerbridge.delivery.GlTargets;
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

    static final int PAGE = 100;

    private final GlIntegration integration;
    private final GlSending sending;
    private final GlTargets glTargets;
    private final LedgerReports reports;
    private final BusinessDate businessDate;
    private final GlJobs jobs;
    private final org.ledgerbridge.payments.DepositPayments depositPayments;

    GlController(GlIntegration integration, GlSending sending, GlTargets glTargets, LedgerReports reports, BusinessDate businessDate, GlJobs jobs,
                 org.ledgerbridge.payments.DepositPayments depositPayments) {
        this.depositPayments = depositPayments;
        this.jobs = jobs;
        this.integration = integration;
        this.sending = sending;
        this.glTargets = glTargets;
        this.reports = reports;
        this.businessDate = businessDate;
    }

    @GetMapping("/gl")
    String pending(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                   @RequestParam(required = false) String target, @RequestParam(required = false) String cursor, Model model) {
        GlIntegration.Pending pending = integration.pending(from, to, businessDate.today(), cursor, PAGE);
        List<GlTarget> targets = glTargets.targets();
        model.addAttribute("pending", pending.summary());
        model.addAttribute("shown", pending.page().items());
        model.addAttribute("firstPage", cursor == null);
        model.addAttribute("firstPageLink", link(pending.summary().from(), pending.summary().to(), target, null));
        model.addAttribute("nextPage", pending.page().more()
                ? link(pending.summary().from(), pending.summary().to(), target, pending.page().next()) : null);
        model.addAttribute("targets", targets);
        model.addAttribute("target", target != null ? target : targets.size() == 1 ? targets.get(0).name() : null);
        return "gl";
    }

    @GetMapping("/gl/jobs/{id}")
    String job(@PathVariable String id, Model model) {
        model.addAttribute("job", job(id));
        return "gl-job";
    }

    /** Polled by the page (htmx) while the job runs: the progress bar, or a reload once it is done. */
    @GetMapping("/gl/jobs/{id}/progress")
    String jobProgress(@PathVariable String id, Model model, jakarta.servlet.http.HttpServletResponse response) {
        GlJobs.Job job = job(id);
        if (!job.isRunning()) {
            response.setHeader("HX-Refresh", "true");
        }
        model.addAttribute("job", job);
        return "gl-job :: progress";
    }

    private GlJobs.Job job(String id) {
        return jobs.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such validation or send"));
    }

    @GetMapping("/journals/{id}")
    String journal(@PathVariable long id, @RequestParam(required = false) String cursor, Model model) {
        model.addAttribute("journal", reports.journal(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no journal " + id)));
        model.addAttribute("payments", depositPayments.ofJournal(id, cursor, org.ledgerbridge.ledger.Page.DEFAULT_LIMIT).orElseThrow());
        return "journal";
    }

    @PostMapping("/gl/validate")
    String validate(@RequestParam(name = "id", required = false) List<Long> ids, @RequestParam(defaultValue = "false") boolean all,
                    @RequestParam(required = false) String target, @RequestParam(required = false) LocalDate from,
                    @RequestParam(required = false) LocalDate to, Authentication user, RedirectAttributes redirect) {
        return withSelection(ids, all, target, from, to, redirect, GlJobs.Action.VALIDATE, user, (journals, glTarget) -> {
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
        return withSelection(ids, all, target, from, to, redirect, GlJobs.Action.SEND, user, (journals, glTarget) -> {
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
    String markSent(@RequestParam(name = "id", required = false) List<Long> ids, @RequestParam(defaultValue = "false") boolean all,
                    @RequestParam(defaultValue = "") String reason,
                    @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
                    Authentication user, RedirectAttributes redirect) {
        GlIntegration.Summary range = all ? integration.summary(from, to, businessDate.today()) : null;
        if (range == null && (ids == null || ids.isEmpty())) {
            redirect.addFlashAttribute("error", "Select the journals to mark as sent.");
        } else {
            GlIntegration.MarkSent result = range != null
                    ? integration.markSentRange(range.from(), range.to(), reason, CurrentUser.actor(user))
                    : integration.markSent(ids, reason, CurrentUser.actor(user));
            if (result instanceof GlIntegration.MarkSent.Refused refused) {
                redirect.addFlashAttribute("error", refused.code() + ": " + refused.message());
            } else {
                redirect.addFlashAttribute("message", ((GlIntegration.MarkSent.Marked) result).journals().size()
                        + " journal(s) marked as sent: " + reason);
            }
        }
        return back(from, to, null);
    }

    /** On the ticked journals; every journal waiting in the range ("all") is a job of {@link GlJobs} instead. */
    private interface Action {
        void run(List<Long> journals, GlTarget target);
    }

    private String withSelection(List<Long> ids, boolean all, String targetName, LocalDate from, LocalDate to,
                                 RedirectAttributes redirect, GlJobs.Action onRange, Authentication user, Action action) {
        GlIntegration.Summary range = all ? integration.summary(from, to, businessDate.today()) : null;
        List<Long> journals = ids == null ? List.of() : ids;
        GlTarget target = targetName == null ? null : glTargets.target(targetName).orElse(null);
        if (target == null) {
            redirect.addFlashAttribute("error", "Choose the GL target (Settings lists them).");
        } else if (range != null ? range.journals() == 0 : journals.isEmpty()) {
            redirect.addFlashAttribute("error", range != null ? "No journal waits in the range." : "Select the journals first.");
        } else if (range != null) {
            return "redirect:/gl/jobs/" + jobs.start(onRange, range, target, CurrentUser.actor(user)).getId();
        } else {
            action.run(journals, target);
        }
        return back(from, to, targetName);
    }

    private static String back(LocalDate from, LocalDate to, String target) {
        return "redirect:" + link(from, to, target, null);
    }

    /** The screen with the user's range and target kept, at a page (cursor) or the first. */
    private static String link(LocalDate from, LocalDate to, String target, String cursor) {
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
        if (cursor != null) {
            uri.queryParam("cursor", cursor);
        }
        return uri.encode().toUriString();
    }
}
