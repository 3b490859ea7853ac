package io.connector.core.sync;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.connector.api.ConnectorException;
import io.connector.api.job.JobBuilder;
import io.connector.api.unit.AbstractUnit;
import io.connector.api.unit.BackendAdapter;
import io.connector.api.unit.BatchImporter;
import io.connector.api.unit.InvalidDataException;
import io.connector.api.unit.RecordImporter;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Finds the remote records to import and imports them: now (metadata) or, by default, by
 * delaying one {@value #IMPORT_CHUNK} job per chunk of {@link #chunkSize} records (one
 * {@value #IMPORT_RECORD} job per record when the chunk size is 1), each with an identity key so
 * that the same work already waiting is not queued twice. The batch holds the found ids only,
 * never the records.
 */
@ConsumerType
public abstract class AbstractBatchImporter extends AbstractUnit implements BatchImporter {

    /** The job function that imports one record. */
    public static final String IMPORT_RECORD = "import_record";
    /** The job function that imports a chunk of records, each on its own. */
    public static final String IMPORT_CHUNK = "import_chunk";
    /** A backend record's option: the chunk size of its imports, unless an import says otherwise. */
    public static final String CHUNK_OPTION = "import.chunk";
    /**
     * Records per job by default: on the bench (docs/benchmarks.md) 50 customers a job import at
     * 1.6 times the rate of 10 and within 5% of 200, and a chunk stays a fraction of a second.
     */
    public static final int DEFAULT_CHUNK_SIZE = 50;
    /** What one job may take at most: its arguments stay a small row, its transaction short. */
    public static final int MAX_CHUNK_SIZE = 1000;

    @Override
    public void run(Map<String, Object> filters) {
        Map<String, Object> remoteFilters = new LinkedHashMap<>(filters == null ? Map.of() : filters);
        int size = takeChunkSize(remoteFilters);
        importAll(search(remoteFilters), size);
    }

    /** Removes {@value BatchImporter#CHUNK_SIZE} from {@code filters} (it is not the remote system's) and returns the size. */
    protected final int takeChunkSize(Map<String, Object> filters) {
        return chunkSize(filters.remove(CHUNK_SIZE));
    }

    /** Imports {@code ids}: one by one when {@code chunkSize} is 1, else in chunks of that size. */
    protected final void importAll(List<String> ids, int chunkSize) {
        if (chunkSize == 1) {
            ids.forEach(this::importRecord);
            return;
        }
        for (int i = 0; i < ids.size(); i += chunkSize) {
            importChunk(List.copyOf(ids.subList(i, Math.min(ids.size(), i + chunkSize))));
        }
    }

    /**
     * The records per job: the import's {@value BatchImporter#CHUNK_SIZE}, else the backend
     * record's {@value #CHUNK_OPTION}, else {@link #defaultChunkSize}; a value that is not a
     * whole number from 1 to {@value #MAX_CHUNK_SIZE} is an error naming it.
     */
    protected int chunkSize(Object requested) {
        if (requested != null) {
            return checkedChunkSize(requested.toString(), "chunk size");
        }
        return backendRecord().option(CHUNK_OPTION).map(value -> checkedChunkSize(value, "option " + CHUNK_OPTION))
                .orElseGet(this::defaultChunkSize);
    }

    /** Records per job when neither the import nor the backend record says. */
    protected int defaultChunkSize() {
        return DEFAULT_CHUNK_SIZE;
    }

    private int checkedChunkSize(String value, String what) {
        try {
            int size = Integer.parseInt(value.trim());
            if (size >= 1 && size <= MAX_CHUNK_SIZE) {
                return size;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new ConnectorException("Backend " + backendRecord().name() + ": " + what + " '" + value
                + "' is not a whole number from 1 to " + MAX_CHUNK_SIZE);
    }

    protected List<String> search(Map<String, Object> filters) {
        return unit(BackendAdapter.class).search(filters);
    }

    /** Delays the record's import; a subclass imports now with {@link #importNow}. */
    protected void importRecord(String externalId) {
        delayImport(externalId, 10);
    }

    /** Delays the import of a chunk of records; a subclass importing now imports them one by one. */
    protected void importChunk(List<String> externalIds) {
        delayChunk(externalIds, 10);
    }

    protected final String importNow(String externalId) {
        return unit(RecordImporter.class).run(externalId, false);
    }

    protected final String delayImport(String externalId, int priority) {
        return delayImport(externalId, priority, "Import " + model() + " " + externalId + " from " + backendRecord().name());
    }

    /** {@link #delayImport(String, int)} with its own description, e.g. why the record is imported alone. */
    protected final String delayImport(String externalId, int priority, String description) {
        return recordJob(externalId, priority, description).delay();
    }

    /** A record's import_record job, on this importer's channel, one active per record. */
    private JobBuilder recordJob(String externalId, int priority, String description) {
        return onChannel(environment().jobs().job(IMPORT_RECORD)
                .args(Map.of("backend_id", backendRecord().id(), "model", model(), "external_id", externalId))
                .backend(backendRecord().id()).priority(priority)
                .identityKey(IMPORT_RECORD + " " + backendRecord().id() + " " + model() + " " + externalId)
                .description(description));
    }

    /**
     * Queues a record of a chunk that did not land as a job of its own ({@code why}: which chunk,
     * what went wrong), on this importer's channel, unless that record's job is waiting already.
     */
    public final String importAlone(String externalId, String why) {
        return delayImport(externalId, 10, aloneDescription(model(), externalId, backendRecord().name(), why));
    }

    /**
     * Records a record of a chunk that failed with bad data ({@code error}) as its own
     * {@code import_record} job, failed already with that error: run alone, it would read the
     * record again only to fail the same way. A retry of the job imports it again.
     */
    public final String failedAlone(String externalId, String why, InvalidDataException error) {
        return recordJob(externalId, 10, aloneDescription(model(), externalId, backendRecord().name(), why)).delayFailed(error);
    }

    /** The description of a record's job after its chunk, shortened to what a job row keeps. */
    public static String aloneDescription(String model, String externalId, String backendName, String why) {
        String text = "Import " + model + " " + externalId + " from " + backendName + " alone, " + why;
        return text.length() > 480 ? text.substring(0, 477) + "..." : text;
    }

    protected final String delayChunk(List<String> externalIds, int priority) {
        if (externalIds.size() == 1) {
            return delayImport(externalIds.get(0), priority);
        }
        var job = environment().jobs().job(IMPORT_CHUNK)
                .args(Map.of("backend_id", backendRecord().id(), "model", model(), "external_ids", new ArrayList<>(externalIds)))
                .backend(backendRecord().id()).priority(priority)
                // The same ids waiting already (the same batch run twice) are not queued again.
                .identityKey(IMPORT_CHUNK + " " + backendRecord().id() + " " + model() + " " + digest(externalIds))
                .description("Import " + externalIds.size() + " " + model() + " (" + externalIds.get(0) + " to "
                        + externalIds.get(externalIds.size() - 1) + ") from " + backendRecord().name());
        return onChannel(job).delay();
    }

    private JobBuilder onChannel(JobBuilder job) {
        String channel = channel();
        return channel == null ? job : job.channel(channel);
    }

    static String digest(List<String> ids) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String id : ids) {
                sha.update(id.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The channel of the import jobs; null for the function's. */
    protected String channel() {
        return null;
    }
}
