package io.connector.core.internal.environment;

import java.util.Map;

import io.connector.api.BackendRecord;
import io.connector.api.BackendRecords;
import io.connector.api.ConnectorException;
import io.connector.api.Environment;
import io.connector.api.EnvironmentFactory;
import io.connector.api.UnknownBackendException;
import io.connector.api.job.JobContext;
import io.connector.api.job.JobFunction;
import io.connector.api.job.RetryableJobException;

/**
 * A job function that works in an environment on the job's backend record and model (arguments
 * {@code backend_id} and {@code model}): what the import and export jobs share.
 */
public abstract class BackendJob implements JobFunction {

    private final BackendRecords backends;
    private final EnvironmentFactory environments;

    protected BackendJob(BackendRecords backends, EnvironmentFactory environments) {
        this.backends = backends;
        this.environments = environments;
    }

    protected final Environment open(JobContext context) {
        BackendRecord backend;
        try {
            backend = backends.get(text(context, "backend_id"));
        } catch (UnknownBackendException e) {
            // Retried on the job's pattern, then failed: a node that has just started may not have
            // its backend records yet (Config Admin delivers them on its own thread); a backend
            // removed for good fails after the last try, saying so.
            throw new RetryableJobException("Not on this node, which is still starting or runs other backends: " + e.getMessage(), e);
        }
        return environments.open(backend, text(context, "model"), Map.of("job", context.uuid()));
    }

    /** A required argument, as text; its absence is an error naming it and the arguments there are. */
    public static String text(JobContext context, String name) {
        Object value = context.args().get(name);
        if (value == null || value.toString().isBlank()) {
            throw new ConnectorException("Job " + context.function() + " needs the argument '" + name + "'; it has "
                    + context.args().keySet());
        }
        return value.toString();
    }

    /** Up to 20 ids and "..." after them: how a chunk job's result names the records it left to jobs of their own. */
    public static String listed(java.util.Collection<String> ids) {
        java.util.List<String> all = java.util.List.copyOf(ids);
        return String.join(", ", all.size() > 20 ? all.subList(0, 20) : all) + (all.size() > 20 ? ", ..." : "");
    }

    /** A description cut to what a job row keeps. */
    public static String shortened(String text) {
        return text.length() > 480 ? text.substring(0, 477) + "..." : text;
    }
}
