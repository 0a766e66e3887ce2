package org.ledgerbridge.web;

import jakarta.servlet.http.HttpServletResponse;
import org.ledgerbridge.delivery.TextCells;
import org.ledgerbridge.imports.ImportOptions;
import org.ledgerbridge.imports.ImportService;
import org.ledgerbridge.imports.MappingProfile;
import org.ledgerbridge.imports.MappingProfiles;
import org.ledgerbridge.imports.RowProblem;
import org.ledgerbridge.imports.TabularFile;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Upload a file, see its preview (dry run) with every error by row and column, then commit it. */
@Controller
class ImportsController {

    private final ImportService imports;
    private final ImportJobs jobs;
    private final UploadedFiles uploads;
    private final BusinessDate businessDate;
    private final MappingProfiles mappings;

    ImportsController(ImportService imports, ImportJobs jobs, UploadedFiles uploads, BusinessDate businessDate, MappingProfiles mappings) {
        this.imports = imports;
        this.mappings = mappings;
        this.jobs = jobs;
        this.uploads = uploads;
        this.businessDate = businessDate;
    }

    @GetMapping("/imports")
    String imports(@RequestParam(required = false) String cursor, Model model) {
        model.addAttribute("kinds", imports.kinds());
        model.addAttribute("mappings", mappings.list());
        var runs = imports.runs(cursor, 50);
        model.addAttribute("runs", runs.items());
        PageLinks.add(model, runs, cursor);
        return "imports";
    }

    @PostMapping("/imports")
    String upload(@RequestParam(defaultValue = "") String kind, @RequestParam(required = false) MultipartFile file,
                  @RequestParam(defaultValue = "") String mappingProfile,
                  @RequestParam(defaultValue = "false") boolean allowOverpayment,
                  @RequestParam(defaultValue = "insert") String action,
                  @RequestParam(defaultValue = "") String glDetail,
                  @RequestParam(defaultValue = "") String batches,
                  @RequestParam(defaultValue = "") String target,
                  Authentication user, RedirectAttributes redirect) throws IOException {
        redirect.addFlashAttribute("chosenKind", kind);
        redirect.addFlashAttribute("chosenMapping", mappingProfile);
        if (imports.kind(kind).isEmpty()) {
            redirect.addFlashAttribute("error", "Choose the kind of file: " + String.join(", ", imports.kinds()));
            return "redirect:/imports";
        }
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("error", "Choose a file to import.");
            return "redirect:/imports";
        }
        MappingProfile profile = MappingProfile.NONE;
        if (!mappingProfile.isBlank()) {
            var saved = mappings.profile(mappingProfile);
            if (saved.isEmpty()) {
                redirect.addFlashAttribute("error", MappingProfiles.notFound(mappingProfile).message() + ".");
                return "redirect:/imports";
            }
            profile = saved.get();
        }
        Path saved = uploads.save(file);
        ImportOptions options = ImportOptions.of(businessDate.today(), CurrentUser.actor(user))
                .withMapping(profile)
                .withKindOptions(allowOverpayment, action, java.util.Arrays.asList(batches.split(",")), target)
                .withFlag("gl-detail", org.ledgerbridge.ledger.PaymentGlDetail.parse(glDetail).map(d -> d.option()).orElse(""));
        ImportJobs.Job job = jobs.preview(kind, saved, options, TabularFile.firstRows(saved, 10));
        return "redirect:/imports/jobs/" + job.id;
    }

    @GetMapping("/imports/jobs/{id}")
    String job(@PathVariable String id, Model model) {
        model.addAttribute("job", job(id));
        return "import-job";
    }

    /** Polled by the page (htmx) while the job runs: the progress bar, or a reload once it is done. */
    @GetMapping("/imports/jobs/{id}/progress")
    String progress(@PathVariable String id, Model model, HttpServletResponse response) {
        ImportJobs.Job job = job(id);
        if (!job.isRunning()) {
            response.setHeader("HX-Refresh", "true");
        }
        model.addAttribute("job", job);
        return "import-job :: progress";
    }

    @PostMapping("/imports/jobs/{id}/commit")
    String commit(@PathVariable String id, RedirectAttributes redirect) {
        if (!jobs.commit(job(id))) {
            redirect.addFlashAttribute("error", "This file cannot be committed: it has errors, or it was committed already.");
        }
        return "redirect:/imports/jobs/" + id;
    }

    /** A file to fill in: the kind's header, an example row, and what each column takes (CSV, or XLSX with ?format=xlsx). */
    @GetMapping("/imports/templates/{kind}")
    void template(@PathVariable String kind, @RequestParam(defaultValue = "csv") String format, HttpServletResponse response)
            throws IOException {
        if (!Downloads.sendTemplate(kind, format, response)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no import kind " + kind);
        }
    }

    /** Every error and warning of the report, as CSV: ROW, COLUMN, SEVERITY, CODE, MESSAGE. */
    @GetMapping("/imports/jobs/{id}/errors.csv")
    void errors(@PathVariable String id, HttpServletResponse response) throws IOException {
        ImportJobs.Job job = job(id);
        if (job.getReport() == null) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "the import is still running");
        }
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + csvName(job.getFileName()) + "-errors.csv\"");
        try (PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8))) {
            out.print("ROW,COLUMN,SEVERITY,CODE,MESSAGE\r\n");
            for (RowProblem e : job.getReport().errors()) {
                out.print(csvLine(e, "error"));
            }
            for (RowProblem w : job.getReport().warnings()) {
                out.print(csvLine(w, "warning"));
            }
        }
    }

    private ImportJobs.Job job(String id) {
        return jobs.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such import on this server"));
    }

    private static String csvName(String fileName) {
        return fileName.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static String csvLine(RowProblem problem, String severity) {
        return (problem.row() > 0 ? problem.row() : "") + "," + cell(problem.column()) + "," + severity + ","
                + cell(problem.code().name()) + "," + cell(problem.message()) + "\r\n";
    }

    /** Quoted, and never the start of a spreadsheet formula. */
    static String cell(String text) {
        return text == null ? "" : "\"" + TextCells.safe(text).replace("\"", "\"\"") + "\"";
    }
}
