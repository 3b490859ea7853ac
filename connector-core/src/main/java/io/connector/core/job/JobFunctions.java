package io.connector.core.job;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.connector.api.job.JobFunction;
import io.connector.api.job.RetryableJobException;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The job functions registered as services, by name, with their defaults. */
@Component(service = JobFunctions.class)
public final class JobFunctions {

    private static final Logger LOG = LoggerFactory.getLogger(JobFunctions.class);
    static final int DEFAULT_TIMEOUT = 3600;

    /**
     * A function and its service properties. The function object is obtained when a job first
     * needs it, not when it is registered: a job function may itself need the job queue (an import
     * batch delays record jobs), and the queue needs this registry, so getting the service at bind
     * time would be a service cycle that leaves the queue unsatisfied.
     */
    public record Registered(String name, Supplier<JobFunction> source, Object key, String channel, int timeoutSeconds,
            RetryPattern retryPattern, String description) {

        public JobFunction function() {
            JobFunction function = source.get();
            if (function == null) {
                throw new RetryableJobException("Job function '" + name + "' went away (its bundle is stopping)");
            }
            return function;
        }
    }

    private final Map<String, Registered> byName = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindFunction(ComponentServiceObjects<JobFunction> service, Map<String, Object> properties) {
        register(new Lazy(service), service, properties, String.valueOf(properties.get("component.name")));
    }

    void unbindFunction(ComponentServiceObjects<JobFunction> service, Map<String, Object> properties) {
        byName.values().removeIf(registered -> registered.key() == service);
    }

    /** Registers a function object directly, as tests and embedded uses do. */
    public void add(JobFunction function, Map<String, Object> properties) {
        register(() -> function, function, properties, function.getClass().getName());
    }

    public void remove(JobFunction function, Map<String, Object> properties) {
        byName.values().removeIf(registered -> registered.key() == function);
    }

    private void register(Supplier<JobFunction> source, Object key, Map<String, Object> properties, String what) {
        Object name = properties.get(JobFunction.NAME);
        if (name == null || name.toString().isBlank()) {
            LOG.error("Ignoring job function {}: it has no {} service property", what, JobFunction.NAME);
            return;
        }
        try {
            Registered registered = new Registered(name.toString(), source, key, text(properties.get(JobFunction.CHANNEL),
                    ChannelTree.ROOT), properties.get(JobFunction.TIMEOUT) == null ? DEFAULT_TIMEOUT
                            : Integer.parseInt(properties.get(JobFunction.TIMEOUT).toString().trim()),
                    RetryPattern.parse(text(properties.get(JobFunction.RETRY_PATTERN), "")),
                    text(properties.get(JobFunction.DESCRIPTION), "Function " + name));
            if (byName.putIfAbsent(registered.name(), registered) != null) {
                LOG.error("Ignoring a second job function named {} ({}); the first one stays", name, what);
            }
        } catch (IllegalArgumentException e) {
            LOG.error("Ignoring job function {}: {}", name, e.getMessage());
        }
    }

    public Optional<Registered> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Set<String> names() {
        return new TreeSet<>(byName.keySet());
    }

    /** The service object, got once on first use; SCR releases it when the reference is unbound. */
    private static final class Lazy implements Supplier<JobFunction> {

        private final ComponentServiceObjects<JobFunction> service;
        private volatile JobFunction function;

        Lazy(ComponentServiceObjects<JobFunction> service) {
            this.service = service;
        }

        @Override
        public JobFunction get() {
            JobFunction current = function;
            if (current == null) {
                synchronized (this) {
                    current = function;
                    if (current == null) {
                        current = service.getService();
                        function = current;
                    }
                }
            }
            return current;
        }
    }

    private static String text(Object value, String fallback) {
        return value == null || value.toString().isBlank() ? fallback : value.toString().trim();
    }
}
