package io.connector.store.internal.schema;

import static io.connector.store.internal.schema.Identifiers.quote;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives every identity column of an H2 store a cache of {@value #CACHE} values.
 *
 * <p>H2 hands out identity values from a cache of 32 by default. When the cache runs out it
 * writes the sequence's new high mark in a transaction of its own, and with
 * {@code WRITE_DELAY=0} every commit writes all changed pages of the store to the file: one
 * extra store write per 32 rows per table. A profile of an H2 import had four fifths of H2's
 * page writing there, a third of Karaf's CPU. With {@value #CACHE}, that write comes once per
 * {@value #CACHE} rows. A crash loses at most the unused rest of a cache: a gap in the ids,
 * which mean nothing but identity. Values stay in order, as H2's cache is the database's,
 * not a connection's.
 *
 * <p>PostgreSQL is left alone: its {@code nextval} logs 32 values ahead without a commit of
 * its own, and its cache is per connection, which would deal ids out of order.
 */
final class IdentityCaches {

    static final int CACHE = 1000;

    private IdentityCaches() {
    }

    /** Widens the caches below {@value #CACHE}; says which columns it changed. H2 only: {@link SchemaManager} calls it there. */
    static List<String> widen(Connection c) throws SQLException {
        List<String> changed = new ArrayList<>();
        List<String[]> narrow = new ArrayList<>();
        try (Statement query = c.createStatement();
                ResultSet rows = query.executeQuery("SELECT \"TABLE_NAME\", \"COLUMN_NAME\" FROM INFORMATION_SCHEMA.COLUMNS "
                        + "WHERE \"TABLE_SCHEMA\" = CURRENT_SCHEMA AND \"IS_IDENTITY\" = 'YES' AND \"IDENTITY_CACHE\" < " + CACHE)) {
            while (rows.next()) {
                narrow.add(new String[] {rows.getString(1), rows.getString(2)});
            }
        }
        try (Statement ddl = c.createStatement()) {
            for (String[] column : narrow) {
                ddl.execute("ALTER TABLE " + quote(column[0]) + " ALTER COLUMN " + quote(column[1]) + " SET CACHE " + CACHE);
                changed.add("identity cache " + column[0] + "." + column[1]);
            }
        }
        return changed;
    }
}
