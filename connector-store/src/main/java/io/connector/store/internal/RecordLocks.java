package io.connector.store.internal;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Locks a synchronization takes on what it works on, for the length of its transaction: a key's
 * hash picks one of 65,536 rows of {@code connector_lock}.
 */
final class RecordLocks {

    /** As many as the rows V2__more_lock_buckets makes. */
    private static final int BUCKETS = 65536;

    private RecordLocks() {
    }

    static boolean tryLock(StoreTransaction tx, String key) {
        int bucket = Math.floorMod(fnv1a(key), BUCKETS);
        tx.beforeStatement();
        // SKIP LOCKED, not NOWAIT: a row held by another transaction is left out, so a refusal is
        // an empty result rather than an error. H2 reports NOWAIT's refusal as a lock timeout
        // (SQLTimeoutException), which makes HikariCP evict the connection and with it the job's
        // whole transaction; and on PostgreSQL an error would end the transaction.
        try {
            PreparedStatement lock = tx.kept("SELECT \"bucket\" FROM \"connector_lock\" WHERE \"bucket\" = ? FOR UPDATE SKIP LOCKED");
            lock.setInt(1, bucket);
            try (ResultSet row = lock.executeQuery()) {
                return row.next();
            }
        } catch (SQLException e) {
            throw StoreTransaction.failure("lock " + key, e);
        }
    }

    private static long fnv1a(String key) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b;
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
