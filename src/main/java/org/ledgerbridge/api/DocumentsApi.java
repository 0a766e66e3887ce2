package org.ledgerbridge.api;

import org.ledgerbridge.ledger.JournalView;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ledgerbridge.ledger.LedgerReports;
import org.ledgerbridge.receivables.MigrationMode;
import org.ledgerbridge.receivables.NewDocument;
import org.ledgerbridge.receivables.OpenItem;
import org.ledgerbridge.receivables.OpenItems;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.util.List;

@RestController
@RequestMapping("/api")
@Tag(name = "Documents", description = "Open items, a document's applications and journals, migration mode")
class DocumentsApi {

    private final OpenItems openItems;
    private final LedgerReports reports;
    private final MigrationMode migrationMode;

    DocumentsApi(OpenItems openItems, LedgerReports reports, MigrationMode migrationMode) {
        this.openItems = openItems;
        this.reports = reports;
        this.migrationMode = migrationMode;
    }

    record DocumentDetail(OpenItem document, List<OpenItems.Application> applications, List<JournalView> journals) {
    }

    record Switch(NewDocument.Module module, boolean on) {
    }

    @GetMapping("/documents")
    List<OpenItem> documents(@RequestParam(required = false) String entity, @RequestParam(required = false) String party,
                             @RequestParam(required = false) String number, @RequestParam(defaultValue = "false") boolean closed,
                             @RequestParam(defaultValue = "1000") int limit) {
        return openItems.search(new OpenItems.Filter(entity, party, number, closed), Math.min(Math.max(limit, 1), 100_000));
    }

    @GetMapping("/documents/{entity}/{module}/{number}")
    ResponseEntity<DocumentDetail> document(@PathVariable String entity, @PathVariable String module, @PathVariable String number) {
        return ResponseEntity.of(openItems.find(entity, module, number).map(d -> new DocumentDetail(d,
                openItems.applications(entity, module, number), reports.journalsOfDocument(entity, number))));
    }

    @GetMapping("/migration-mode")
    List<MigrationMode.Switch> migrationMode() {
        return migrationMode.status();
    }

    @PostMapping("/migration-mode")
    List<MigrationMode.Switch> setMigrationMode(@RequestBody Switch change, Principal user) {
        migrationMode.set(change.module(), change.on(), Refusal.actor(user));
        return migrationMode.status();
    }
}
