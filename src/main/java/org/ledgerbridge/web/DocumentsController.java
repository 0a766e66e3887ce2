package org.ledgerbridge.web;

import org.ledgerbridge.ledger.LedgerReports;
import org.ledgerbridge.ledger.LedgerSetup;
import org.ledgerbridge.receivables.MigrationMode;
import org.ledgerbridge.receivables.NewDocument;
import org.ledgerbridge.receivables.OpenItems;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** Open items with filters, one document with its applications and journals, and the migration-mode switches. */
@Controller
class DocumentsController {

    static final int PAGE = 500;

    private final OpenItems openItems;
    private final LedgerReports reports;
    private final LedgerSetup setup;
    private final MigrationMode migrationMode;

    DocumentsController(OpenItems openItems, LedgerReports reports, LedgerSetup setup, MigrationMode migrationMode) {
        this.openItems = openItems;
        this.reports = reports;
        this.setup = setup;
        this.migrationMode = migrationMode;
    }

    @GetMapping("/documents")
    String documents(@RequestParam(required = false) String entity, @RequestParam(required = false) String party,
                     @RequestParam(required = false) String number, @RequestParam(defaultValue = "false") boolean closed,
                     Model model) {
        OpenItems.Filter filter = new OpenItems.Filter(entity, party, number, closed);
        model.addAttribute("filter", filter);
        model.addAttribute("entities", setup.entities().keySet());
        model.addAttribute("documents", openItems.search(filter, PAGE + 1));
        model.addAttribute("page", PAGE);
        model.addAttribute("switches", migrationMode.status());
        return "documents";
    }

    @GetMapping("/documents/{entity}/{module}/{number}")
    String document(@PathVariable String entity, @PathVariable String module, @PathVariable String number, Model model) {
        model.addAttribute("document", openItems.find(entity, module, number)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no document " + number)));
        model.addAttribute("applications", openItems.applications(entity, module, number));
        model.addAttribute("journals", reports.journalsOfDocument(entity, number));
        return "document";
    }

    @PostMapping("/documents/migration-mode")
    String migrationMode(@RequestParam NewDocument.Module module, @RequestParam boolean on, Authentication user) {
        migrationMode.set(module, on, CurrentUser.actor(user));
        return "redirect:/documents";
    }
}
