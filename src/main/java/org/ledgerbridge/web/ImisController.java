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
        Path saved = uploads.save(file);
        RowErrors errors = new RowErrors();
        var batches = ImisFile.batchNumbers(saved, MappingProfile.NONE, errors);
        model.addAttribute("batches", batches);
        // a batch the ledger posted or sent is said so beside it, before anyone converts it
        java.util.Map<String, String> warnings = new java.util.HashMap<>();
        history.warnings(batches.keySet()).forEach(w -> warnings.merge(w.batch(), w.message(), (a, b) -> a + "; " + b));
        model.addAttribute("warnings", warnings);
        model.addAttribute("errors", errors.errors());
        model.addAttribute("token", UploadedFiles.token(saved));
        model.addAttribute("fileName", saved.getFileName().toString());
        model.addAttribute("formats", GlFormats.names());
        return "imis";
    }

    @PostMapping("/imis/convert")
    String convert(@RequestParam String token, @RequestParam(name = "batch", required = false) List<String> batches,
                   @RequestParam(defaultValue = "sage300") String format, @RequestParam(defaultValue = "DETAIL") ImisSummary summarize,
                   Model model, HttpServletResponse response) throws IOException {
        Optional<Path> file = uploads.find(token);
        Optional<GlFormat> glFormat = GlFormats.named(format);
        if (file.isEmpty() || glFormat.isEmpty() || batches == null || batches.isEmpty()) {
            model.addAttribute("error", file.isEmpty() ? "The uploaded file is gone; upload it again."
                    : glFormat.isEmpty() ? "Unknown format " + format : "Pick at least one batch number.");
            response.setStatus(422);
            return "imis";
        }
        ImisChart chart = ImisChart.of(setup, "1900", "USD");
        Path out = uploads.newFolder();
        try {
            ImisConverter.Conversion conversion = ImisConverter.convert(file.get(), new LinkedHashSet<>(batches), glFormat.get(),
                    summarize, "AB######-#", chart, MappingProfile.NONE, out, ProgressListener.NONE);
            if (conversion instanceof ImisConverter.Rejected rejected) {
                model.addAttribute("error", "The file was not converted; nothing written.");
                model.addAttribute("errors", rejected.errors());
                response.setStatus(422);
                return "imis";
            }
            Downloads.sendZipOf(out, "imis-" + String.join("-", batches) + "-" + format + ".zip", response);
            return null;
        } finally {
            FileSystemUtils.deleteRecursively(out);
        }
    }
}
