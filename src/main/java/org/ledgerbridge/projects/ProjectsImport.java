package org.ledgerbridge.projects;

import org.ledgerbridge.imports.ImportRule;
import org.ledgerbridge.receivables.DocumentRule;
import org.ledgerbridge.imports.Cells;
import org.ledgerbridge.imports.ImportColumn;
import org.ledgerbridge.imports.ImportKind;
import org.ledgerbridge.imports.ImportOptions;
import org.ledgerbridge.imports.RowErrors;
import org.ledgerbridge.imports.SourceRow;
import org.ledgerbridge.imports.KeyRules;
import org.ledgerbridge.ledger.LedgerSetup;
import org.ledgerbridge.ledger.PartyKind;
import org.ledgerbridge.storage.CopyWriter;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.ledgerbridge.imports.ImportColumn.required;

/** `import projects`: PROJECT, ENTITY, CUSTOMER_ID (a customer), NAME, STATUS. */
@Component
class ProjectsImport implements ImportKind<Project> {

    static final String PROJECT = "PROJECT";
    static final String ENTITY = "ENTITY";
    static final String CUSTOMER_ID = "CUSTOMER_ID";
    static final String NAME = "NAME";
    static final String STATUS = "STATUS";

    private final LedgerSetup ledger;
    private final Projects projects;

    ProjectsImport(LedgerSetup ledger, Projects projects) {
        this.ledger = ledger;
        this.projects = projects;
    }

    @Override
    public String name() {
        return "projects";
    }

    @Override
    public List<ImportColumn> columns() {
        return List.of(required(PROJECT), required(ENTITY), required(CUSTOMER_ID), required(NAME), required(STATUS));
    }

    @Override
    public Session<Project> open(ImportOptions options, long importRunId) {
        Set<String> entities = ledger.entities().keySet();
        Map<String, PartyKind> parties = new HashMap<>();
        ledger.forEachParty(p -> parties.put(p.id(), p.kind()));
        Set<String> existing = projects.all().keySet();
        Map<String, Long> seenInFile = new HashMap<>();
        CopyWriter writer = projects.projectWriter();
        return new Session<>() {
            @Override
            public Project validate(SourceRow row, RowErrors errors) {
                String id = KeyRules.code(row, PROJECT, 40, errors);
                String entity = Cells.required(row, ENTITY, 20, errors);
                String customer = Cells.required(row, CUSTOMER_ID, 40, errors);
                String name = Cells.required(row, NAME, 200, errors);
                ProjectStatus status = Cells.oneOf(row, STATUS, ProjectStatus.class, true, errors);
                if (entity != null && !entities.contains(entity)) {
                    errors.error(ENTITY, ImportRule.UNKNOWN_ENTITY, "no financial entity '" + entity + "'");
                }
                if (customer != null && parties.get(customer) == null) {
                    errors.error(CUSTOMER_ID, DocumentRule.UNKNOWN_PARTY, "no customer '" + customer + "'; import the parties file first");
                } else if (customer != null && parties.get(customer) != PartyKind.CUSTOMER) {
                    errors.error(CUSTOMER_ID, DocumentRule.PARTY_KIND_MISMATCH, "a project is billed to a customer; " + customer + " is a "
                            + parties.get(customer));
                }
                if (id != null) {
                    KeyRules.uniqueInLedgerAndFile(id, "project " + id, existing.contains(id), seenInFile, row, PROJECT, errors);
                }
                return errors.currentRowHasErrors() ? null : new Project(id, entity, customer, name, status);
            }

            @Override
            public void write(Project project) {
                writer.row(project.id(), project.entity(), project.customerId(), project.name(), project.status(), importRunId);
            }

            @Override
            public Map<String, Object> commit() {
                writer.close();
                return Map.of("projectsAdded", writer.rows());
            }
        };
    }
}
