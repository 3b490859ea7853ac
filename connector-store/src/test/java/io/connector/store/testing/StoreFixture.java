package io.connector.store.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import io.connector.api.store.RecordStore;
import io.connector.store.internal.BundleSqlTransactions;
import io.connector.store.internal.JdbcRecordStore;
import io.connector.store.internal.RecordListeners;
import io.connector.store.internal.model.ModelContribution;
import io.connector.store.internal.model.ModelFileReader;
import io.connector.store.internal.model.ModelRegistry;
import io.connector.store.internal.schema.Migration;
import io.connector.store.spi.SqlTransactions;

/**
 * A real record store on a test database, built as the container builds it: the models of the
 * given files (class path resources, as bundles would contribute them, in that order), the
 * store's own tables, and for the bundles that keep tables of their own, their migrations and
 * {@link SqlTransactions}. Shared with the modules built on the store through its test jar.
 */
public final class StoreFixture implements AutoCloseable {

    /** The models of the store's own tests. */
    public static final String TEST_MODELS = "/test-models.json";

    public final TestDatabase database;
    public final ModelRegistry registry = new ModelRegistry();
    public final RecordListeners listeners = new RecordListeners();
    public final JdbcRecordStore store;

    /** A store with the models of {@value #TEST_MODELS}. */
    public StoreFixture(TestDatabase database) {
        this(database, TEST_MODELS);
    }

    /** A store with the models of these files, e.g. {@code "/connector/models.json", "/test-models.json"}. */
    public StoreFixture(TestDatabase database, String... modelFiles) {
        this.database = database;
        for (int i = 0; i < modelFiles.length; i++) {
            contribute(modelFiles[i], i + 1, modelFiles[i]);
        }
        store = new JdbcRecordStore(database.dataSource(), registry, listeners);
    }

    /** The store as the API gives it. */
    public RecordStore recordStore() {
        return store;
    }

    /**
     * What a bundle whose {@code Connector-Schema} names {@code folder} (a class path folder here)
     * and {@code component} gets: its migrations are applied first.
     */
    public SqlTransactions sqlTransactions(String component, String folder) {
        return new BundleSqlTransactions(store, Migration.list(component, folder, store.database(),
                StoreFixture.class.getClassLoader()::getResource));
    }

    /** Adds a bundle's model file, as starting that bundle would. */
    public void contribute(String bundle, long order, String resource) {
        registry.contributed(bundle, contribution(bundle, order, resource));
    }

    public static ModelContribution contribution(String bundle, long order, String resource) {
        try (InputStream in = StoreFixture.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException(resource + " is missing");
            }
            return ModelFileReader.read(bundle, order, resource, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        database.close();
    }
}
