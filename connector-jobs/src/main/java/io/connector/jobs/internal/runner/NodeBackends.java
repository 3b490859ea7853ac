package io.connector.jobs.internal.runner;

import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import io.connector.jobs.internal.sql.NodeBackendRows;
import io.connector.store.spi.SqlTransactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the other nodes which backends this one has, and learns theirs: the claim then leaves
 * the jobs of a backend that only other nodes have to them. A job of a backend that no node has
 * is claimed by any, and fails saying so. Run at the runner's start and then every
 * {@value #LOOK_MILLIS} ms, so that a backend added or removed on a node shows on the others
 * within seconds: it compares what the node has with what it published (in memory), and reads the
 * others' backends, a small table; it writes only when what it has changed, and the time it was
 * seen with each heartbeat.
 *
 * <p>A backend this node had is given up only once it has been missing for {@value #GIVE_UP_MILLIS} ms: the
 * backend records are configured on Config Admin's thread, and a node that has just started may
 * not have them yet at its first look, when the other nodes would otherwise take its backends'
 * jobs and fail them.
 */
final class NodeBackends implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(NodeBackends.class);
    /** How often a node looks at its backends and the others'. */
    static final long LOOK_MILLIS = 2000;
    /** How long a backend this node had must be missing before the node gives it up. */
    static final long GIVE_UP_MILLIS = 10_000;

    private final SqlTransactions sql;
    private final String node;
    private final Supplier<Set<String>> mine;
    private final long seenEveryNanos;
    private long seenAt;
    /** What the database says this node has; read from it at the first look. */
    private Set<String> published;
    /** The backends this node published but has not now, and since when (System.nanoTime). */
    private final java.util.Map<String, Long> missingSince = new java.util.HashMap<>();
    private volatile Set<String> onlyOthers = Set.of();

    /** {@code seenEveryMillis}: how often the time this node was seen is written (its heartbeat). */
    NodeBackends(SqlTransactions sql, String node, Supplier<Set<String>> mine, long seenEveryMillis) {
        this.sql = sql;
        this.node = node;
        this.mine = mine;
        this.seenEveryNanos = seenEveryMillis * 1_000_000;
        this.seenAt = System.nanoTime();
    }

    /** The backends that other nodes have and this one does not: their jobs are not this node's to claim. */
    Set<String> onlyOtherNodes() {
        return onlyOthers;
    }

    @Override
    public synchronized void run() {
        try {
            Set<String> current = new TreeSet<>(mine.get());
            Set<String> others = sql.inTransaction(tx -> {
                Set<String> stored = published != null ? published : NodeBackendRows.ofNode(tx.connection(), node);
                Set<String> missing = new TreeSet<>(stored);
                missing.removeAll(current);
                missingSince.keySet().retainAll(missing);
                long now = System.nanoTime();
                Set<String> next = new TreeSet<>(current);
                for (String id : missing) {
                    if (now - missingSince.computeIfAbsent(id, gone -> now) < GIVE_UP_MILLIS * 1_000_000) {
                        next.add(id);
                    }
                }
                if (next.equals(stored)) {
                    if (System.nanoTime() - seenAt > seenEveryNanos) {
                        NodeBackendRows.seen(tx.connection(), node);
                        seenAt = System.nanoTime();
                    }
                } else {
                    NodeBackendRows.publish(tx.connection(), node, next);
                    LOG.info("Node {} has backends {}", node, next);
                }
                published = next;
                return NodeBackendRows.ofOtherNodes(tx.connection(), node);
            });
            others.removeAll(current);
            if (!others.equals(onlyOthers)) {
                LOG.info("Node {} leaves the jobs of backends {} to the nodes that have them", node, others);
            }
            onlyOthers = Set.copyOf(others);
        } catch (RuntimeException e) {
            LOG.error("Could not publish or read the nodes' backends: {}", e.getMessage(), e);
        }
    }
}
