package io.connector.core.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import io.connector.api.store.FieldInfo.Types;
import io.connector.api.store.StoreException;
import io.connector.core.model.FieldDefinition;

/**
 * The differences between the databases the store runs on. Identifiers are always quoted and
 * lower-case, so that a field may be called {@code value} or {@code order} and both databases
 * see the same names.
 */
public enum Dialect {

    H2("H2"),
    POSTGRESQL("PostgreSQL");

    /** PostgreSQL cuts identifiers at 63 bytes; names are kept below that everywhere. */
    public static final int MAX_IDENTIFIER = 63;

    private final String productName;

    Dialect(String productName) {
        this.productName = productName;
    }

    public static Dialect of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        for (Dialect dialect : values()) {
            if (dialect.productName.equalsIgnoreCase(product)) {
                return dialect;
            }
        }
        throw new StoreException("The connector store runs on H2 or PostgreSQL; the configured DataSource is " + product);
    }

    public String productName() {
        return productName;
    }

    public static String quote(String identifier) {
        return '"' + identifier + '"';
    }

    /** A name of at most 63 characters: long ones keep their start and get a hash for the rest. */
    public static String identifier(String name) {
        if (name.length() <= MAX_IDENTIFIER) {
            return name;
        }
        String hash = Integer.toHexString(name.hashCode());
        return name.substring(0, MAX_IDENTIFIER - hash.length() - 1) + "_" + hash;
    }

    public String columnType(FieldDefinition field) {
        return switch (field.type()) {
            case Types.TEXT, Types.SELECTION -> "VARCHAR";
            case Types.INTEGER, Types.MANY2ONE -> "BIGINT";
            // Fixed scale: both databases keep it exactly; reads strip the trailing zeros.
            case Types.DECIMAL -> "NUMERIC(30,10)";
            case Types.BOOLEAN -> "BOOLEAN";
            case Types.DATE -> "DATE";
            case Types.DATETIME -> "TIMESTAMP";
            default -> throw new IllegalArgumentException(field.type() + " has no column");
        };
    }

    /** SQLState of a unique or primary key violation, the same on both. */
    public static boolean isUniqueViolation(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** SQLState class 23: a constraint refused the change. */
    public static boolean isIntegrityViolation(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("23");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
