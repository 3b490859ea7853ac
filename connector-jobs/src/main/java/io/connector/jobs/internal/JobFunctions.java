package io.connector.jobs.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.connector.api.job.JobFunction;
import io.connector.api.job.RetryableJobException;
import org.osgi.framework.Constants;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job functions registered as services, by name, with their defaults. Several functions of
 * one name are ordered as OSGi orders services: the highest {@code service.ranking}, then the
 * lowest {@code service.id}, runs the jobs; when it goes, the next one takes over.
 */
@Component(service = JobFunctions.class)
public final class JobFunctions {

    private static final Logger LOG = LoggerFactory.getLogger(JobFunctions.class);
    public static final int DEFAULT_TIMEOUT = 3600;

    /**
     * A function and its service properties. The function object is obtained when a job first
     * needs it, not when it is registered: a job function may itself need the job queue (an import
     * batch delays record jobs), and the queue needs this registry, so getting the service at bind
     * time would be a service cycle that leaves the queue unsatisfied.
     */
    public record Registered(String name, Supplier<JobFunction> source, Object key, int ranking, long serviceId,
            String channel, int timeoutSeconds, RetryPattern retryPattern, String description, String what) {

        public JobFunction function() {
            JobFunction function = source.get();
            if (function == null) {
                throw new RetryableJobException("Job function '" + name + "' went away (its bundle is stopping)");
            }
            return function;
        }
    }

    private static final Comparator<Registered> WINNER_FIRST = Comparator.comparingInt(Registered::ranking).reversed()
            .thenComparingLong(Registered::serviceId);

    private final Map<String, Set<Registered>> byName = new ConcurrentHashMap<>();
    /** Functions added without a service id (tests, embedded uses) are ordered as they came. */
    private final AtomicLong added = new AtomicLong(Long.MAX_VALUE / 2);
    private final List<Consumer<String>> arrivals = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindFunction(ComponentServiceObjects<JobFunction> service, Map<String, Object> properties) {
        register(new Lazy(service), service, properties, String.valueOf(properties.get("component.name")));
    }

    void unbindFunction(ComponentServiceObjects<JobFunction> service, Map<String, Object> properties) {
        unregister(service);
    }

    /** Registers a function object directly, as tests and embedded uses do. */
    public void add(JobFunction function, Map<String, Object> properties) {
        register(() -> function, function, properties, function.getClass().getName());
    }

    public void remove(JobFunction function, Map<String, Object> properties) {
        unregister(function);
    }

    private void register(Supplier<JobFunction> source, Object key, Map<String, Object> properties, String what) {
        Object name = properties.get(JobFunction.NAME);
        if (name == null || name.toString().isBlank()) {
            LOG.error("Ignoring job function {}: it has no {} service property", what, JobFunction.NAME);
            return;
        }
        Registered registered;
        try {
            registered = new Registered(name.toString(), source, key, ranking(properties.get(Constants.SERVICE_RANKING)),
                    properties.get(Constants.SERVICE_ID) instanceof Number id ? id.longValue() : added.incrementAndGet(),
                    text(properties.get(JobFunction.CHANNEL), ChannelTree.ROOT), timeout(properties.get(JobFunction.TIMEOUT)),
                    RetryPattern.parse(text(properties.get(JobFunction.RETRY_PATTERN), "")),
                    text(properties.get(JobFunction.DESCRIPTION), "Function " + name), what);
        } catch (IllegalArgumentException e) {
            LOG.error("Ignoring job function {} ({}): {}", name, what, e.getMessage());
            return;
        }
        Set<Registered> candidates = byName.computeIfAbsent(registered.name(),
                n -> new ConcurrentSkipListSet<>(WINNER_FIRST));
        candidates.add(registered);
        if (candidates.size() == 1) {
            arrivals.forEach(arrival -> arrival.accept(registered.name()));
        }
        Registered winner = candidates.iterator().next();
        if (candidates.size() > 1) {
            LOG.warn("Job function {} is registered {} times: {} runs its jobs (service.ranking {}, service.id {}); the next "
                    + "takes over if it goes", registered.name(), candidates.size(), winner.what(), winner.ranking(),
                    winner.serviceId());
        }
    }

    private void unregister(Object key) {
        for (Map.Entry<String, Set<Registered>> entry : byName.entrySet()) {
            Set<Registered> candidates = entry.getValue();
            Registered before = candidates.isEmpty() ? null : candidates.iterator().next();
            if (candidates.removeIf(registered -> registered.key() == key) && before != null && before.key() == key
                    && !candidates.isEmpty()) {
                LOG.info("Job function {}: {} takes over from {}", entry.getKey(), candidates.iterator().next().what(),
                        before.what());
            }
        }
        byName.values().removeIf(Set::isEmpty);
    }

    /** Told the name of each function that was not registered and now is, on the registering thread. */
    public void addArrivalListener(Consumer<String> listener) {
        arrivals.add(listener);
    }

    public void removeArrivalListener(Consumer<String> listener) {
        arrivals.remove(listener);
    }

    /** The function that runs the jobs of {@code name} now. */
    public Optional<Registered> get(String name) {
        Set<Registered> candidates = byName.get(name);
        if (candidates == null) {
            return Optional.empty();
        }
        return candidates.stream().findFirst();
    }

    public Set<String> names() {
        return new TreeSet<>(byName.keySet());
    }

    /** Every function of {@code name}, the one that runs its jobs first. */
    public List<Registered> candidates(String name) {
        return List.copyOf(byName.getOrDefault(name, Set.of()));
    }

    private static int ranking(Object value) {
        return value instanceof Integer ranking ? ranking : 0;
    }

    private static int timeout(Object value) {
        if (value == null) {
            return DEFAULT_TIMEOUT;
        }
        try {
            return Integer.parseInt(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(JobFunction.TIMEOUT + " '" + value + "' is not a number of seconds");
        }
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
