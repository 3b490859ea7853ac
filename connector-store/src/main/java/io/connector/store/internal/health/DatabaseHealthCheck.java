package io.connector.store.internal.health;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import io.connector.api.monitoring.HealthCheck;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * {@code database}: the connector's DataSource gives a connection that answers, within
 * {@link #TIMEOUT}. It shares the store's configuration, so that the store's
 * {@code dataSource.target} selects the DataSource checked here too; without one it is unhealthy
 * rather than absent. The probe runs on a thread of its own: a pool waiting for a connection or a
 * server that does not answer must not hold the caller (a load balancer's probe); while one probe
 * hangs, the next checks wait for the same one rather than start another.
 */
@Component(service = HealthCheck.class, property = HealthCheck.NAME + "=database", configurationPid = "io.connector.store")
public final class DatabaseHealthCheck implements HealthCheck {

    /** How long a check waits for the database, getting a connection included. */
    static final Duration TIMEOUT = Duration.ofSeconds(3);
    /** What {@link Connection#isValid} is given, in seconds. */
    private static final int VALID_SECONDS = 2;

    @Reference(name = "dataSource", target = "(dataSourceName=connector)", cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC)
    private volatile DataSource dataSource;
    private final Duration timeout;
    private final ExecutorService prober = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "connector-health-database");
        thread.setDaemon(true);
        return thread;
    });
    private Future<Result> probe;

    /** For the container: the DataSource is injected. */
    public DatabaseHealthCheck() {
        this.timeout = TIMEOUT;
    }

    /** For use without a container: {@code dataSource} may be null (none registered). */
    public DatabaseHealthCheck(DataSource dataSource, Duration timeout) {
        this.dataSource = dataSource;
        this.timeout = timeout;
    }

    @Deactivate
    public void deactivate() {
        prober.shutdownNow();
    }

    @Override
    public Result check() {
        DataSource source = dataSource;
        if (source == null) {
            return Result.unhealthy("No connector DataSource is registered (dataSourceName=connector, made by pax-jdbc-config "
                    + "from etc/org.ops4j.datasource-connector.cfg)");
        }
        Future<Result> running;
        synchronized (this) {
            if (probe == null || probe.isDone()) {
                probe = prober.submit(() -> probe(source));
            }
            running = probe;
        }
        try {
            return running.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return Result.unhealthy("The connector database did not answer within " + (timeout.toMillis() % 1000 == 0
                    ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms"));
        } catch (ExecutionException e) {
            return Result.unhealthy("The connector database could not be checked: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Result.unhealthy("The check of the connector database was interrupted");
        }
    }

    private static Result probe(DataSource source) {
        try (Connection c = source.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            String product = meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
            return c.isValid(VALID_SECONDS) ? Result.healthy(product + " answers")
                    : Result.unhealthy(product + " does not answer within " + VALID_SECONDS + " s on a connection of the pool");
        } catch (SQLException | RuntimeException e) {
            return Result.unhealthy("The connector database does not answer: " + e.getMessage());
        }
    }
}
