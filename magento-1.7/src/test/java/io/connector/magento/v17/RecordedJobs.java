package io.connector.magento.v17;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.connector.api.job.JobBuilder;
import io.connector.api.job.JobGraph;
import io.connector.api.job.JobQueue;
import io.connector.api.job.JobStep;

/** A job queue that runs nothing: it keeps the jobs delayed, for a test to see what an importer queued. */
public final class RecordedJobs implements JobQueue {

    /** A delayed job as its builder was told. */
    /** A delayed job as its builder was told; {@code failedWith}, the error of one delayed as failed, else null. */
    public record Delayed(String function, Map<String, Object> args, int priority, String channel, String description,
            String identityKey, String backendId, Duration after, String failedWith) {
    }

    private final List<Delayed> delayed = Collections.synchronizedList(new ArrayList<>());

    public List<Delayed> delayed() {
        return List.copyOf(delayed);
    }

    public List<Delayed> delayed(String function) {
        return delayed().stream().filter(job -> job.function().equals(function)).toList();
    }

    public void clear() {
        delayed.clear();
    }

    /** Forgets the jobs of one function, as if they ran. */
    public void clearFunction(String function) {
        delayed.removeIf(job -> job.function().equals(function));
    }

    @Override
    public JobBuilder job(String function) {
        return new Builder(function);
    }

    @Override
    public JobGraph chain(JobStep... steps) {
        throw new UnsupportedOperationException("not needed by the importers under test");
    }

    @Override
    public JobGraph group(JobStep... steps) {
        throw new UnsupportedOperationException("not needed by the importers under test");
    }

    private final class Builder implements JobBuilder {
        private final String function;
        private final Map<String, Object> args = new LinkedHashMap<>();
        private int priority = 10;
        private String channel;
        private String description;
        private String identityKey;
        private String backendId;
        private Duration after;

        Builder(String function) {
            this.function = function;
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
        public JobBuilder eta(Instant eta) {
            return this;
        }

        @Override
        public JobBuilder after(Duration delay) {
            after = delay;
            return this;
        }

        @Override
        public JobBuilder maxRetries(int maxRetries) {
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
        public JobBuilder identityKey(String key) {
            identityKey = key;
            return this;
        }

        @Override
        public JobBuilder pendingIdentityKey(String key) {
            identityKey = "(until claimed) " + key;
            return this;
        }

        @Override
        public JobBuilder backend(String value) {
            backendId = value;
            return this;
        }

        @Override
        public Object runNow() {
            throw new UnsupportedOperationException("not needed by the importers under test");
        }

        @Override
        public JobGraph onDone(JobStep next) {
            throw new UnsupportedOperationException("not needed by the importers under test");
        }

        @Override
        public String delay() {
            synchronized (delayed) {
                // A key held while pending: the same job pending already is the answer, as the queue gives it.
                if (identityKey != null && identityKey.startsWith("(until claimed) ")
                        && delayed.stream().anyMatch(job -> identityKey.equals(job.identityKey()))) {
                    return "pending " + identityKey;
                }
                delayed.add(new Delayed(function, Map.copyOf(args), priority, channel, description, identityKey, backendId, after,
                        null));
            }
            return UUID.randomUUID().toString();
        }

        @Override
        public String delayFailed(Throwable error) {
            delayed.add(new Delayed(function, Map.copyOf(args), priority, channel, description, identityKey, backendId, after,
                    error.getMessage()));
            return UUID.randomUUID().toString();
        }
    }
}
