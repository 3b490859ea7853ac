package io.connector.store.internal.health;

import java.util.List;

import io.connector.api.monitoring.HealthCheck;
import io.connector.store.internal.JdbcRecordStore;
import io.connector.store.internal.JdbcRecordStore.SchemaStatus;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code migrations}: every migration the store knows of (its own and the started bundles') is
 * recorded as applied, none was refused, the schema follows the models, and the models have no
 * problems. Without the store (no database at activation) there is no check: {@code database}
 * says why.
 */
@Component(service = HealthCheck.class, property = HealthCheck.NAME + "=migrations")
public final class MigrationsHealthCheck implements HealthCheck {

    /** The problems an answer lists; the others are counted. */
    static final int MAX_LISTED = 10;

    private final JdbcRecordStore store;

    @Activate
    public MigrationsHealthCheck(@Reference JdbcRecordStore store) {
        this.store = store;
    }

    @Override
    public Result check() {
        SchemaStatus status;
        try {
            status = store.schemaStatus();
        } catch (RuntimeException e) {
            return Result.unhealthy("Cannot read the state of the schema: " + e.getMessage());
        }
        List<String> problems = status.problems();
        if (problems.isEmpty()) {
            return Result.healthy("All " + status.migrations() + " migrations applied; the schema follows the "
                    + status.models() + " models");
        }
        String listed = String.join("; ", problems.subList(0, Math.min(MAX_LISTED, problems.size())));
        return Result.unhealthy(problems.size() > MAX_LISTED
                ? listed + "; and " + (problems.size() - MAX_LISTED) + " more (connector:models lists the model problems)"
                : listed);
    }
}
