package org.ledgerbridge.delivery;

import org.ledgerbridge.imports.ImportRule;
import org.ledgerbridge.imports.Cells;
import org.ledgerbridge.imports.ImportColumn;
import org.ledgerbridge.imports.ImportKind;
import org.ledgerbridge.imports.ImportOptions;
import org.ledgerbridge.imports.RowErrors;
import org.ledgerbridge.imports.SourceRow;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * `import gl-accounts FILE --target T`: the GL's chart of accounts (ENTITY, ACCOUNT, ACTIVE), which
 * `gl validate` checks a file target's journals against. A new import replaces the target's chart.
 */
@Component
class GlAccountsImport implements ImportKind<String[]> {

    private final JdbcClient jdbc;
    private final GlTargets glTargets;

    GlAccountsImport(JdbcClient jdbc, GlTargets glTargets) {
        this.jdbc = jdbc;
        this.glTargets = glTargets;
    }

    @Override
    public String name() {
        return "gl-accounts";
    }

    @Override
    public List<ImportColumn> columns() {
        return List.of(ImportColumn.required("ENTITY"), ImportColumn.required("ACCOUNT"), ImportColumn.optional("ACTIVE"));
    }

    @Override
    public String variant(ImportOptions options) {
        return options.flags().getOrDefault("target", "");
    }

    @Override
    public Session<String[]> open(ImportOptions options, long importRunId) {
        String target = options.flags().getOrDefault("target", "");
        boolean known = !target.isEmpty() && glTargets.target(target).isPresent();
        Map<String, Long> seen = new HashMap<>();
        List<String[]> rows = new java.util.ArrayList<>();
        return new Session<>() {
            @Override
            public String[] validate(SourceRow row, RowErrors errors) {
                if (!known && row.first()) {
                    errors.error(null, GlRule.UNKNOWN_TARGET, "no GL target '" + target + "'; name one of the GL targets set up");
                }
                String entity = Cells.required(row, "ENTITY", 20, errors);
                String account = Cells.required(row, "ACCOUNT", 40, errors);
                String active = row.get("ACTIVE").toLowerCase(java.util.Locale.ROOT);
                if (!List.of("", "true", "false", "yes", "no", "1", "0").contains(active)) {
                    errors.error("ACTIVE", ImportRule.INVALID_VALUE, "'" + row.get("ACTIVE") + "' is not true/false");
                }
                if (entity != null && account != null) {
                    Long first = seen.putIfAbsent(entity + "/" + account, row.number());
                    if (first != null) {
                        errors.error("ACCOUNT", ImportRule.DUPLICATE_IN_FILE, "account " + account + " of " + entity + " appears again; first on row " + first);
                    }
                }
                return errors.currentRowHasErrors() ? null
                        : new String[]{entity, account, String.valueOf(!List.of("false", "no", "0").contains(active))};
            }

            @Override
            public void write(String[] row) {
                rows.add(row);
            }

            @Override
            public Map<String, Object> commit() {
                jdbc.sql("DELETE FROM gl_account WHERE target = ?").param(target).update();
                jdbc.sql("""
                                INSERT INTO gl_account (target, entity_code, account, active)
                                SELECT ?, e, a, x FROM unnest(?::text[], ?::text[], ?::boolean[]) AS r(e, a, x)""")
                        .params(target, rows.stream().map(r -> r[0]).toArray(String[]::new), rows.stream().map(r -> r[1]).toArray(String[]::new),
                                rows.stream().map(r -> Boolean.parseBoolean(r[2])).toArray(Boolean[]::new))
                        .update();
                return Map.of("target", target, "accounts", rows.size());
            }
        };
    }
}
