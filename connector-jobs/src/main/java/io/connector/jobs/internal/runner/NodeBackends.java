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
 * is claimed by any, and fails saying so. Run at the runner's start and with each heartbeat, so
 * a backend added or removed on a node shows on the others within a heartbeat or two.
 *
 * <p>A backend this node had is given up only when it is still missing at the next look: the
 * backend records are configured on Config Admin's thread, and a node that has just started may
 * not have them yet at its first look, when the other nodes would otherwise take its backends'
 * jobs and fail them.
 */
final class NodeBackends implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(NodeBackends.class);

    private final SqlTransactions sql;
    private final String node;
    private final Supplier<Set<String>> mine;
    /** What the database says this node has; read from it at the first look. */
    private Set<String> published;
    private Set<String> missingLastTime = Set.of();
    private volatile Set<String> onlyOthers = Set.of();

    NodeBackends(SqlTransactions sql, String node, Supplier<Set<String>> mine) {
        this.sql = sql;
        this.node = node;
        this.mine = mine;
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
                Set<String> next = new TreeSet<>(current);
                missing.stream().filter(id -> !missingLastTime.contains(id)).forEach(next::add);
                if (next.equals(stored)) {
                    NodeBackendRows.seen(tx.connection(), node);
                } else {
                    NodeBackendRows.publish(tx.connection(), node, next);
                    LOG.info("Node {} has backends {}", node, next);
                }
                published = next;
                missingLastTime = missing;
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
