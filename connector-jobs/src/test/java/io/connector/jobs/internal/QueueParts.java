package io.connector.jobs.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.function.Supplier;

import io.connector.jobs.internal.runner.JobRunner;
import io.connector.store.internal.BundleSqlTransactions;
import io.connector.store.internal.JdbcRecordStore;
import io.connector.store.internal.schema.Migration;
import io.connector.store.spi.SqlTransactions;

/**
 * The queue's components on a store a test made, wired as the container wires them: the store's
 * SPI after the queue's migrations, the channels, the signal, the queue, the operators' side, and
 * a runner started unless the configuration says not.
 */
final class QueueParts {

    /** SQL on the connection of a store transaction. */
    @FunctionalInterface
    interface ConnectionWork<T> {
        T run(Connection c) throws SQLException;
    }

    final SqlTransactions sql;
    final JobSignal signal = new JobSignal();
    final JobChannels channels;
    final ConnectorJobQueue queue;
    final JobAdminService admin;
    final JobRunner runner;

    QueueParts(JdbcRecordStore store, JobFunctions functions, TestJobConfig config) {
        this(store, functions, config, Set::of);
    }

    /** On a node that has the backends (ids) {@code backends} gives. */
    QueueParts(JdbcRecordStore store, JobFunctions functions, TestJobConfig config, Supplier<Set<String>> backends) {
        sql = sqlTransactions(store);
        channels = new JobChannels(config.channels());
        queue = new ConnectorJobQueue(sql, store, functions, channels, signal);
        admin = new JobAdminService(sql, channels, signal);
        if (config.runner) {
            runner = new JobRunner(sql, functions, queue, channels, signal, backends);
            runner.start(config);
        } else {
            runner = null;
        }
    }

    /** What the queue bundle gets from the store: its migrations applied first. */
    static SqlTransactions sqlTransactions(JdbcRecordStore store) {
        return new BundleSqlTransactions(store, Migration.list("io.connector.jobs", "io/connector/jobs/schema", store.database(),
                QueueParts.class.getClassLoader()::getResource));
    }

    <T> T inConnection(ConnectionWork<T> work) {
        return sql.inTransaction(tx -> work.run(tx.connection()));
    }
}
