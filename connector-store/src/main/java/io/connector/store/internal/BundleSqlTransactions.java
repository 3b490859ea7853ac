package io.connector.store.internal;

import java.util.List;

import io.connector.api.store.StoreException;
import io.connector.store.internal.schema.Migration;
import io.connector.store.spi.ConnectorSchema;
import io.connector.store.spi.Database;
import io.connector.store.spi.SqlTransactions;
import io.connector.store.spi.SqlWork;
import org.osgi.framework.Bundle;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * The store's transactions for one bundle. Bundle-scoped: the instance a bundle gets is made
 * for it, after the migrations its {@value ConnectorSchema#HEADER} header names were applied, so
 * that a component of that bundle which has the service also has its tables.
 */
@Component(service = SqlTransactions.class, scope = ServiceScope.BUNDLE)
public final class BundleSqlTransactions implements SqlTransactions {

    private final JdbcRecordStore store;
    private final List<Migration> migrations;

    @Activate
    public BundleSqlTransactions(@Reference JdbcRecordStore store, ComponentContext context) {
        this(store, migrationsOf(context.getUsingBundle(), store.database()));
    }

    /** For a bundle's migrations given directly, as tests and embedded uses do. */
    public BundleSqlTransactions(JdbcRecordStore store, List<Migration> migrations) {
        this.store = store;
        this.migrations = List.copyOf(migrations);
        if (!this.migrations.isEmpty()) {
            store.addMigrations(this.migrations);
        }
    }

    @Deactivate
    void deactivate() {
        store.removeMigrations(migrations);
    }

    @Override
    public <T> T inTransaction(SqlWork<T> work) {
        return store.inSqlTransaction(work);
    }

    @Override
    public Database database() {
        return store.database();
    }

    /** The scripts a bundle's header names ({@code FOLDER;component=NAME}), none without the header. */
    static List<Migration> migrationsOf(Bundle bundle, Database database) {
        String header = bundle.getHeaders("").get(ConnectorSchema.HEADER);
        if (header == null || header.isBlank()) {
            return List.of();
        }
        String folder = null;
        String component = null;
        for (String part : header.split(";")) {
            String item = part.trim();
            if (item.startsWith("component=")) {
                component = item.substring("component=".length()).replace("\"", "").trim();
            } else if (folder == null && !item.isEmpty()) {
                folder = item;
            }
        }
        if (folder == null || component == null || component.isEmpty()) {
            throw new StoreException("Bundle " + bundle.getSymbolicName() + ": header " + ConnectorSchema.HEADER + " '"
                    + header + "' must be FOLDER;component=NAME");
        }
        return Migration.list(component, folder, database, bundle::getEntry);
    }
}
