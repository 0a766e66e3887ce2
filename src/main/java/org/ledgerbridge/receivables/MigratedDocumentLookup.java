package org.ledgerbridge.receivables;

import org.ledgerbridge.ledger.PerEntity;
import org.ledgerbridge.ledger.LedgerSetup;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/** Finds migrated documents by number, locked for the change about to be made, and says which one a reference names. */
@Component
class MigratedDocumentLookup {

    private final JdbcClient jdbc;
    private final MigrationMode migrationMode;
    private final LedgerSetup setup;

    MigratedDocumentLookup(JdbcClient jdbc, MigrationMode migrationMode, LedgerSetup setup) {
        this.jdbc = jdbc;
        this.migrationMode = migrationMode;
        this.setup = setup;
    }

    record Found(String entity, String module, String number, String status, boolean migrated, boolean released) {
    }

    List<Found> find(List<String> numbers) {
        return PerEntity.ask(setup.entities().keySet(), null, entity -> jdbc.sql("""
                        SELECT entity_code, module, number, status, migrated, released_at IS NOT NULL FROM document
                         WHERE entity_code = ? AND number = ANY(?) ORDER BY module, number FOR UPDATE""")
                .params(entity, numbers.toArray(String[]::new))
                .query(MigratedDocumentLookup::found)
                .list());
    }

    /** Every migrated document waiting for release in the given subledgers (release-all reads the documents once). */
    List<Found> pending(List<String> modules) {
        return PerEntity.ask(setup.entities().keySet(), null, entity -> jdbc.sql("""
                        SELECT entity_code, module, number, status, migrated, released_at IS NOT NULL FROM document
                         WHERE migrated AND released_at IS NULL AND origin = 'MIGRATION' AND module = ANY(?) AND entity_code = ?
                         ORDER BY module, number FOR UPDATE""")
                .params(modules.toArray(String[]::new), entity)
                .query(MigratedDocumentLookup::found)
                .list());
    }

    private static Found found(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Found(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5), rs.getBoolean(6));
    }

    record Either(Found found, DocumentChange.Refused refused) {
    }

    /** The one unreleased migrated document a reference names, while its subledger is in migration mode. */
    Either editable(String reference, String verb) {
        DocumentReference named = DocumentReference.parse(reference, setup.entities().keySet());
        String number = named.number();
        List<Found> found = find(List.of(number)).stream().filter(f -> named.entity() == null || f.entity().equals(named.entity())).toList();
        if (found.isEmpty()) {
            return new Either(null, new DocumentChange.Refused(DocumentRule.UNKNOWN_DOCUMENT, "no document " + reference));
        }
        if (found.size() > 1) {
            return new Either(null, new DocumentChange.Refused(DocumentRule.DOCUMENT_AMBIGUOUS, number + " is a document of "
                    + String.join(" and ", found.stream().map(f -> f.entity() + " " + f.module()).toList()) + ": name it ENTITY/" + number));
        }
        Found f = found.get(0);
        boolean on = migrationMode.enabled().getOrDefault(NewDocument.Module.valueOf(f.module()), false);
        if (!f.migrated() && on) {
            return new Either(null, new DocumentChange.Refused(DocumentRule.MIGRATION_MODE_ON, "document " + reference + " was created in "
                    + "LedgerBridge and cannot be " + verb + " while " + f.module() + " is in migration mode"));
        }
        if (!f.migrated()) {
            return new Either(null, new DocumentChange.Refused(DocumentRule.NOT_A_MIGRATED_DOCUMENT, "document " + reference
                    + " was created in LedgerBridge; only migrated documents are " + verb + " (a posted one is corrected by reversing its batch)"));
        }
        if (f.released()) {
            return new Either(null, new DocumentChange.Refused(DocumentRule.ALREADY_RELEASED, "document " + reference + " was released and cannot be "
                    + verb));
        }
        if (!on) {
            return new Either(null, new DocumentChange.Refused(DocumentRule.MIGRATION_MODE_OFF, "migrated document " + reference
                    + " cannot be " + verb + " once " + f.module() + " has left migration mode"));
        }
        return new Either(f, null);
    }
}
