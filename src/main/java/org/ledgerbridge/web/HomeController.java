package org.ledgerbridge.web;

import org.ledgerbridge.ledger.BatchService;
import org.ledgerbridge.ledger.LedgerReports;
import org.ledgerbridge.ledger.LedgerSetup;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page: the entities, their batches and the posted trial balance. */
@Controller
class HomeController {

    private final LedgerSetup setup;
    private final BatchService batches;
    private final LedgerReports reports;

    HomeController(LedgerSetup setup, BatchService batches, LedgerReports reports) {
        this.setup = setup;
        this.batches = batches;
        this.reports = reports;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("entities", setup.entities().values());
        model.addAttribute("accounts", setup.accounts().size());
        model.addAttribute("batches", batches.list());
        model.addAttribute("trialBalance", reports.trialBalance(null, false));
        return "home";
    }
}
