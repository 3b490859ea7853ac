package io.connector.store.spi;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import io.connector.api.store.StoreException;

/** The databases the store runs on, and what SQL written for both must know of them. */
public enum Database {

    H2("H2"),
    POSTGRESQL("PostgreSQL");

    private final String productName;

    Database(String productName) {
        this.productName = productName;
    }

    /** The database of a connection; one the store does not run on is an error naming it. */
    public static Database of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        for (Database database : values()) {
            if (database.productName.equalsIgnoreCase(product)) {
                return database;
            }
        }
        throw new StoreException("The connector store runs on H2 or PostgreSQL; the configured DataSource is " + product);
    }

    public String productName() {
        return productName;
    }

    /** SQLState 23505, a unique or primary key violation, the same on both, anywhere in the causes. */
    public static boolean isUniqueViolation(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * A deadlock or serialization conflict, or a lock wait that timed out: PostgreSQL's 40P01 and
     * 40001, H2's 40001 and HYT00. Nothing is wrong with the work; run again, it succeeds.
     */
    public static boolean isConflict(SQLException e) {
        String state = e.getSQLState();
        return "40P01".equals(state) || "40001".equals(state) || "HYT00".equals(state);
    }

    /** SQLState class 23: a constraint refused the change. */
    public static boolean isIntegrityViolation(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("23");
    }

    /** Lower case, as migration file names spell it ({@code V1__x.postgresql.sql}). */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
