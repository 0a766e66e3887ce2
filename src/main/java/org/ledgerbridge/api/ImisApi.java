package org.ledgerbridge.api;

import org.ledgerbridge.delivery.GlRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
import org.ledgerbridge.web.Downloads;
import org.ledgerbridge.web.UploadedFiles;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@RestController
@RequestMapping("/api/imis")
@Tag(name = "iMIS converter", description = "The batches of an iMIS export; its conversion to one GL file per entity (ZIP)")
class ImisApi {

    private final UploadedFiles uploads;
    private final LedgerSetup setup;
    private final ImisBatchHistory history;

    ImisApi(UploadedFiles uploads, LedgerSetup setup, ImisBatchHistory history) {
        this.uploads = uploads;
        this.setup = setup;
        this.history = history;
    }

    @Operation(summary = "The batch numbers found in an iMIS export, with their line counts, the file's errors, and a warning for "
            + "each batch the ledger already posted or sent (BATCH_ALREADY_IMPORTED, BATCH_ALREADY_SENT)")
    @PostMapping(path = "/batches", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Map<String, Object> batches(@RequestPart MultipartFile file) throws IOException {
        Path saved = uploads.save(file);
        try {
            RowErrors errors = new RowErrors();
            var batches = ImisFile.batchNumbers(saved, MappingProfile.NONE, errors);
            return Map.of("batches", batches, "errors", errors.errors(), "warnings", history.warnings(batches.keySet()));
        } finally {
            FileSystemUtils.deleteRecursively(saved.getParent());
        }
    }

    @Operation(summary = "Convert the chosen batches of an iMIS export into one balanced GL file per entity, as a ZIP; 422 when rejected")
    @PostMapping(path = "/convert", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Object convert(@RequestPart MultipartFile file, @RequestParam(name = "batch") List<String> batches,
                   @RequestParam(defaultValue = "sage300") String format, @RequestParam(defaultValue = "DETAIL") ImisSummary summarize,
                   HttpServletResponse response) throws IOException {
        Optional<GlFormat> glFormat = GlFormats.named(format);
        if (glFormat.isEmpty()) {
            return Refusal.of(GlRule.UNKNOWN_FORMAT, "no format '" + format + "'; one of " + String.join(", ", GlFormats.names()));
        }
        Path saved = uploads.save(file);
        Path out = uploads.newFolder();
        try {
            ImisChart chart = ImisChart.of(setup, "1900", "USD");
            ImisConverter.Conversion conversion = ImisConverter.convert(saved, new LinkedHashSet<>(batches), glFormat.get(), summarize,
                    "AB######-#", chart, MappingProfile.NONE, out, ProgressListener.NONE);
            if (conversion instanceof ImisConverter.Rejected rejected) {
                return Refusal.rejectedFile(rejected.errors().size(), Map.of("errors", rejected.errors()));
            }
            List<String> warnings = history.warnings(batches).stream().map(w -> w.code() + ": " + w.message()).toList();
            if (!warnings.isEmpty()) {
                response.setHeader("X-LedgerBridge-Warning", String.join(" | ", warnings));
            }
            Downloads.sendZipOf(out, "imis-" + String.join("-", batches) + "-" + format + ".zip", response);
            return null;
        } finally {
            FileSystemUtils.deleteRecursively(out);
            FileSystemUtils.deleteRecursively(saved.getParent());
        }
    }
}
