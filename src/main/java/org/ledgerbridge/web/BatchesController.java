package org.ledgerbridge.web;

import org.ledgerbridge.ledger.BatchChange;
import org.ledgerbridge.ledger.BatchReadout;
import org.ledgerbridge.ledger.LedgerReports;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.ledgerbridge.ledger.BatchCorrections;
import org.ledgerbridge.ledger.BatchService;
import org.ledgerbridge.ledger.BatchStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;

/** iMIS's batch screen: select several, Set Status, Post Selected; void an open batch with a reason. */
@Controller
class BatchesController {

    static final int PAGE = 100;

    private final BatchService batches;
    private final BatchCorrections corrections;
    private final BatchReadout readout;
    private final LedgerReports reports;

    BatchesController(BatchService batches, BatchCorrections corrections, BatchReadout readout, LedgerReports reports) {
        this.batches = batches;
        this.corrections = corrections;
        this.readout = readout;
        this.reports = reports;
    }

    /** One batch, to read before posting: where it came from, its history, totals per entity and account, its journals a page at a time. */
    @GetMapping("/batches/{id}")
    String batch(@PathVariable long id, @RequestParam(required = false) String cursor, Model model) {
        model.addAttribute("detail", readout.detail(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no batch " + id + ".")));
        org.ledgerbridge.ledger.Page<org.ledgerbridge.ledger.JournalView> journals = reports.journalsOfBatch(id, cursor, PAGE);
        model.addAttribute("journals", journals.items());
        PageLinks.add(model, journals, cursor);
        return "batch";
    }

    @GetMapping("/batches")
    String batches(@RequestParam(required = false) String cursor, Model model) {
        org.ledgerbridge.ledger.Page<org.ledgerbridge.ledger.Batch> page = batches.page(null, cursor, PAGE);
        model.addAttribute("batches", page.items());
        PageLinks.add(model, page, cursor);
        return "batches";
    }

    @PostMapping("/batches/status")
    String status(@RequestParam(name = "id", required = false) List<Long> ids, @RequestParam BatchStatus status,
                  Authentication user, RedirectAttributes redirect) {
        if (ids == null || ids.isEmpty()) {
            redirect.addFlashAttribute("error", "Select at least one batch.");
        } else {
            report(batches.changeStatus(ids, status, CurrentUser.actor(user)), redirect);
        }
        return "redirect:/batches";
    }

    @PostMapping("/batches/post")
    String post(@RequestParam(name = "id", required = false) List<Long> ids, Authentication user, RedirectAttributes redirect) {
        if (ids == null || ids.isEmpty()) {
            redirect.addFlashAttribute("error", "Select at least one batch.");
        } else {
            report(batches.post(ids, CurrentUser.actor(user)), redirect);
        }
        return "redirect:/batches";
    }

    @PostMapping("/batches/{id}/void")
    String voidBatch(@PathVariable long id, @RequestParam(defaultValue = "") String reason, Authentication user,
                     RedirectAttributes redirect) {
        report(corrections.voidBatches(List.of(id), reason, CurrentUser.actor(user)), redirect);
        return "redirect:/batches";
    }

    @PostMapping("/batches/{id}/reverse")
    String reverse(@PathVariable long id, @RequestParam(defaultValue = "") String reason,
                   @RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(
                           iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) java.time.LocalDate date,
                   Authentication user, RedirectAttributes redirect) {
        report(corrections.reverse(List.of(id), reason, date, CurrentUser.actor(user)), redirect);
        return "redirect:/batches";
    }

    private static void report(BatchChange change, RedirectAttributes redirect) {
        if (change instanceof BatchChange.Refused refused) {
            redirect.addFlashAttribute("error", refused.code() + ": " + refused.message());
        } else if (change instanceof BatchChange.Changed changed) {
            redirect.addFlashAttribute("message", changed.batchIds().size() + " batch(es) now " + changed.status());
        } else if (change instanceof BatchChange.Reversing reversing) {
            redirect.addFlashAttribute("message", "Batch " + reversing.batchIds().get(0) + ": " + reversing.journals()
                    + " reversing journal(s) wait in batch " + reversing.reversalBatchName() + "; set it READY and post it to undo the batch");
        }
    }
}
