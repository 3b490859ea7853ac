package io.connector.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.connector.store.internal.schema.SchemaManager;
import io.connector.store.testing.TestDatabase;
import org.junit.jupiter.api.Test;

class H2StoreTest extends StoreContract {

    @Override
    TestDatabase database() {
        return TestDatabase.h2();
    }

    @Test
    void everyIdentityDealsFromACacheOfAThousandAndAnOlderStoreIsWidenedAtTheNextMigration() throws SQLException {
        javax.sql.DataSource dataSource = fixture.database.dataSource();
        assertThat(identityCaches(dataSource)).as("the models' tables").isNotEmpty()
                .allSatisfy((column, cache) -> assertThat(cache).as(column).isEqualTo(1000L));

        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            // As a store made before the change has them: H2's default cache.
            s.execute("ALTER TABLE \"res_partner\" ALTER COLUMN \"id\" SET CACHE 32");
        }
        assertThat(identityCaches(dataSource)).containsEntry("res_partner.id", 32L);
        SchemaManager.Report report = SchemaManager.migrate(dataSource, List.of(), fixture.registry.current());
        assertThat(report.changes()).containsExactly("identity cache res_partner.id");
        assertThat(identityCaches(dataSource)).containsEntry("res_partner.id", 1000L);

        long first = partner("first");
        long second = partner("second");
        assertThat(second).as("ids stay in the order rows were written").isGreaterThan(first);
    }

    @Test
    void anEmptyStoreAlreadyPlansAPartnerLookupByEmailOnTheEmailIndex() throws SQLException {
        // H2 keeps a connection's first plan of a statement; a store's first plans are made while
        // its tables are empty. This one took parent_id's index and then scanned every partner.
        String lookup = "SELECT \"id\" FROM \"res_partner\" WHERE \"email\" = 'jane@example.com' AND \"parent_id\" IS NULL "
                + "ORDER BY \"id\" LIMIT 1";
        javax.sql.DataSource dataSource = fixture.database.dataSource();
        assertThat(explain(dataSource, lookup)).contains("ix_res_partner_email");

        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE \"res_partner\" ALTER COLUMN \"email\" SELECTIVITY 50");
        }
        assertThat(explain(dataSource, lookup)).as("H2's default selectivity").contains("ix_res_partner_parent_id");
        assertThat(SchemaManager.migrate(dataSource, List.of(), fixture.registry.current()).changes())
                .containsExactly("selectivity res_partner.email");
        assertThat(explain(dataSource, lookup)).contains("ix_res_partner_email");

        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE \"res_partner\" ALTER COLUMN \"email\" SELECTIVITY 37");
        }
        assertThat(SchemaManager.migrate(dataSource, List.of(), fixture.registry.current()).changes())
                .as("a measured selectivity stays").isEmpty();
    }

    private static String explain(javax.sql.DataSource dataSource, String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet plan = s.executeQuery("EXPLAIN " + sql)) {
            plan.next();
            return plan.getString(1);
        }
    }

    private static Map<String, Long> identityCaches(javax.sql.DataSource dataSource) throws SQLException {
        Map<String, Long> caches = new HashMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT \"TABLE_NAME\", \"COLUMN_NAME\", \"IDENTITY_CACHE\" "
                        + "FROM INFORMATION_SCHEMA.COLUMNS WHERE \"TABLE_SCHEMA\" = CURRENT_SCHEMA AND \"IS_IDENTITY\" = 'YES'")) {
            while (rows.next()) {
                caches.put(rows.getString(1) + "." + rows.getString(2), rows.getLong(3));
            }
        }
        return caches;
    }
}
