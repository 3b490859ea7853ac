package io.connector.store.spi;

import java.sql.SQLException;

import org.osgi.annotation.versioning.ConsumerType;

/** SQL work in a store transaction. */
@ConsumerType
@FunctionalInterface
public interface SqlWork<T> {

    T run(SqlTransaction transaction) throws SQLException;
}
