package org.ledgerbridge.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ledgerbridge.ledger.Page;
import org.ledgerbridge.projects.ProjectBalances;
import org.ledgerbridge.projects.Projects;
import org.ledgerbridge.receivables.DocumentChange;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;

@RestController
@RequestMapping("/api/projects")
@Tag(name = "Projects", description = "Migrated project balances: pro forma invoices and revenue-line actuals; their release")
class ProjectsApi {

    private final Projects projects;

    ProjectsApi(Projects projects) {
        this.projects = projects;
    }

    @Operation(summary = "Projects in id order, a page at a time, each with its pro forma invoices and revenue-line actuals")
    @GetMapping
    Page<ProjectBalances> projects(@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        return projects.page(null, cursor, Page.limit(limit));
    }

    @GetMapping("/{project}")
    ResponseEntity<Object> project(@PathVariable String project) {
        return projects.find(project).<ResponseEntity<Object>>map(ResponseEntity::ok)
                .orElseGet(() -> LedgerApi.notFound(ApiProblem.PROJECT_NOT_FOUND, "There is no project " + project + "."));
    }

    @Operation(summary = "Release every migrated pro forma invoice and project transaction (PM in migration mode): balances and "
            + "actuals update, no journal; 422 MIGRATION_MODE_OFF or NOTHING_TO_RELEASE")
    @PostMapping("/release")
    ResponseEntity<Object> release(Principal user) {
        DocumentChange change = projects.release(Refusal.actor(user));
        if (change instanceof DocumentChange.Refused refused) {
            return Refusal.of(refused.code(), refused.message());
        }
        return ResponseEntity.ok(change);
    }
}
