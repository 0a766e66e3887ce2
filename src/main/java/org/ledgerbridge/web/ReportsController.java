package org.ledgerbridge.web;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import jakarta.servlet.http.HttpServletResponse;
import org.ledgerbridge.delivery.TextCells;
import org.ledgerbridge.ledger.LedgerReports;
import org.ledgerbridge.ledger.Page;
import org.ledgerbridge.ledger.TrialBalanceLine;
import org.ledgerbridge.receivables.Aging;
import org.ledgerbridge.receivables.NewDocument;
import org.ledgerbridge.receivables.Reconciliation;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

/** The reports staff read on screen and take away as CSV: trial balance, AR/AP reconciliation and aging. */
@Controller
class ReportsController {

    static final List<String> TRIAL_BALANCE_COLUMNS = List.of("ENTITY", "ACCOUNT", "DEBIT", "CREDIT", "BALANCE");

    private final LedgerReports reports;
    private final Reconciliation reconciliation;
    private final Aging aging;
    private final BusinessDate businessDate;

    ReportsController(LedgerReports reports, Reconciliation reconciliation, Aging aging, BusinessDate businessDate) {
        this.reports = reports;
        this.reconciliation = reconciliation;
        this.aging = aging;
        this.businessDate = businessDate;
    }

    @GetMapping("/reports")
    String reports(@RequestParam(required = false) String entity, @RequestParam(defaultValue = "false") boolean includeUnposted, Model model) {
        model.addAttribute("trialBalance", reports.trialBalance(blankToNull(entity), includeUnposted));
        model.addAttribute("reconciliation", reconciliation.run(blankToNull(entity)));
        model.addAttribute("entity", entity);
        model.addAttribute("includeUnposted", includeUnposted);
        return "reports";
    }

    @GetMapping("/reports/trial-balance.csv")
    void trialBalanceCsv(@RequestParam(required = false) String entity, @RequestParam(defaultValue = "false") boolean includeUnposted,
                         HttpServletResponse response) throws IOException {
        sendCsv("trial-balance-" + businessDate.today() + ".csv", TRIAL_BALANCE_COLUMNS,
                reports.trialBalance(blankToNull(entity), includeUnposted).stream().map(ReportsController::cells), response);
    }

    @GetMapping("/reports/aging")
    String aging(@RequestParam(defaultValue = "AR") NewDocument.Module module, @RequestParam(required = false) String entity,
                 @RequestParam(required = false) String cursor, Model model) {
        NewDocument.Module shown = module == NewDocument.Module.AP ? module : NewDocument.Module.AR;
        Page<Aging.Line> page = aging.page(shown, businessDate.today(), blankToNull(entity), cursor, Page.DEFAULT_LIMIT);
        model.addAttribute("module", shown);
        model.addAttribute("entity", entity);
        model.addAttribute("asOf", businessDate.today());
        model.addAttribute("parties", page.items());
        model.addAttribute("totals", aging.totals(shown, businessDate.today()).stream()
                .filter(t -> blankToNull(entity) == null || t.entity().equals(entity)).toList());
        PageLinks.add(model, page, cursor);
        return "aging";
    }

    @GetMapping("/reports/aging.csv")
    void agingCsv(@RequestParam(defaultValue = "AR") NewDocument.Module module, @RequestParam(required = false) String entity,
                  HttpServletResponse response) throws IOException {
        NewDocument.Module shown = module == NewDocument.Module.AP ? module : NewDocument.Module.AR;
        Iterable<Aging.Line> parties = Page.each(cursor -> aging.page(shown, businessDate.today(), blankToNull(entity), cursor, Page.MAX_LIMIT));
        sendCsv(shown.name().toLowerCase() + "-aging-" + businessDate.today() + ".csv", Aging.COLUMNS,
                java.util.stream.StreamSupport.stream(parties.spliterator(), false).map(Aging.Line::cells), response);
    }

    private static List<String> cells(TrialBalanceLine line) {
        return List.of(line.entity(), line.account(), line.debit().toPlainString(), line.credit().toPlainString(), line.balance().toPlainString());
    }

    private static final java.util.regex.Pattern AMOUNT = java.util.regex.Pattern.compile("-?\\d+(\\.\\d+)?");

    /** A CSV a spreadsheet opens: amounts stay numbers, a text that would start a formula is made plain text. */
    private static void sendCsv(String name, List<String> header, Stream<List<String>> rows, HttpServletResponse response) throws IOException {
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + Downloads.safeName(name) + "\"");
        try (CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF)
                .build(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8))) {
            csv.writeRecord(header);
            rows.forEach(row -> csv.writeRecord(row.stream().map(cell -> AMOUNT.matcher(cell).matches() ? cell : TextCells.safe(cell)).toList()));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
