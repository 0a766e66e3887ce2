package org.ledgerbridge.web;

import org.ledgerbridge.ledger.LedgerReports;
import org.ledgerbridge.ledger.LedgerSetup;
import org.ledgerbridge.receivables.DocumentChange;
import org.ledgerbridge.receivables.DocumentStatus;
import org.ledgerbridge.receivables.MigratedDocuments;
import org.ledgerbridge.receivables.MigrationMode;
import org.ledgerbridge.receivables.NewDocument;
import org.ledgerbridge.receivables.OpenItems;
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

import java.time.LocalDate;
import java.util.List;

/** Open items with filters, one document with its applications and journals, and the migration-mode switches. */
@Controller
class DocumentsController {

    static final int PAGE = 100;

    private final OpenItems openItems;
    private final LedgerReports reports;
    private final LedgerSetup setup;
    private final MigrationMode migrationMode;
    private final MigratedDocuments migrated;
    private final BusinessDate businessDate;
    private final org.ledgerbridge.receivables.CreditApplications credits;
    private final org.ledgerbridge.payments.DepositPayments depositPayments;

    DocumentsController(OpenItems openItems, LedgerReports reports, LedgerSetup setup, MigrationMode migrationMode,
                        MigratedDocuments migrated, BusinessDate businessDate, org.ledgerbridge.receivables.CreditApplications credits,
                        org.ledgerbridge.payments.DepositPayments depositPayments) {
        this.credits = credits;
        this.depositPayments = depositPayments;
        this.openItems = openItems;
        this.reports = reports;
        this.setup = setup;
        this.migrationMode = migrationMode;
        this.migrated = migrated;
        this.businessDate = businessDate;
    }

    @GetMapping("/documents")
    String documents(@RequestParam(required = false) String entity, @RequestParam(required = false) String party,
                     @RequestParam(required = false) String number, @RequestParam(defaultValue = "false") boolean closed,
                     @RequestParam(required = false) String cursor, Model model) {
        OpenItems.Filter filter = new OpenItems.Filter(entity, party, number, closed);
        model.addAttribute("filter", filter);
        model.addAttribute("entities", setup.entities().keySet());
        var page = openItems.page(filter, cursor, PAGE);
        model.addAttribute("documents", page.items());
        PageLinks.add(model, page, cursor);
        model.addAttribute("switches", migrationMode.status());
        return "documents";
    }

    @GetMapping("/documents/{entity}/{module}/{number}")
    String document(@PathVariable String entity, @PathVariable String module, @PathVariable String number, Model model) {
        model.addAttribute("document", openItems.find(entity, module, number)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no document " + number)));
        var applications = openItems.applications(entity, module, number);
        model.addAttribute("applications", applications);
        model.addAttribute("journals", reports.journalsOfDocument(entity, number));
        // a payment summed into a deposit journal is one click from it: the payments named here, and a credit's own payment
        List<String> payments = new java.util.ArrayList<>(applications.stream().map(a -> a.reference()).toList());
        payments.add(number);
        model.addAttribute("paymentJournals", depositPayments.journalsOf(payments));
        model.addAttribute("statuses", List.of(DocumentStatus.ON_HOLD, DocumentStatus.BALANCED));
        return "document";
    }

    /** Seed 002: migrated documents become open items once released (all, or the selected ones). */
    @PostMapping("/documents/release")
    String release(@RequestParam(name = "number", required = false) List<String> numbers,
                   @RequestParam(defaultValue = "false") boolean all, Authentication user, RedirectAttributes redirect) {
        report(migrated.release(numbers == null ? List.of() : numbers, all, businessDate.today(), CurrentUser.actor(user)),
                "released", redirect);
        return "redirect:/documents";
    }

    @PostMapping("/documents/edit")
    String edit(@RequestParam String number, @RequestParam(required = false) String partyId,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueDate,
                @RequestParam(required = false) String currency, @RequestParam(required = false) String exchangeRate,
                @RequestParam(required = false) String originalAmount, @RequestParam(required = false) String openBalance,
                @RequestParam(required = false) String description, @RequestParam(required = false) DocumentStatus status,
                @RequestParam(required = false) String module, Authentication user, RedirectAttributes redirect) {
        String back = module == null || !number.contains("/") ? "redirect:/documents?number="
                + java.net.URLEncoder.encode(number.substring(number.indexOf('/') + 1), java.nio.charset.StandardCharsets.UTF_8)
                : "redirect:/documents/" + org.springframework.web.util.UriUtils.encodePathSegment(number.substring(0, number.indexOf('/')),
                java.nio.charset.StandardCharsets.UTF_8) + "/" + org.springframework.web.util.UriUtils.encodePathSegment(module,
                java.nio.charset.StandardCharsets.UTF_8) + "/" + org.springframework.web.util.UriUtils.encodePathSegment(
                number.substring(number.indexOf('/') + 1), java.nio.charset.StandardCharsets.UTF_8);
        // a refused edit comes back to the form with what was typed
        java.util.Map<String, String> typed = new java.util.HashMap<>();
        typed.put("partyId", partyId);
        typed.put("date", date == null ? "" : date.toString());
        typed.put("dueDate", dueDate == null ? "" : dueDate.toString());
        typed.put("currency", currency);
        typed.put("exchangeRate", exchangeRate);
        typed.put("originalAmount", originalAmount);
        typed.put("openBalance", openBalance);
        typed.put("description", description);
        typed.put("status", status == null ? "" : status.name());
        java.util.Map<String, String> amounts = new java.util.LinkedHashMap<>();
        amounts.put("exchange rate", exchangeRate);
        amounts.put("original amount", originalAmount);
        amounts.put("open balance", openBalance);
        java.util.Map<String, java.math.BigDecimal> parsed = new java.util.HashMap<>();
        for (var amount : amounts.entrySet()) {
            if (amount.getValue() != null && !amount.getValue().isBlank()) {
                var value = org.ledgerbridge.imports.Cells.parseDecimal(amount.getValue().strip());
                if (value.isEmpty()) {
                    redirect.addFlashAttribute("error", "INVALID_NUMBER: the " + amount.getKey() + " '" + amount.getValue() + "' is not a number");
                    redirect.addFlashAttribute("typedDocument", typed);
                    return back;
                }
                parsed.put(amount.getKey(), value.get());
            }
        }
        DocumentChange change = migrated.edit(number, new MigratedDocuments.Edit(blankToNull(partyId), date, dueDate, blankToNull(currency),
                parsed.get("exchange rate"), parsed.get("original amount"), parsed.get("open balance"), blankToNull(description), status),
                CurrentUser.actor(user));
        report(change, "edited", redirect);
        if (change instanceof DocumentChange.Refused) {
            redirect.addFlashAttribute("typedDocument", typed);
        }
        return back;
    }

    @PostMapping("/documents/delete")
    String delete(@RequestParam String number, @RequestParam(defaultValue = "") String reason, Authentication user,
                  RedirectAttributes redirect) {
        report(migrated.delete(number, reason, CurrentUser.actor(user)), "deleted", redirect);
        return "redirect:/documents";
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    @PostMapping("/documents/release-retainage")
    String releaseRetainage(@RequestParam String number, Authentication user, RedirectAttributes redirect) {
        report(migrated.releaseRetainage(number, CurrentUser.actor(user)), "retainage released", redirect);
        return "redirect:/documents?number=" + java.net.URLEncoder.encode(number, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A credit applied to an invoice from the credit's own page. */
    @PostMapping("/documents/apply")
    String apply(@RequestParam String credit, @RequestParam String invoice, @RequestParam(required = false) String amount,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                 @RequestParam String back, Authentication user, RedirectAttributes redirect) {
        java.util.Optional<java.math.BigDecimal> given = amount == null || amount.isBlank() ? java.util.Optional.empty()
                : org.ledgerbridge.imports.Cells.parseDecimal(amount.strip());
        if (amount != null && !amount.isBlank() && given.isEmpty()) {
            redirect.addFlashAttribute("error", "INVALID_NUMBER: '" + amount + "' is not an amount");
        } else {
            applied(credits.apply(credit, invoice, given.orElse(null), date != null ? date : businessDate.today(), CurrentUser.actor(user)),
                    redirect);
        }
        return "redirect:" + (back.startsWith("/documents/") ? back : "/documents");
    }

    /** Every open credit of the party (or of everyone) on its oldest open invoices. */
    @PostMapping("/documents/apply-credits")
    String applyCredits(@RequestParam(required = false) String party, Authentication user, RedirectAttributes redirect) {
        applied(credits.applyAll(party == null || party.isBlank() ? null : party.strip(), null, businessDate.today(), false,
                CurrentUser.actor(user)), redirect);
        return "redirect:/documents";
    }

    private static void applied(org.ledgerbridge.receivables.CreditApplications.Outcome outcome, RedirectAttributes redirect) {
        if (outcome instanceof org.ledgerbridge.receivables.CreditApplications.Outcome.Refused refused) {
            redirect.addFlashAttribute("error", refused.rule() + ": " + refused.message());
        } else if (outcome instanceof org.ledgerbridge.receivables.CreditApplications.Outcome.Applied applied) {
            redirect.addFlashAttribute("message", applied.applications().size() + " credit application(s), "
                    + applied.total().toPlainString() + ", in OPEN batch " + applied.batchName() + ": "
                    + String.join("; ", applied.applications().stream().limit(20)
                    .map(a -> a.credit() + " -> " + a.invoice() + " " + a.amount().toPlainString()).toList()));
        }
    }

    private static void report(DocumentChange change, String what, RedirectAttributes redirect) {
        if (change instanceof DocumentChange.Refused refused) {
            redirect.addFlashAttribute("error", refused.code() + ": " + refused.message());
        } else if (change instanceof DocumentChange.Done done) {
            redirect.addFlashAttribute("message", done.changed() + " document(s) " + what
                    + (done.closed() > 0 ? ", " + done.closed() + " closed at once" : "")
                    + (done.onHold() > 0 ? "; " + done.onHold() + " on hold not released" : ""));
        }
    }

    @PostMapping("/documents/migration-mode")
    String migrationMode(@RequestParam NewDocument.Module module, @RequestParam boolean on, Authentication user,
                         RedirectAttributes redirect) {
        migrationMode.set(module, on, CurrentUser.actor(user))
                .ifPresent(refused -> redirect.addFlashAttribute("error", refused.code() + ": " + refused.message()));
        return "redirect:/documents";
    }
}
