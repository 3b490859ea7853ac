package io.connector.jobs.internal;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.connector.api.ConnectorException;
import io.connector.api.job.JobBuilder;
import io.connector.api.job.JobGraph;
import io.connector.api.job.JobQueue;
import io.connector.api.job.JobStep;
import io.connector.api.store.RecordStore;
import io.connector.jobs.internal.JobFunctions.Registered;
import io.connector.jobs.internal.sql.JobDependencies;
import io.connector.jobs.internal.sql.JobInserts;
import io.connector.jobs.internal.sql.JobInserts.Inserted;
import io.connector.jobs.internal.sql.JobInserts.NewJob;
import io.connector.jobs.internal.sql.JobTransitions;
import io.connector.store.spi.SqlTransactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Delays jobs into the store's current transaction. */
@Component(service = {JobQueue.class, ConnectorJobQueue.class})
public final class ConnectorJobQueue implements JobQueue {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectorJobQueue.class);

    private final SqlTransactions sql;
    private final RecordStore store;
    private final JobFunctions functions;
    private final JobChannels channels;
    private final JobSignal signal;

    @Activate
    public ConnectorJobQueue(@Reference SqlTransactions sql, @Reference RecordStore store, @Reference JobFunctions functions,
            @Reference JobChannels channels, @Reference JobSignal signal) {
        this.sql = sql;
        this.store = store;
        this.functions = functions;
        this.channels = channels;
        this.signal = signal;
    }

    @Override
    public JobBuilder job(String function) {
        return new Builder(function);
    }

    @Override
    public JobGraph chain(JobStep... steps) {
        Graph graph = new Graph();
        Graph previous = null;
        for (JobStep step : steps) {
            Graph next = Graph.of(step);
            graph.absorb(next);
            if (previous != null) {
                graph.connect(previous.tails, next.heads);
                graph.tails.clear();
                graph.tails.addAll(next.tails);
                graph.heads.removeAll(next.heads);
            }
            previous = next;
        }
        if (previous != null) {
            graph.tails.clear();
            graph.tails.addAll(previous.tails);
        }
        return graph;
    }

    @Override
    public JobGraph group(JobStep... steps) {
        Graph graph = new Graph();
        for (JobStep step : steps) {
            graph.absorb(Graph.of(step));
        }
        return graph;
    }

    /** The channel a job runs in: the configured one of that name, or root with a warning. */
    String channelOf(String requested, Registered function) {
        String name = requested != null ? requested : function == null ? ChannelTree.ROOT : function.channel();
        ChannelTree tree = channels.current();
        if (!tree.isKnown(name)) {
            LOG.warn("Job channel '{}' is not configured (channels: {}): the job runs in root", name,
                    tree.channels().stream().map(ChannelTree.Channel::name).toList());
            return ChannelTree.ROOT;
        }
        return tree.resolve(name).name();
    }

    /** Inserts the graph's jobs and their dependencies in the caller's transaction (or one of their own). */
    private List<String> delay(Graph graph) {
        return sql.inTransaction(tx -> {
            Connection c = tx.connection();
            Map<Builder, Inserted> inserted = new LinkedHashMap<>();
            for (Builder job : graph.jobs) {
                inserted.put(job, JobInserts.insert(c, job.toNewJob(graph.hasParents(job))));
            }
            for (Map.Entry<Builder, List<Builder>> edge : graph.parents.entrySet()) {
                Inserted child = inserted.get(edge.getKey());
                if (child.existing()) {
                    continue; // an identity key matched a job already there: it keeps its own dependencies
                }
                for (Builder parent : edge.getValue()) {
                    JobDependencies.add(c, child.id(), inserted.get(parent).id());
                }
                JobDependencies.releaseIfReady(c, child.id());
            }
            // Once the jobs are visible to the runners, not before: a runner would claim nothing.
            tx.afterCommit(signal::raise);
            return inserted.values().stream().map(Inserted::uuid).toList();
        });
    }

    /** A job being set up. */
    private final class Builder implements JobBuilder {

        private final String function;
        private final Map<String, Object> args = new LinkedHashMap<>();
        private int priority = 10;
        private LocalDateTime eta;
        private int maxRetries = 5;
        private String description;
        private String channel;
        private String identityKey;
        /** Whether the identity key holds only until a worker claims the job. */
        private boolean keyUntilClaim;
        private String backendId;

        Builder(String function) {
            if (function == null || function.isBlank()) {
                throw new IllegalArgumentException("A job needs a function name");
            }
            this.function = function;
        }

        ConnectorJobQueue owner() {
            return ConnectorJobQueue.this;
        }

        @Override
        public JobBuilder args(Map<String, ?> values) {
            args.putAll(values);
            return this;
        }

        @Override
        public JobBuilder arg(String name, Object value) {
            args.put(name, value);
            return this;
        }

        @Override
        public JobBuilder priority(int value) {
            priority = value;
            return this;
        }

        @Override
        public JobBuilder eta(Instant value) {
            eta = value == null ? null : LocalDateTime.ofInstant(value, ZoneOffset.UTC);
            return this;
        }

        @Override
        public JobBuilder after(Duration delay) {
            return eta(Instant.now().plus(delay));
        }

        @Override
        public JobBuilder maxRetries(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("maxRetries must be 0 (unlimited) or more, not " + value);
            }
            maxRetries = value;
            return this;
        }

        @Override
        public JobBuilder description(String value) {
            description = value;
            return this;
        }

        @Override
        public JobBuilder channel(String value) {
            channel = value;
            return this;
        }

        @Override
        public JobBuilder identityKey(String value) {
            identityKey = value;
            keyUntilClaim = false;
            return this;
        }

        @Override
        public JobBuilder pendingIdentityKey(String value) {
            identityKey = value;
            keyUntilClaim = true;
            return this;
        }

        @Override
        public JobBuilder backend(String value) {
            backendId = value;
            return this;
        }

        @Override
        public JobGraph onDone(JobStep next) {
            return chain(this, next);
        }

        @Override
        public String delay() {
            return ConnectorJobQueue.this.delay(Graph.of(this)).get(0);
        }

        @Override
        public String delayFailed(Throwable error) {
            if (error == null) {
                throw new IllegalArgumentException("A job delayed as failed needs its error");
            }
            return sql.inTransaction(tx -> {
                Inserted inserted = JobInserts.insert(tx.connection(), toNewJob(false));
                if (!inserted.existing()) {
                    JobTransitions.failedWithoutRun(tx.connection(), inserted.id(), error,
                            error.getMessage() == null ? error.toString() : error.getMessage());
                }
                return inserted.uuid();
            });
        }

        @Override
        public Object runNow() throws Exception {
            Registered registered = functions.get(function).orElseThrow(() -> new ConnectorException(
                    "No job function '" + function + "' is registered. Registered: " + functions.names()));
            Map<String, Object> roundTripped = JsonArgs.read(JsonArgs.write(args));
            try {
                return store.inTransaction(session -> registered.function().run(new JobRunContext(UUID.randomUUID().toString(),
                        function, roundTripped, backendId, 0, session, ConnectorJobQueue.this)));
            } catch (ConnectorException e) {
                if (e.getCause() instanceof Exception cause && e.getMessage() != null && e.getMessage().equals(cause.getMessage())) {
                    throw cause;
                }
                throw e;
            }
        }

        NewJob toNewJob(boolean waiting) {
            Optional<Registered> registered = functions.get(function);
            return new NewJob(function, JsonArgs.write(args),
                    description != null ? description : registered.map(Registered::description).orElse("Function " + function),
                    channelOf(channel, registered.orElse(null)), priority, eta, maxRetries, identityKey,
                    keyUntilClaim && identityKey != null, backendId, registered.map(Registered::timeoutSeconds).orElse(null),
                    waiting);
        }
    }

    /** Jobs and their dependencies: heads have no parent inside the graph, tails no child. */
    private static final class Graph implements JobGraph {

        final List<Builder> jobs = new ArrayList<>();
        final Map<Builder, List<Builder>> parents = new LinkedHashMap<>();
        final List<Builder> heads = new ArrayList<>();
        final List<Builder> tails = new ArrayList<>();
        private ConnectorJobQueue queue;

        static Graph of(JobStep step) {
            if (step instanceof Graph graph) {
                return graph;
            }
            if (!(step instanceof Builder builder)) {
                throw new IllegalArgumentException("Not a job of this queue: " + step);
            }
            Graph graph = new Graph();
            graph.queue = builder.owner();
            graph.jobs.add(builder);
            graph.heads.add(builder);
            graph.tails.add(builder);
            return graph;
        }

        void absorb(Graph other) {
            if (queue == null) {
                queue = other.queue;
            }
            for (Builder job : other.jobs) {
                if (!jobs.contains(job)) {
                    jobs.add(job);
                }
            }
            other.parents.forEach((child, ps) -> parents.computeIfAbsent(child, c -> new ArrayList<>()).addAll(ps));
            heads.addAll(other.heads);
            tails.addAll(other.tails);
        }

        void connect(List<Builder> from, List<Builder> to) {
            for (Builder child : to) {
                parents.computeIfAbsent(child, c -> new ArrayList<>()).addAll(from);
            }
        }

        boolean hasParents(Builder job) {
            return parents.containsKey(job) && !parents.get(job).isEmpty();
        }

        @Override
        public JobGraph onDone(JobStep next) {
            return queue.chain(this, next);
        }

        @Override
        public List<String> delay() {
            return queue.delay(this);
        }
    }
}
