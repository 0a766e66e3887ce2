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

    private CitusDatabases() {
    }

    /** @param coordinator host:port of the coordinator; returns the JDBC URL of the new database */
    static String create(String name, String coordinator) {
        try {
            List<String> workers = new ArrayList<>();
            try (Connection c = DriverManager.getConnection(url(coordinator, "ledgerbridge"), "postgres", "");
                 Statement s = c.createStatement();
                 ResultSet nodes = s.executeQuery("SELECT nodename || ':' || nodeport FROM pg_dist_node WHERE groupid > 0 ORDER BY nodeport")) {
                while (nodes.next()) {
                    workers.add(nodes.getString(1));
                }
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
