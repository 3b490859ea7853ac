package io.connector.store.internal.schema;

/**
 * Table, column and index names as both databases see them: always quoted and lower case, so
 * that a field may be called {@code value} or {@code order}, and short enough for PostgreSQL.
 */
public final class Identifiers {

    /** PostgreSQL cuts identifiers at 63 bytes; names are kept below that everywhere. */
    public static final int MAX_IDENTIFIER = 63;

    private Identifiers() {
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
}
