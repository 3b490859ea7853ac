package io.connector.api;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The imports the installed bundles declare ({@link DeclareImport}), as operators start them: the
 * shell's {@code connector:import}, the web console. The connector core registers it.
 */
@ProviderType
public interface Imports {

    /** An import a backend record offers. */
    record Offered(String name, List<String> models, boolean incremental, String description) {
    }

    /**
     * What one start did: the batch jobs it delayed, one per model in the declared order, and the
     * remote change date it imports from when incremental.
     */
    record Started(String backendId, String backendName, String name, Optional<LocalDateTime> from, List<String> jobUuids) {
    }

    /** The imports of a backend record (by name or id), in their declared order. */
    List<Offered> offered(String backend) throws UnknownBackendException;

    /**
     * Starts import {@code name} for a backend record: its batch jobs are delayed.
     *
     * @param since for an incremental import, the change date to import from instead of where the previous one
     *            ended; null for that
     * @throws ConnectorException naming what is wrong: the backend, the import, a model without a batch importer
     */
    Started start(String backend, String name, LocalDateTime since);
}
