package org.ledgerbridge.web;

import jakarta.servlet.http.HttpServletResponse;
import org.ledgerbridge.delivery.GlFormat;
import org.ledgerbridge.delivery.GlFormats;
import org.ledgerbridge.imis.ImisBatchHistory;
import org.ledgerbridge.imis.ImisChart;
import org.ledgerbridge.imis.ImisConverter;
import org.ledgerbridge.imis.ImisFile;
import org.ledgerbridge.imis.ImisSummary;
import org.ledgerbridge.imports.MappingProfile;
import org.ledgerbridge.imports.ProgressListener;
import org.ledgerbridge.imports.RowErrors;
import org.ledgerbridge.ledger.LedgerSetup;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/** Seed 000's converter in the browser: upload the iMIS export, pick its batches, download one GL file per entity. */
@Controller
class ImisController {

    private final UploadedFiles uploads;
    private final LedgerSetup setup;
    private final ImisBatchHistory history;

    ImisController(UploadedFiles uploads, LedgerSetup setup, ImisBatchHistory history) {
        this.uploads = uploads;
        this.setup = setup;
        this.history = history;
    }

    @GetMapping("/imis")
    String form() {
        return "imis";
    }

    @PostMapping("/imis/upload")
    String upload(@RequestParam MultipartFile file, Model model) throws IOException {
        if (file.isEmpty()) {
            model.addAttribute("error", "Choose the iMIS export file.");
            return "imis";
        }
        showBatches(uploads.save(file), model);
        return "imis";
    }

    /** The batches of an uploaded export, each with what the ledger already did with it; the upload stays for the next try. */
    private void showBatches(Path saved, Model model) throws IOException {
        RowErrors errors = new RowErrors();
        var batches = ImisFile.batchNumbers(saved, MappingProfile.NONE, errors);
        model.addAttribute("batches", batches);
        // a batch the ledger posted or sent is said so beside it, before anyone converts it
        java.util.Map<String, String> warnings = new java.util.HashMap<>();
        history.warnings(batches.keySet()).forEach(w -> warnings.merge(w.batch(), w.message(), (a, b) -> a + "; " + b));
        model.addAttribute("warnings", warnings);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", errors.errors());
        }
        model.addAttribute("token", UploadedFiles.token(saved));
        model.addAttribute("fileName", saved.getFileName().toString());
        model.addAttribute("formats", GlFormats.names());
    }

    /**
     * Converts the chosen batches and shows what was written (files, lines, debits and credits per
     * entity, amounts between entities) with a link to the files; a refusal keeps the upload and the choice.
     */
    @PostMapping("/imis/convert")
    String convert(@RequestParam String token, @RequestParam(name = "batch", required = false) List<String> batches,
                   @RequestParam(defaultValue = "sage300") String format, @RequestParam(defaultValue = "DETAIL") ImisSummary summarize,
                   Model model, HttpServletResponse response) throws IOException {
        Optional<Path> file = uploads.find(token);
        if (file.isEmpty()) {
            model.addAttribute("error", "The uploaded file is gone (the server restarted); upload it again.");
            response.setStatus(422);
            return "imis";
        }
        model.addAttribute("chosen", batches == null ? List.of() : batches);
        model.addAttribute("chosenFormat", format);
        Optional<GlFormat> glFormat = GlFormats.named(format);
        if (glFormat.isEmpty() || batches == null || batches.isEmpty()) {
            model.addAttribute("error", glFormat.isEmpty() ? "Choose one of the formats listed." : "Tick at least one batch to convert.");
            showBatches(file.get(), model);
            response.setStatus(422);
            return "imis";
        }
        ImisChart chart = ImisChart.of(setup, "1900", "USD");
        Path out = uploads.newFolder();
        ImisConverter.Conversion conversion = ImisConverter.convert(file.get(), new LinkedHashSet<>(batches), glFormat.get(),
                summarize, "AB######-#", chart, MappingProfile.NONE, out, ProgressListener.NONE);
        if (conversion instanceof ImisConverter.Rejected rejected) {
            FileSystemUtils.deleteRecursively(out);
            model.addAttribute("error", "The file was not converted; nothing written. Fix the rows below, or choose other batches.");
            model.addAttribute("errors", rejected.errors());
            showBatches(file.get(), model);
            response.setStatus(422);
            return "imis";
        }
        ImisConverter.Converted converted = (ImisConverter.Converted) conversion;
        model.addAttribute("report", converted);
        model.addAttribute("totals", totalsPerEntity(converted));
        model.addAttribute("download", "/imis/download/" + out.getFileName() + "?name="
                + java.net.URLEncoder.encode("imis-" + String.join("-", batches) + "-" + format + ".zip", java.nio.charset.StandardCharsets.UTF_8));
        showBatches(file.get(), model);
        return "imis";
    }

    /** The converted files, as one ZIP. */
    @GetMapping("/imis/download/{folder}")
    void download(@org.springframework.web.bind.annotation.PathVariable String folder, @RequestParam(defaultValue = "imis.zip") String name,
                  HttpServletResponse response) throws IOException {
        Optional<Path> converted = uploads.folder(folder);
        if (converted.isEmpty()) {
            throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND,
                    "These converted files are gone (the server restarted); convert the batches again.");
        }
        Downloads.sendZipOf(converted.get(), name.endsWith(".zip") ? name : name + ".zip", response);
    }

    /** Lines, debits and credits per entity over its files. */
    private static java.util.Map<String, ImisConverter.FileReport> totalsPerEntity(ImisConverter.Converted converted) {
        java.util.Map<String, ImisConverter.FileReport> totals = new java.util.TreeMap<>();
        for (ImisConverter.FileReport f : converted.files()) {
            totals.merge(f.entity(), f, (a, b) -> new ImisConverter.FileReport(a.entity(), "", "", a.lines() + b.lines(),
                    a.debit().add(b.debit()), a.credit().add(b.credit())));
        }
        return totals;
    }
}
