package org.ledgerbridge.projects;

import org.ledgerbridge.receivables.DocumentRule;
import org.ledgerbridge.imports.Cells;
import org.ledgerbridge.imports.RowErrors;
import org.ledgerbridge.imports.SourceRow;

import java.util.Map;

/** What the pro forma invoice and project transaction imports check alike: migration mode, the project. */
final class ProjectRules {


    private ProjectRules() {
    }

    /** Told once, on the first row: the whole file is refused (exit 3). */
    static void pmInMigrationMode(boolean on, SourceRow row, RowErrors errors) {
        if (!on && row.first()) {
            errors.error(null, DocumentRule.MIGRATION_MODE_OFF, "PM is not in migration mode; project balances are migrated only while it is "
                    + "(turn migration mode on for PM)");
        }
    }

    static Project project(SourceRow row, String column, Map<String, Project> projects, RowErrors errors) {
        String id = Cells.required(row, column, 40, errors);
        if (id == null) {
            return null;
        }
        Project project = projects.get(id);
        if (project == null) {
            errors.error(column, ProjectRule.UNKNOWN_PROJECT, "no project '" + id + "'; import the projects file first");
        }
        return project;
    }
}
