package io.connector.jobs.internal;

import java.lang.annotation.Annotation;

/** A job configuration for tests, with fast leases and polls. */
final class TestJobConfig implements JobConfiguration {

    String channels = "root:4";
    boolean runner = true;
    String node = "test-node";
    int threads;
    int lease = 2;
    int reap = 1;
    int poll = 50;
    int batch = 20;

    TestJobConfig channels(String value) {
        channels = value;
        return this;
    }

    TestJobConfig threads(int value) {
        threads = value;
        return this;
    }

    TestJobConfig node(String value) {
        node = value;
        return this;
    }

    TestJobConfig runner(boolean value) {
        runner = value;
        return this;
    }

    @Override
    public String channels() {
        return channels;
    }

    @Override
    public boolean runner_enabled() {
        return runner;
    }

    @Override
    public String node_id() {
        return node;
    }

    @Override
    public int threads() {
        return threads;
    }

    @Override
    public int batch_size() {
        return batch;
    }

    @Override
    public int lease_seconds() {
        return lease;
    }

    @Override
    public int reap_interval_seconds() {
        return reap;
    }

    @Override
    public int poll_interval_ms() {
        return poll;
    }

    @Override
    public int retention_days() {
        return 7;
    }

    @Override
    public Class<? extends Annotation> annotationType() {
        return JobConfiguration.class;
    }
}
