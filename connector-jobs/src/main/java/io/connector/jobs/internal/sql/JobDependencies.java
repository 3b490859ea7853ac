package io.connector.jobs.internal.sql;

import static io.connector.api.job.JobState.PENDING;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Jobs that wait for others: recorded when delayed, released when their parents are done. */
public final class JobDependencies {

    private JobDependencies() {
    }

    public static void add(Connection c, long jobId, long parentId) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO \"connector_job_dependency\" (\"job_id\", \"parent_id\") VALUES (?, ?)")) {
            insert.setLong(1, jobId);
            insert.setLong(2, parentId);
            insert.executeUpdate();
        }
        try (PreparedStatement parent = c.prepareStatement(
                "UPDATE \"connector_job\" SET \"has_children\" = TRUE WHERE \"id\" = ?")) {
            parent.setLong(1, parentId);
            parent.executeUpdate();
        }
    }

    /** A job delayed as waiting whose parents are all done already becomes pending. */
    public static void releaseIfReady(Connection c, long jobId) throws SQLException {
        try (PreparedStatement release = c.prepareStatement("UPDATE \"connector_job\" SET \"state\" = 'pending' WHERE \"id\" = ? "
                + "AND \"state\" = 'waiting' AND NOT EXISTS (SELECT 1 FROM \"connector_job_dependency\" d JOIN \"connector_job\" p "
                + "ON p.\"id\" = d.\"parent_id\" WHERE d.\"job_id\" = ? AND p.\"state\" <> 'done')")) {
            release.setLong(1, jobId);
            release.setLong(2, jobId);
            if (release.executeUpdate() == 1) {
                JobHistory.add(c, jobId, PENDING, null, "its dependencies are done");
            }
        }
    }

    /**
     * Releases the children of a job that just ended done. Each child row is locked first: two
     * parents ending in two transactions at once would otherwise each see the other unfinished,
     * and the child would wait for ever. Locked in id order, so that two such releases cannot
     * deadlock.
     */
    static void releaseChildren(Connection c, long parentId) throws SQLException {
        List<Long> children = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT \"job_id\" FROM \"connector_job_dependency\" WHERE "
                + "\"parent_id\" = ? ORDER BY \"job_id\"")) {
            select.setLong(1, parentId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    children.add(rows.getLong(1));
                }
            }
        }
        for (Long child : children) {
            try (PreparedStatement lock = c.prepareStatement("SELECT \"id\" FROM \"connector_job\" WHERE \"id\" = ? "
                    + "AND \"state\" = 'waiting' FOR UPDATE")) {
                lock.setLong(1, child);
                try (ResultSet row = lock.executeQuery()) {
                    if (!row.next()) {
                        continue;
                    }
                }
            }
            releaseIfReady(c, child);
        }
    }
}
