package io.connector.store.internal;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.connector.store.spi.Sql;

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

    /**
     * The keys whose buckets this transaction holds after one {@code SELECT ... FOR UPDATE SKIP
     * LOCKED} over all of them; two keys may share a bucket, and then both are held or neither.
     */
    static Set<String> tryLockAll(StoreTransaction tx, Collection<String> keys) {
        Map<Integer, List<String>> byBucket = new LinkedHashMap<>();
        for (String key : keys) {
            byBucket.computeIfAbsent(Math.floorMod(fnv1a(key), BUCKETS), b -> new ArrayList<>()).add(key);
        }
        Set<String> held = new LinkedHashSet<>();
        List<Integer> buckets = new ArrayList<>(byBucket.keySet());
        for (int from = 0; from < buckets.size(); from += IN_LIST) {
            List<Integer> part = buckets.subList(from, Math.min(buckets.size(), from + IN_LIST));
            tx.beforeStatement();
            try (PreparedStatement lock = tx.connection.prepareStatement("SELECT \"bucket\" FROM \"connector_lock\" WHERE \"bucket\" IN ("
                    + Sql.marks(part.size()) + ") FOR UPDATE SKIP LOCKED")) {
                for (int i = 0; i < part.size(); i++) {
                    lock.setInt(i + 1, part.get(i));
                }
                try (ResultSet rows = lock.executeQuery()) {
                    while (rows.next()) {
                        held.addAll(byBucket.get(rows.getInt(1)));
                    }
                }
            } catch (SQLException e) {
                throw StoreTransaction.failure("lock " + part.size() + " keys such as " + byBucket.get(part.get(0)).get(0), e);
            }
        }
        return held;
    }

    /** Buckets in one {@code IN (...)} list at most, well below what both databases take. */
    private static final int IN_LIST = 500;

    private static long fnv1a(String key) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b;
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
