package org.ledgerbridge.projects;

import org.ledgerbridge.receivables.DocumentRule;
import org.ledgerbridge.ledger.AuditLog;
import org.ledgerbridge.ledger.Currencies;
import org.ledgerbridge.ledger.Page;
import org.ledgerbridge.receivables.DocumentChange;
import org.ledgerbridge.receivables.MigrationMode;
import org.ledgerbridge.receivables.NewDocument;
import org.ledgerbridge.storage.CopyWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Projects and their migrated balances (seed 002, "Migration of Project Balances"): release while
 * PM is in migration mode, with no GL entry; the balances and revenue-line actuals read back.
 */
@Service
public class Projects {

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final MigrationMode migrationMode;
    private final AuditLog audit;

    public Projects(JdbcClient jdbc, DataSource dataSource, MigrationMode migrationMode, AuditLog audit) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.migrationMode = migrationMode;
        this.audit = audit;
    }

    /** Every project by id, for an import's checks (a ledger has thousands, not millions). */
    Map<String, Project> all() {
        Map<String, Project> projects = new HashMap<>();
        jdbc.sql("SELECT project_id, entity_code, customer_id, name, status FROM project")
                .query(rs -> {
                    projects.put(rs.getString(1), new Project(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            ProjectStatus.valueOf(rs.getString(5))));
                });
        return projects;
    }

    Set<String> proFormaNumbers() {
        return new HashSet<>(jdbc.sql("SELECT number FROM pro_forma_invoice").query(String.class).list());
    }

    /**
     * The party of each AR document named (entity and number, in the same order), null where there
     * is no such document: one statement for a whole file's AR_DOCUMENT column.
     */
    List<String> arDocumentParties(List<String> entities, List<String> numbers) {
        String[] parties = new String[numbers.size()];
        jdbc.sql("""
                        SELECT k.i, d.party_id
                          FROM unnest(?::text[], ?::text[]) WITH ORDINALITY AS k(entity, number, i)
                          JOIN document d ON d.entity_code = k.entity AND d.module = 'AR' AND d.number = k.number""")
                .params(entities.toArray(String[]::new), numbers.toArray(String[]::new))
                .query(rs -> {
                    parties[rs.getInt(1) - 1] = rs.getString(2);
                });
        return java.util.Arrays.asList(parties);
    }

    CopyWriter projectWriter() {
        return new CopyWriter(dataSource, "project (project_id, entity_code, customer_id, name, status, import_run_id)");
    }

    CopyWriter proFormaWriter() {
        return new CopyWriter(dataSource, """
                pro_forma_invoice (number, project_id, invoice_date, original_amount, open_balance, ar_document, import_run_id)""");
    }

    CopyWriter transactionWriter() {
        return new CopyWriter(dataSource, """
                project_transaction (import_run_id, row_no, project_id, revenue_line, txn_date, amount, quantity, debit_account)""");
    }

    /**
     * Releases every migrated pro forma invoice and project transaction not released yet: project
     * balances and revenue-line actuals take them in; no journal, no GL batch. Only while PM is in
     * migration mode.
     */
    @Transactional
    public DocumentChange release(String actor) {
        if (!migrationMode.isOn(NewDocument.Module.PM)) {
            return new DocumentChange.Refused(DocumentRule.MIGRATION_MODE_OFF, "PM is not in migration mode; migrated project balances are "
                    + "released only while it is");
        }
        List<Boolean> released = jdbc.sql("UPDATE pro_forma_invoice SET released_at = now() WHERE released_at IS NULL "
                + "RETURNING open_balance = 0").query(Boolean.class).list();
        long proForma = released.size();
        long settled = released.stream().filter(Boolean::booleanValue).count();
        long transactions = jdbc.sql("UPDATE project_transaction SET released_at = now() WHERE released_at IS NULL").update();
        if (proForma + transactions == 0) {
            return new DocumentChange.Refused(DocumentRule.NOTHING_TO_RELEASE, "no migrated pro forma invoice or project transaction is waiting "
                    + "to be released");
        }
        audit.record(actor, "projects.released", "projects", Map.of("proFormaInvoices", proForma, "transactions", transactions));
        return new DocumentChange.Done(proForma + transactions, settled, 0);
    }

    /** Projects in id order, a page at a time, each with its pro forma invoices and revenue lines. */
    public Page<ProjectBalances> page(String project, String cursor, int limit) {
        String after = cursor == null ? null : Page.decode(cursor, 1).get(0);
        List<Project> projects = jdbc.sql("""
                        SELECT p.project_id, p.entity_code, p.customer_id, p.name, p.status FROM project p
                         WHERE (CAST(:project AS text) IS NULL OR p.project_id = :project)
                           AND (CAST(:after AS text) IS NULL OR p.project_id > :after)
                         ORDER BY p.project_id LIMIT :limit""")
                .param("project", project == null || project.isBlank() ? null : project.strip())
                .param("after", after).param("limit", limit + 1)
                .query((rs, n) -> new Project(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        ProjectStatus.valueOf(rs.getString(5))))
                .list();
        Page<Project> page = Page.of(projects, limit, p -> List.of(p.id()));
        return new Page<>(balances(page.items()), page.next());
    }

    public Optional<ProjectBalances> find(String project) {
        return page(project, null, 1).items().stream().findFirst();
    }

    private List<ProjectBalances> balances(List<Project> projects) {
        if (projects.isEmpty()) {
            return List.of();
        }
        String[] ids = projects.stream().map(Project::id).toArray(String[]::new);
        Map<String, String> currencies = new HashMap<>();
        jdbc.sql("SELECT p.project_id, e.base_currency FROM project p JOIN financial_entity e ON e.code = p.entity_code "
                        + "WHERE p.project_id = ANY(?)")
                .param(ids).query(rs -> {
                    currencies.put(rs.getString(1), rs.getString(2));
                });
        Map<String, List<ProjectBalances.ProForma>> proForma = new HashMap<>();
        jdbc.sql("""
                        SELECT project_id, number, invoice_date, original_amount, open_balance, ar_document, released_at IS NOT NULL
                          FROM pro_forma_invoice WHERE project_id = ANY(?) ORDER BY project_id, invoice_date, number""")
                .param(ids).query(rs -> {
                    String currency = currencies.get(rs.getString(1));
                    proForma.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new ProjectBalances.ProForma(rs.getString(2),
                            rs.getObject(3, LocalDate.class), Currencies.atScale(rs.getBigDecimal(4), currency),
                            Currencies.atScale(rs.getBigDecimal(5), currency), rs.getString(6), rs.getBoolean(7)));
                });
        Map<String, List<ProjectBalances.RevenueLine>> lines = new HashMap<>();
        jdbc.sql("""
                        SELECT project_id, revenue_line, sum(amount), sum(quantity) FROM project_transaction
                         WHERE project_id = ANY(?) AND released_at IS NOT NULL
                         GROUP BY project_id, revenue_line ORDER BY project_id, revenue_line""")
                .param(ids).query(rs -> {
                    lines.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new ProjectBalances.RevenueLine(rs.getString(2),
                            Currencies.atScale(rs.getBigDecimal(3), currencies.get(rs.getString(1))),
                            rs.getBigDecimal(4).stripTrailingZeros().setScale(Math.max(0, rs.getBigDecimal(4).stripTrailingZeros().scale()))));
                });
        List<ProjectBalances> result = new ArrayList<>();
        for (Project p : projects) {
            List<ProjectBalances.ProForma> invoices = proForma.getOrDefault(p.id(), List.of());
            BigDecimal balance = Currencies.atScale(invoices.stream().filter(ProjectBalances.ProForma::migrated)
                    .map(ProjectBalances.ProForma::openBalance).reduce(BigDecimal.ZERO, BigDecimal::add), currencies.get(p.id()));
            result.add(new ProjectBalances(p.id(), p.entity(), p.customerId(), p.name(), p.status(), balance, invoices,
                    lines.getOrDefault(p.id(), List.of())));
        }
        return result;
    }
}
