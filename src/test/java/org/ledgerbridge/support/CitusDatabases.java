package org.ledgerbridge.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Test databases on the Citus cluster of {@code bench/citus start}: a database is created on the
 * coordinator and on every worker, each with the extension, and the coordinator's copy is told where
 * its workers are (Citus keeps its nodes per database). The workers are those the cluster's own
 * {@code ledgerbridge} database lists. Trust authentication, user postgres.
 */
final class CitusDatabases {

    private static boolean cleared;

    private CitusDatabases() {
    }

    /** The databases of earlier test runs whose JVM is gone (test_PID_N): a cluster kept between runs does not fill up. */
    private static void dropLeftovers(String node) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(node, "postgres"), "postgres", ""); Statement s = c.createStatement()) {
            List<String> gone = new ArrayList<>();
            try (ResultSet names = s.executeQuery("SELECT datname FROM pg_database WHERE datname ~ '^test_[0-9]+_[0-9]+$'")) {
                while (names.next()) {
                    long pid = Long.parseLong(names.getString(1).split("_")[1]);
                    if (ProcessHandle.of(pid).isEmpty()) {
                        gone.add(names.getString(1));
                    }
                }
            }
            for (String name : gone) {
                s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }
    }

    /** @param coordinator host:port of the coordinator; returns the JDBC URL of the new database */
    static synchronized String create(String name, String coordinator) {
        try {
            List<String> workers = workers(coordinator);
            if (!cleared) {
                for (String node : workers) {
                    dropLeftovers(node);
                }
                dropLeftovers(coordinator);
                cleared = true;
            }
            for (String worker : workers) {
                createWithCitus(worker, name);
            }
            createWithCitus(coordinator, name);
            try (Connection c = DriverManager.getConnection(url(coordinator, name), "postgres", ""); Statement s = c.createStatement()) {
                String[] host = coordinator.split(":");
                s.execute("SELECT citus_set_coordinator_host('" + host[0] + "', " + host[1] + ")");
                for (String worker : workers) {
                    String[] node = worker.split(":");
                    s.execute("SELECT citus_add_node('" + node[0] + "', " + node[1] + ")");
                }
            }
            return url(coordinator, name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the test database " + name + " on the Citus cluster at " + coordinator, e);
        }
    }

    /**
     * A copy of {@code template} made node by node (Citus names a database's shards alike on every node,
     * so the copies make one consistent database); nobody may be writing to the template.
     */
    static String copy(String template, String name, String coordinator) {
        try {
            List<String> nodes = new ArrayList<>(workers(coordinator));
            nodes.add(coordinator);
            for (String node : nodes) {
                try (Connection c = DriverManager.getConnection(url(node, "postgres"), "postgres", ""); Statement s = c.createStatement()) {
                    s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                    // Citus's maintenance worker stays connected to the template; it starts again with the next session there
                    s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + template + "'");
                    s.execute("CREATE DATABASE " + name + " TEMPLATE " + template);
                }
            }
            return url(coordinator, name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot copy the test database " + template + " on the Citus cluster at " + coordinator, e);
        }
    }

    private static List<String> workers(String coordinator) throws SQLException {
        List<String> workers = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url(coordinator, "ledgerbridge"), "postgres", "");
             Statement s = c.createStatement();
             ResultSet nodes = s.executeQuery("SELECT nodename || ':' || nodeport FROM pg_dist_node WHERE groupid > 0 ORDER BY nodeport")) {
            while (nodes.next()) {
                workers.add(nodes.getString(1));
            }
        }
        return workers;
    }

    private static void createWithCitus(String node, String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(node, "postgres"), "postgres", ""); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        try (Connection c = DriverManager.getConnection(url(node, name), "postgres", ""); Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION citus");
        }
    }

    private static String url(String node, String database) {
        return "jdbc:postgresql://" + node + "/" + database;
    }
}
