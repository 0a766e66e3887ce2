package org.ledgerbridge.support;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL's own plans of the statements a call runs (auto_explain, as a notice to this session):
 * a test at the size users have asserts that they read the big tables along an index, with no
 * per-row subplan over journals, so that a quadratic query fails the build, not a user.
 */
public final class QueryPlans {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final PlatformTransactionManager transactions;
    private final Set<String> bigTables;

    /** @param bigTables the tables that must never be read by a sequential scan */
    public QueryPlans(JdbcClient jdbc, PlatformTransactionManager transactions, Set<String> bigTables) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.bigTables = bigTables;
    }

    /** Every statement the call runs reads the big tables through an index, with no per-row subplan over journals. */
    public void assertUsesIndexes(Runnable call) {
        assertUsesIndexes(call, false, Set.of());
    }

    /**
     * @param undone    the call's writes are rolled back afterwards: the ledger stays as the other tests expect it
     * @param scannable big tables this call may scan, each for a reason written where it is called
     */
    public void assertUsesIndexes(Runnable call, boolean undone, Set<String> scannable) {
        for (JsonNode plan : plansOf(call, undone)) {
            List<JsonNode> nodes = new ArrayList<>();
            collect(plan.get("Plan"), nodes);
            for (JsonNode node : nodes) {
                String relation = node.path("Relation Name").asString("");
                assertThat(node.path("Node Type").asString("").equals("Seq Scan") && bigTables.contains(relation)
                        && !scannable.contains(relation))
                        .as("sequential scan of %s in\n%s", relation, plan.get("Query Text").asString()).isFalse();
            }
            assertNoSubplanOverJournals(plan);
        }
    }

    public void assertNoSubplanOverJournals(Runnable call) {
        plansOf(call, false).forEach(this::assertNoSubplanOverJournals);
    }

    private void assertNoSubplanOverJournals(JsonNode plan) {
        List<JsonNode> nodes = new ArrayList<>();
        collect(plan.get("Plan"), nodes);
        for (JsonNode node : nodes) {
            if (node.path("Parent Relationship").asString("").equals("SubPlan")) {
                List<JsonNode> inside = new ArrayList<>();
                collect(node, inside);
                assertThat(inside).as("a subplan per row over journals in\n%s", plan.get("Query Text").asString())
                        .noneMatch(n -> n.path("Relation Name").asString("").equals("journal"));
            }
        }
    }

    /** The plan's nodes, less those under a one-time filter (a batch's journals summed only when the batch is not posted). */
    private static void collect(JsonNode node, List<JsonNode> into) {
        if (node.has("One-Time Filter")) {
            return;
        }
        into.add(node);
        for (JsonNode child : node.path("Plans")) {
            collect(child, into);
        }
    }

    /**
     * PostgreSQL's plans of the statements the call runs: auto_explain logs each one as a notice
     * to this session, which JdbcTemplate passes to its debug log as an ignored SQL warning.
     */
    private List<JsonNode> plansOf(Runnable call, boolean undone) {
        Logger logger = (Logger) LoggerFactory.getLogger("org.springframework.jdbc.core.JdbcTemplate");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        Level level = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        logger.addAppender(appender);
        try {
            new TransactionTemplate(transactions).executeWithoutResult(tx -> {
                jdbc.sql("LOAD 'auto_explain'").update();
                jdbc.sql("SET LOCAL auto_explain.log_min_duration = 0").update();
                jdbc.sql("SET LOCAL auto_explain.log_format = 'json'").update();
                jdbc.sql("SET LOCAL auto_explain.log_level = 'notice'").update();
                jdbc.sql("SET LOCAL client_min_messages = 'notice'").update();
                call.run();
                // in a transaction a finished query's portal (and the notice of its plan) ends when the next statement starts
                jdbc.sql("SELECT 1").query(Integer.class).single();
                if (undone) {
                    tx.setRollbackOnly();
                }
            });
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(level);
        }
        List<JsonNode> plans = new ArrayList<>();
        for (ILoggingEvent event : appender.list) {
            String message = event.getFormattedMessage();
            int start = message.indexOf('{');
            int end = message.lastIndexOf('}');
            if (message.contains("plan:") && start >= 0 && end > start) {
                plans.add(JSON.readTree(message.substring(start, end + 1)));
            }
        }
        assertThat(plans).as("the plans of the call; logged: %s", appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList())
                .isNotEmpty();
        return plans;
    }
}
