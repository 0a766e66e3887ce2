package org.ledgerbridge.api;

import org.ledgerbridge.receivables.DocumentRule;
import org.ledgerbridge.ledger.JournalView;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ledgerbridge.ledger.LedgerReports;
import org.ledgerbridge.ledger.Page;
import org.ledgerbridge.receivables.DocumentChange;
import org.ledgerbridge.receivables.DocumentStatus;
import org.ledgerbridge.receivables.MigratedDocuments;
import org.ledgerbridge.receivables.MigrationMode;
import org.ledgerbridge.web.BusinessDate;
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
import java.util.Optional;

@RestController
@RequestMapping("/api")
@Tag(name = "Documents", description = "Open items, a document's applications and journals, credits applied, migration mode")
class DocumentsApi {

    private final OpenItems openItems;
    private final LedgerReports reports;
    private final MigrationMode migrationMode;
    private final MigratedDocuments migrated;
    private final BusinessDate businessDate;
    private final org.ledgerbridge.receivables.CreditApplications credits;
    private final org.ledgerbridge.receivables.Aging aging;

    DocumentsApi(OpenItems openItems, LedgerReports reports, MigrationMode migrationMode, MigratedDocuments migrated,
                 BusinessDate businessDate, org.ledgerbridge.receivables.CreditApplications credits,
                 org.ledgerbridge.receivables.Aging aging) {
        this.credits = credits;
        this.aging = aging;
        this.openItems = openItems;
        this.reports = reports;
        this.migrationMode = migrationMode;
        this.migrated = migrated;
        this.businessDate = businessDate;
    }

    /** The aging on the business date: the totals per entity and currency, and a page of parties. */
    record AgingReport(java.time.LocalDate asOf, org.ledgerbridge.receivables.NewDocument.Module module,
                       List<org.ledgerbridge.receivables.Aging.Line> totals, Page<org.ledgerbridge.receivables.Aging.Line> parties) {
    }

    @io.swagger.v3.oas.annotations.Operation(summary = "AR (default) or AP aging on the business date: per entity, party and "
            + "currency, the open balances current and 1-30, 31-60, 61-90 and over 90 days past due (past the document date when it "
            + "has no due date), a page of parties at a time; a credit not used yet counts against the party")
    @GetMapping("/aging")
    ResponseEntity<Object> aging(@RequestParam(defaultValue = "AR") org.ledgerbridge.receivables.NewDocument.Module module,
                                 @RequestParam(required = false) String entity, @RequestParam(required = false) Integer limit,
                                 @RequestParam(required = false) String cursor) {
        if (module == org.ledgerbridge.receivables.NewDocument.Module.PM) {
            return org.ledgerbridge.web.Problems.answer(org.springframework.http.HttpStatus.BAD_REQUEST, ApiProblem.INVALID_MODULE,
                    "The aging is of AR or AP.");
        }
        java.time.LocalDate asOf = businessDate.today();
        String chosen = entity == null || entity.isBlank() ? null : entity;
        return ResponseEntity.ok(new AgingReport(asOf, module, aging.totals(module, asOf).stream()
                .filter(t -> chosen == null || t.entity().equals(chosen)).toList(),
                aging.page(module, asOf, chosen, cursor, Page.limit(limit))));
    }

    record DocumentDetail(OpenItem document, List<OpenItems.Application> applications, List<JournalView> journals) {
    }

    record Switch(NewDocument.Module module, boolean on) {
    }

    @io.swagger.v3.oas.annotations.Operation(summary = "Documents matching the filters, a page at a time (limit, cursor from the previous page's next)")
    @GetMapping("/documents")
    Page<OpenItem> documents(@RequestParam(required = false) String entity, @RequestParam(required = false) String party,
                             @RequestParam(required = false) String number, @RequestParam(defaultValue = "false") boolean closed,
                             @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        return openItems.page(new OpenItems.Filter(entity, party, number, closed), cursor, Page.limit(limit));
    }

    @GetMapping("/documents/{entity}/{module}/{number}")
    ResponseEntity<Object> document(@PathVariable String entity, @PathVariable String module, @PathVariable String number) {
        return openItems.find(entity, module, number).<ResponseEntity<Object>>map(d -> ResponseEntity.ok(new DocumentDetail(d,
                        openItems.applications(entity, module, number), reports.journalsOfDocument(entity, number))))
                .orElseGet(() -> LedgerApi.notFound(DocumentRule.DOCUMENT_NOT_FOUND, "There is no " + module + " document " + number + " of " + entity + "."));
    }

    record Release(List<String> numbers, boolean all) {
    }

    record Edit(String number, String partyId, java.time.LocalDate date, java.time.LocalDate dueDate, String currency,
                java.math.BigDecimal exchangeRate, java.math.BigDecimal originalAmount, java.math.BigDecimal openBalance,
                String description, DocumentStatus status) {
    }

    record Delete(String number, String reason) {
    }

    record Number(String number) {
    }

    @PostMapping("/documents/release")
    ResponseEntity<Object> release(@RequestBody Release release, Principal user) {
        return answer(migrated.release(release.numbers() == null ? List.of() : release.numbers(), release.all(), businessDate.today(),
                Refusal.actor(user)));
    }

    @PostMapping("/documents/edit")
    ResponseEntity<Object> edit(@RequestBody Edit edit, Principal user) {
        if (edit.number() == null) {
            return Refusal.missing("number");
        }
        return answer(migrated.edit(edit.number(), new MigratedDocuments.Edit(edit.partyId(), edit.date(), edit.dueDate(), edit.currency(),
                edit.exchangeRate(), edit.originalAmount(), edit.openBalance(), edit.description(), edit.status()), Refusal.actor(user)));
    }

    @io.swagger.v3.oas.annotations.Operation(summary = "Delete an unreleased migrated document entered by mistake, with a reason")
    @PostMapping("/documents/delete")
    ResponseEntity<Object> delete(@RequestBody Delete delete, Principal user) {
        if (delete.number() == null) {
            return Refusal.missing("number");
        }
        return answer(migrated.delete(delete.number(), delete.reason(), Refusal.actor(user)));
    }

    @PostMapping("/documents/release-retainage")
    ResponseEntity<Object> releaseRetainage(@RequestBody Number number, Principal user) {
        if (number.number() == null) {
            return Refusal.missing("number");
        }
        return answer(migrated.releaseRetainage(number.number(), Refusal.actor(user)));
    }

    record Apply(String credit, String invoice, java.math.BigDecimal amount, java.time.LocalDate date) {
    }

    record ApplyCredits(String party, String entity, java.time.LocalDate date, boolean dryRun) {
    }

    @io.swagger.v3.oas.annotations.Operation(summary = "Apply a credit (unapplied payment, prepayment, credit memo) to an invoice of the "
            + "same party; documents named ENTITY/NUMBER or by a number unique in AR; amount default: all the credit can pay; "
            + "date default: the business date. The journal goes into a new OPEN batch.")
    @PostMapping("/documents/apply")
    ResponseEntity<Object> apply(@RequestBody Apply apply, Principal user) {
        if (apply.credit() == null) {
            return Refusal.missing("credit");
        }
        if (apply.invoice() == null) {
            return Refusal.missing("invoice");
        }
        return applied(credits.apply(apply.credit(), apply.invoice(), apply.amount(),
                apply.date() != null ? apply.date() : businessDate.today(), Refusal.actor(user)));
    }

    @io.swagger.v3.oas.annotations.Operation(summary = "Apply each party's open credits, oldest first, to its open invoices, the "
            + "credit's own entity first, oldest due date first; party and entity narrow it; dryRun says what would be applied")
    @PostMapping("/documents/apply-credits")
    ResponseEntity<Object> applyCredits(@RequestBody ApplyCredits apply, Principal user) {
        return applied(credits.applyAll(apply.party(), apply.entity(), apply.date() != null ? apply.date() : businessDate.today(),
                apply.dryRun(), Refusal.actor(user)));
    }

    private static ResponseEntity<Object> applied(org.ledgerbridge.receivables.CreditApplications.Outcome outcome) {
        if (outcome instanceof org.ledgerbridge.receivables.CreditApplications.Outcome.Refused refused) {
            return Refusal.of(refused.rule(), refused.message());
        }
        return ResponseEntity.ok(outcome);
    }

    private static ResponseEntity<Object> answer(DocumentChange change) {
        if (change instanceof DocumentChange.Refused refused) {
            return Refusal.of(refused.code(), refused.message());
        }
        return ResponseEntity.ok(change);
    }

    @GetMapping("/migration-mode")
    List<MigrationMode.Switch> migrationMode() {
        return migrationMode.status();
    }

    @PostMapping("/migration-mode")
    ResponseEntity<Object> setMigrationMode(@RequestBody Switch change, Principal user) {
        if (change.module() == null) {
            return Refusal.missing("module");
        }
        Optional<DocumentChange.Refused> refused = migrationMode.set(change.module(), change.on(), Refusal.actor(user));
        if (refused.isPresent()) {
            return answer(refused.get());
        }
        return ResponseEntity.ok(migrationMode.status());
    }
}
