package org.ledgerbridge.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;

/** The global options of CONTRACT.md, accepted before or after the command name. */
public class GlobalOptions {

    @Option(names = "--data-dir", scope = ScopeType.INHERIT, paramLabel = "DIR",
            defaultValue = "${env:LEDGERBRIDGE_DATA_DIR:-./ledgerbridge-data}",
            description = "where the embedded PostgreSQL keeps the ledger (default ${DEFAULT-VALUE})")
    Path dataDir;

    @Option(names = "--db-url", scope = ScopeType.INHERIT, paramLabel = "URL",
            defaultValue = "${env:SPRING_DATASOURCE_URL}", description = "an external PostgreSQL (jdbc:postgresql://...)")
    String dbUrl;

    @Option(names = "--db-user", scope = ScopeType.INHERIT, paramLabel = "U", defaultValue = "${env:SPRING_DATASOURCE_USERNAME}")
    String dbUser;

    @Option(names = "--db-password", scope = ScopeType.INHERIT, paramLabel = "P", defaultValue = "${env:SPRING_DATASOURCE_PASSWORD}")
    String dbPassword;

    @Option(names = "--as-of", scope = ScopeType.INHERIT, paramLabel = "YYYY-MM-DD", defaultValue = "${env:LEDGERBRIDGE_AS_OF}",
            description = "the business date used as today")
    LocalDate asOf;

    @Option(names = "--report", scope = ScopeType.INHERIT, paramLabel = "text|json", defaultValue = "text",
            description = "report format on standard output: ${COMPLETION-CANDIDATES}")
    ReportFormat report;

    @Option(names = "--lock-wait", scope = ScopeType.INHERIT, paramLabel = "SECONDS",
            defaultValue = "${env:LEDGERBRIDGE_LOCK_WAIT:-30}",
            description = "how long to wait for another process using the same data dir (default ${DEFAULT-VALUE} s)")
    int lockWaitSeconds;

    public enum ReportFormat { text, json }

    /** For a command passed to the server: the sender's environment, not the server's. */
    java.util.Map<String, String> environment;

    private String environment(String key) {
        if (environment != null) {
            return environment.get(key);
        }
        return key.equals("user.name") ? System.getProperty(key) : System.getenv(key);
    }

    /** The command words of this run ("import payments"), shown by `db status` beside this process. */
    String command = "ledgerbridge";

    LocalDate businessDate() {
        if (asOf != null) {
            return asOf;
        }
        String zone = environment("LEDGERBRIDGE_ZONE");
        return LocalDate.now(zone == null || zone.isBlank() ? ZoneId.systemDefault() : ZoneId.of(zone));
    }

    String actor() {
        String actor = environment("LEDGERBRIDGE_ACTOR");
        String user = environment("user.name");
        return actor != null && !actor.isBlank() ? actor : "cli:" + (user != null ? user : "unknown");
    }

    boolean json() {
        return report == ReportFormat.json;
    }
}
