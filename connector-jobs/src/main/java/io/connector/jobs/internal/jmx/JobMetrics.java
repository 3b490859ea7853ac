package io.connector.jobs.internal.jmx;

import java.util.Map;
import java.util.TreeMap;

import io.connector.api.job.JobAdmin;
import io.connector.api.job.JobState;
import io.connector.jobs.internal.runner.JobRunner;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** The queue's counts as an MXBean; Karaf's JMX whiteboard registers it by its object name. */
@Component(service = JobMetricsMXBean.class, property = "jmx.objectname=io.connector:type=JobQueue")
public final class JobMetrics implements JobMetricsMXBean {

    private final JobAdmin admin;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile JobRunner runner;

    @Activate
    public JobMetrics(@Reference JobAdmin admin) {
        this.admin = admin;
    }

    /** For use without a container. */
    public JobMetrics(JobAdmin admin, JobRunner runner) {
        this.admin = admin;
        this.runner = runner;
    }

    @Override
    public Map<String, Long> getJobsByState() {
        Map<String, Long> byState = new TreeMap<>();
        JobState.ALL.forEach(state -> byState.put(state, 0L));
        admin.counts().values().forEach(states -> states.forEach((state, count) -> byState.merge(state, count, Long::sum)));
        return byState;
    }

    @Override
    public Map<String, Map<String, Long>> getJobsByChannel() {
        return admin.counts();
    }

    @Override
    public int getHeldHere() {
        JobRunner current = runner;
        return current == null ? 0 : current.runningCount();
    }
}
