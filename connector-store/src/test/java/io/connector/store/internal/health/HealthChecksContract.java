package io.connector.store.internal.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import io.connector.api.monitoring.HealthCheck.Result;
import io.connector.store.internal.schema.Migration;
import io.connector.store.testing.StoreFixture;
import io.connector.store.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The store's health checks, on whichever database a subclass gives them. */
abstract class HealthChecksContract {

    StoreFixture fixture;

    abstract TestDatabase database();

    abstract String product();

    @BeforeEach
    void openStore() {
        fixture = new StoreFixture(database());
    }

    @AfterEach
    void closeStore() {
        if (fixture != null) {
            fixture.close();
        }
    }

    /** A DataSource whose connections never come: a pool that has none left. */
    private static DataSource hanging() {
        return (DataSource) Proxy.newProxyInstance(HealthChecksContract.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Thread.sleep(60_000);
                    return null;
                });
    }

    private static DataSource refusing() {
        return (DataSource) Proxy.newProxyInstance(HealthChecksContract.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    throw new SQLException("Connection to db.example:5432 refused");
                });
    }

    @Test
    void theDatabaseAnswersAndTheCheckNamesIt() {
        DatabaseHealthCheck check = new DatabaseHealthCheck(fixture.database.dataSource(), DatabaseHealthCheck.TIMEOUT);
        Result result = check.check();
        assertThat(result.healthy()).isTrue();
        assertThat(result.message()).startsWith(product() + " ").endsWith(" answers");
        check.deactivate();
    }

    @Test
    void aDatabaseThatRefusesOrIsMissingIsUnhealthyAndSaysWhy() {
        Result refused = new DatabaseHealthCheck(refusing(), DatabaseHealthCheck.TIMEOUT).check();
        assertThat(refused).isEqualTo(Result.unhealthy("The connector database does not answer: Connection to db.example:5432 refused"));
        Result missing = new DatabaseHealthCheck(null, DatabaseHealthCheck.TIMEOUT).check();
        assertThat(missing.healthy()).isFalse();
        assertThat(missing.message()).startsWith("No connector DataSource is registered");
    }

    @Test
    void aDatabaseThatDoesNotAnswerIsUnhealthyInTimeAndTheNextCheckDoesNotStackAProbe() {
        // Probes of earlier tests in this JVM may still hang: only the threads this check starts count.
        java.util.Set<Thread> before = java.util.Set.copyOf(Thread.getAllStackTraces().keySet());
        DatabaseHealthCheck check = new DatabaseHealthCheck(hanging(), Duration.ofMillis(300));
        long begun = System.nanoTime();
        assertThat(check.check()).isEqualTo(Result.unhealthy("The connector database did not answer within 300 ms"));
        assertThat(check.check().healthy()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - begun)).isLessThan(Duration.ofSeconds(5));
        assertThat(Thread.getAllStackTraces().keySet().stream().filter(t -> !before.contains(t))
                .filter(t -> t.getName().equals("connector-health-database"))).as("one probe thread").hasSize(1);
        check.deactivate();
    }

    @Test
    void everyMigrationAppliedAndNoModelProblemIsHealthy() {
        fixture.sqlTransactions("test.component", "test-migrations");
        Result result = new MigrationsHealthCheck(fixture.store).check();
        assertThat(result.healthy()).as(result.message()).isTrue();
        assertThat(result.message()).matches("All \\d+ migrations applied; the schema follows the \\d+ models");
    }

    @Test
    void aMigrationNotRecordedAsAppliedIsListed() throws SQLException {
        fixture.sqlTransactions("test.component", "test-migrations");
        try (Connection c = fixture.database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM \"connector_schema_history\" WHERE \"component\" = 'test.component' AND \"version\" = 2");
        }
        Result result = new MigrationsHealthCheck(fixture.store).check();
        assertThat(result).isEqualTo(Result.unhealthy("Migration test.component V2 (more columns) is not applied"));
    }

    @Test
    void aRefusedMigrationIsListedUntilItsComponentsMigrationsAreAccepted() {
        Migration broken = new Migration("test.broken", 1, "broken table", "CREATE TABLE \"broken\" (;\n");
        assertThatThrownBy(() -> fixture.store.addMigrations(List.of(broken)));
        Result result = new MigrationsHealthCheck(fixture.store).check();
        assertThat(result.healthy()).isFalse();
        assertThat(result.message()).startsWith("The migrations of test.broken were refused: ")
                .contains("Migration test.broken V1 (broken table) failed");

        fixture.store.addMigrations(List.of(new Migration("test.broken", 1, "broken table", "CREATE TABLE \"fixed\" (\"id\" INT);\n")));
        assertThat(new MigrationsHealthCheck(fixture.store).check().healthy()).isTrue();
    }

    @Test
    void modelProblemsAreListed() {
        fixture.contribute("problems", 5, "/problem-models.json");
        fixture.store.inTransaction(s -> null); // the store follows the models at its next transaction
        Result result = new MigrationsHealthCheck(fixture.store).check();
        assertThat(result.healthy()).isFalse();
        assertThat(result.message()).startsWith("Model problem: problems: extends model no.such.model");
    }
}
