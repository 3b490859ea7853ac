package io.connector.store.internal.schema;

import static io.connector.store.internal.schema.Identifiers.quote;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.connector.api.store.FieldInfo.Types;
import io.connector.store.internal.model.FieldDefinition;
import io.connector.store.internal.model.ModelDefinition;
import io.connector.store.internal.model.Models;

/**
 * Tells H2's planner, before it has statistics, that a field a model declares indexed picks out
 * few rows: its column's selectivity goes from H2's default, 50, to {@value #DECLARED}.
 *
 * <p>H2 plans a statement when a connection first prepares it and keeps the plan in the
 * connection's query cache until the schema changes; newer statistics ({@code ANALYZE}, which H2
 * runs by itself as tables grow) do not replan it. A store starts empty, so its lookups are
 * planned with every column at 50. Then {@code email = ? AND parent_id IS NULL}, the partner
 * lookup of a customer import, took the many-to-one index of {@code parent_id} (declared first),
 * and went on scanning every partner without a parent for each customer: a quarter of Karaf's
 * CPU at 10,000 customers, and a cost growing with the store. A column {@code ANALYZE} measured
 * keeps its measure. PostgreSQL plans with its current statistics and is left alone.
 */
final class IndexSelectivity {

    /** What H2 assumes of a column it has not analyzed. */
    private static final int H2_DEFAULT = 50;

    static final int DECLARED = 90;

    private IndexSelectivity() {
    }

    /**
     * Sets the selectivity of the declared-indexed columns H2 has no measure of; says which it set.
     * H2 only: {@link SchemaManager} calls it there.
     */
    static List<String> favourDeclaredIndexes(Connection c, Models models) throws SQLException {
        Set<String> unmeasured = new HashSet<>();
        try (Statement query = c.createStatement();
                ResultSet rows = query.executeQuery("SELECT \"TABLE_NAME\", \"COLUMN_NAME\" FROM INFORMATION_SCHEMA.COLUMNS "
                        + "WHERE \"TABLE_SCHEMA\" = CURRENT_SCHEMA AND \"SELECTIVITY\" = " + H2_DEFAULT)) {
            while (rows.next()) {
                unmeasured.add(rows.getString(1) + "." + rows.getString(2));
            }
        }
        List<String> changed = new ArrayList<>();
        try (Statement ddl = c.createStatement()) {
            for (ModelDefinition model : models.all()) {
                for (FieldDefinition field : model.definitions().values()) {
                    if (field.stored() && field.index() && !field.type().equals(Types.MANY2ONE)
                            && unmeasured.contains(model.table() + "." + field.name())) {
                        ddl.execute("ALTER TABLE " + quote(model.table()) + " ALTER COLUMN " + quote(field.name())
                                + " SELECTIVITY " + DECLARED);
                        changed.add("selectivity " + model.table() + "." + field.name());
                    }
                }
            }
        }
        return changed;
    }
}
