package io.connector.core.job;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import io.connector.api.job.JobFunction;
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

    /** A function and its service properties. */
    public record Registered(String name, JobFunction function, String channel, int timeoutSeconds,
            RetryPattern retryPattern, String description) {
    }

    private final Map<String, Registered> byName = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void add(JobFunction function, Map<String, Object> properties) {
        Object name = properties.get(JobFunction.NAME);
        if (name == null || name.toString().isBlank()) {
            LOG.error("Ignoring job function {}: it has no {} service property", function.getClass().getName(), JobFunction.NAME);
            return;
        }
        try {
            Registered registered = new Registered(name.toString(), function, text(properties.get(JobFunction.CHANNEL),
                    ChannelTree.ROOT), properties.get(JobFunction.TIMEOUT) == null ? DEFAULT_TIMEOUT
                            : Integer.parseInt(properties.get(JobFunction.TIMEOUT).toString().trim()),
                    RetryPattern.parse(text(properties.get(JobFunction.RETRY_PATTERN), "")),
                    text(properties.get(JobFunction.DESCRIPTION), "Function " + name));
            if (byName.putIfAbsent(registered.name(), registered) != null) {
                LOG.error("Ignoring a second job function named {} ({}); the first one stays", name, function.getClass().getName());
            }
        } catch (IllegalArgumentException e) {
            LOG.error("Ignoring job function {}: {}", name, e.getMessage());
        }
    }

    public void remove(JobFunction function, Map<String, Object> properties) {
        byName.values().removeIf(registered -> registered.function() == function);
    }

    public Optional<Registered> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Set<String> names() {
        return new TreeSet<>(byName.keySet());
    }

    private static String text(Object value, String fallback) {
        return value == null || value.toString().isBlank() ? fallback : value.toString().trim();
    }
}
