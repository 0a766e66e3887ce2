package org.ledgerbridge.web;

import org.ledgerbridge.delivery.GlIntegration;
import org.ledgerbridge.imports.ImportService;
import org.ledgerbridge.ledger.BatchService;
import org.ledgerbridge.ledger.BatchStatus;
import org.ledgerbridge.ledger.LedgerReports;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page: per entity what is posted and what waits, the oldest journal not sent, the last imports. */
@Controller
class DashboardController {

    private final LedgerReports reports;
    private final BatchService batches;
    private final GlIntegration integration;
    private final ImportService imports;

    DashboardController(LedgerReports reports, BatchService batches, GlIntegration integration, ImportService imports) {
        this.reports = reports;
        this.batches = batches;
        this.integration = integration;
        this.imports = imports;
    }

    @GetMapping("/")
    String dashboard(Model model) {
        var totals = reports.entityTotals();
        model.addAttribute("totals", totals);
        model.addAttribute("anyPosted", totals.stream().anyMatch(t -> t.postedJournals() > 0));
        var waiting = batches.page(java.util.List.of(BatchStatus.OPEN, BatchStatus.READY), null, 20);
        model.addAttribute("waiting", waiting.items());
        model.addAttribute("moreWaiting", waiting.more());
        model.addAttribute("backlog", integration.backlog());
        model.addAttribute("imports", imports.recentRuns(10));
        return "dashboard";
    }
}
