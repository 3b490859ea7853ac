package io.connector.core.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import io.connector.core.model.ModelContribution;
import io.connector.core.model.ModelFileReader;
import io.connector.core.model.ModelRegistry;

/** A store on a test database with the core models and the test bindings, as a container would build it. */
public final class StoreFixture implements AutoCloseable {

    public final TestDatabase database;
    public final ModelRegistry registry = new ModelRegistry();
    public final RecordListeners listeners = new RecordListeners();
    public final JdbcRecordStore store;

    public StoreFixture(TestDatabase database) {
        this.database = database;
        contribute("core", 1, "/connector/models.json");
        contribute("test.bindings", 2, "/test-models.json");
        store = new JdbcRecordStore(database.dataSource(), registry, listeners);
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
