package org.ledgerbridge.web;

import jakarta.servlet.http.HttpServletResponse;
import org.ledgerbridge.delivery.GlExport;
import org.ledgerbridge.delivery.GlExportService;
import org.ledgerbridge.delivery.Summarize;
import org.ledgerbridge.ledger.LedgerSetup;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/** GL export: begin and end date, format, entity; the answer is the ZIP (one file per entity and a manifest). */
@Controller
class ExportController {

    private final GlExportService export;
    private final LedgerSetup setup;
    private final UploadedFiles files;
    private final BusinessDate businessDate;

    ExportController(GlExportService export, LedgerSetup setup, UploadedFiles files, BusinessDate businessDate) {
        this.export = export;
        this.setup = setup;
        this.files = files;
        this.businessDate = businessDate;
    }

    @GetMapping("/export")
    String form(Model model) {
        model.addAttribute("formats", export.formats());
        model.addAttribute("entities", setup.entities().keySet());
        model.addAttribute("today", businessDate.today());
        model.addAttribute("monthStart", businessDate.today().withDayOfMonth(1));
        return "export";
    }

    @PostMapping("/export/gl")
    String export(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                  @RequestParam String format, @RequestParam(required = false) String entity,
                  @RequestParam(defaultValue = "false") boolean again,
                  @RequestParam(defaultValue = "DETAIL") Summarize summarize,
                  @RequestParam(defaultValue = "detail") String deposits,
                  Authentication user, Model model, HttpServletResponse response) throws IOException {
        Path folder = files.newFolder();
        try {
            Path zip = folder.resolve("gl-" + format + "-" + from + "-" + to + ".zip");
            GlExport result = export.export(from, to, format, entity == null || entity.isBlank() ? null : entity, again, summarize,
                    "summary".equalsIgnoreCase(deposits), zip, CurrentUser.actor(user));
            if (result instanceof GlExport.Refused refused) {
                model.addAttribute("error", refused.code() + ": " + refused.message());
                response.setStatus(422);
                return form(model);
            }
            if (result instanceof GlExport.Exported exported && exported.journals() == 0) {
                // nothing new in the range: say so, rather than download a ZIP of an empty manifest
                model.addAttribute("message", "No journal to export from " + from + " to " + to + ": none is posted in that range, or"
                        + " every one was exported before (include journals exported before to export them again).");
                return form(model);
            }
            Downloads.send(zip, "application/zip", response);
            return null;
        } finally {
            FileSystemUtils.deleteRecursively(folder);
        }
    }
}
