package io.connector.jobs.internal.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

import io.connector.store.spi.Sql;

/** The backends each node has, in {@code connector_node_backend}. */
public final class NodeBackendRows {

    private NodeBackendRows() {
    }

    /** Replaces what {@code node} has with {@code backendIds}. */
    public static void publish(Connection c, String node, Collection<String> backendIds) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM \"connector_node_backend\" WHERE \"node\" = ?")) {
            delete.setString(1, node);
            delete.executeUpdate();
        }
        if (backendIds.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO \"connector_node_backend\" (\"node\", \"backend_id\", \"seen_at\") VALUES (?, ?, ?)")) {
            for (String id : backendIds) {
                insert.setString(1, node);
                insert.setString(2, id);
                insert.setObject(3, Sql.now());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Marks the rows of {@code node} as seen now. */
    public static void seen(Connection c, String node) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE \"connector_node_backend\" SET \"seen_at\" = ? WHERE \"node\" = ?")) {
            update.setObject(1, Sql.now());
            update.setString(2, node);
            update.executeUpdate();
        }
    }

    /** The backends {@code node} has. */
    public static Set<String> ofNode(Connection c, String node) throws SQLException {
        return ids(c, "SELECT \"backend_id\" FROM \"connector_node_backend\" WHERE \"node\" = ?", node);
    }

    /** The backends that nodes other than {@code node} have. */
    public static Set<String> ofOtherNodes(Connection c, String node) throws SQLException {
        return ids(c, "SELECT DISTINCT \"backend_id\" FROM \"connector_node_backend\" WHERE \"node\" <> ?", node);
    }

    private static Set<String> ids(Connection c, String query, String node) throws SQLException {
        Set<String> ids = new TreeSet<>();
        try (PreparedStatement select = c.prepareStatement(query)) {
            select.setString(1, node);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        return ids;
    }
}
