package org.ledgerbridge.reliability;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every table of the ledger as a digest of its rows, to show that a refused step wrote nothing.
 * The import runs and the audit log are left out: recording a rejected file is intended.
 */
record LedgerSnapshot(Map<String, String> tables) {

    static final List<String> RECORDS_OF_REFUSALS = List.of("import_run", "audit_event", "flyway_schema_history");

    static LedgerSnapshot of(JdbcClient jdbc) {
        List<String> names = jdbc.sql("""
                        SELECT table_name FROM information_schema.tables
                         WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name""")
                .query(String.class).list();
        Map<String, String> tables = new LinkedHashMap<>();
        for (String name : names) {
            if (!RECORDS_OF_REFUSALS.contains(name)) {
                tables.put(name, jdbc.sql("SELECT count(*) || ':' || md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM "
                        + name + " t").query(String.class).single());
            }
        }
        return new LedgerSnapshot(tables);
    }
}
