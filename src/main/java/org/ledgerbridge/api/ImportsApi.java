package org.ledgerbridge.api;

import org.ledgerbridge.imports.ImportRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ledgerbridge.imports.ImportOptions;
import org.ledgerbridge.imports.ImportReport;
import org.ledgerbridge.imports.ImportService;
import org.ledgerbridge.imports.ImportStatus;
import org.ledgerbridge.imports.MappingProfile;
import org.ledgerbridge.imports.MappingProfiles;
import org.ledgerbridge.web.BusinessDate;
import org.ledgerbridge.web.UploadedFiles;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.nio.file.Path;
import java.security.Principal;
import java.util.List;

@RestController
@RequestMapping("/api/imports")
@Tag(name = "Imports", description = "Validate and commit files, all or nothing; the JSON report of CONTRACT.md")
class ImportsApi {

    private final ImportService imports;
    private final MappingProfiles profiles;
    private final UploadedFiles uploads;
    private final BusinessDate businessDate;

    ImportsApi(ImportService imports, MappingProfiles profiles, UploadedFiles uploads, BusinessDate businessDate) {
        this.imports = imports;
        this.profiles = profiles;
        this.uploads = uploads;
        this.businessDate = businessDate;
    }

    @Operation(summary = "Import one file of a kind (dryRun=true validates and writes nothing); 422 when rejected")
    @PostMapping(path = "/{kind}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Object> importFile(@PathVariable String kind, @RequestPart MultipartFile file,
                                      @RequestPart(required = false) MultipartFile mapping,
                                      @RequestParam(required = false) String mappingProfile,
                                      @RequestParam(defaultValue = "false") boolean dryRun,
                                      @RequestParam(defaultValue = "false") boolean allowOverpayment,
                                      @RequestParam(defaultValue = "insert") String action,
                                      @RequestParam(name = "batch", required = false) List<String> batches,
                                      @RequestParam(defaultValue = "") String target,
                                      @RequestParam(defaultValue = "") String glDetail,
                                      Principal user) throws IOException {
        if (imports.kind(kind).isEmpty()) {
            return Refusal.of(ApiProblem.UNKNOWN_KIND, "unknown import kind '" + kind + "'; one of " + String.join(", ", imports.kinds()));
        }
        if (!glDetail.isBlank() && org.ledgerbridge.ledger.PaymentGlDetail.parse(glDetail).isEmpty()) {
            return Refusal.of(ImportRule.INVALID_VALUE, "glDetail is deposit or payment, not '" + glDetail + "'");
        }
        boolean mappingFile = mapping != null && !mapping.isEmpty();
        if (mappingFile && mappingProfile != null) {
            return Refusal.of(ImportRule.INVALID_VALUE, "send a mapping file or name a saved mappingProfile, not both");
        }
        MappingProfile profile = MappingProfile.NONE;
        if (mappingProfile != null) {
            var savedProfile = profiles.profile(mappingProfile);
            if (savedProfile.isEmpty()) {
                MappingProfiles.Refused refused = MappingProfiles.notFound(mappingProfile);
                return Refusal.of(refused.code(), refused.message());
            }
            profile = savedProfile.get();
        }
        Path saved = uploads.save(file);
        try {
            if (mappingFile) {
                try {
                    profile = MappingProfile.read(uploads.save(mapping));
                } catch (MappingProfile.InvalidMappingException e) {
                    return Refusal.of(ImportRule.INVALID_MAPPING, e.getMessage());
                }
            }
            ImportOptions options = ImportOptions.of(businessDate.today(), Refusal.actor(user)).dryRun(dryRun)
                    .withMapping(profile)
                    .withKindOptions(allowOverpayment, action, batches, target)
                    .withFlag("gl-detail", glDetail.strip());
            ImportReport report = imports.run(kind, saved, options);
            if (report.status() == ImportStatus.REJECTED) {
                return Refusal.rejectedFile(report.errors().size(), report.contractJson());
            }
            return ResponseEntity.ok(report.contractJson());
        } finally {
            FileSystemUtils.deleteRecursively(saved.getParent());
        }
    }

    @Operation(summary = "The template of an import kind: its header, an example row and what each column takes "
            + "(format csv, the default, or xlsx); 404 UNKNOWN_KIND")
    @GetMapping("/templates/{kind}")
    Object template(@PathVariable String kind, @RequestParam(defaultValue = "csv") String format,
                    jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        if (!org.ledgerbridge.web.Downloads.sendTemplate(kind, format, response)) {
            return org.ledgerbridge.web.Problems.answer(org.springframework.http.HttpStatus.NOT_FOUND, ApiProblem.UNKNOWN_KIND,
                    "no import kind '" + kind + "'; one of " + String.join(", ", org.ledgerbridge.imports.ImportTemplates.kinds()));
        }
        return null;
    }

    @Operation(summary = "Import runs, newest first, a page at a time (limit, cursor from the previous page's next)")
    @GetMapping
    org.ledgerbridge.ledger.Page<ImportService.ImportRun> runs(@RequestParam(required = false) Integer limit,
                                                              @RequestParam(required = false) String cursor) {
        return imports.runs(cursor, org.ledgerbridge.ledger.Page.limit(limit));
    }
}
