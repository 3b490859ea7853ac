package io.connector.jobs.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The job queue of this node: etc/io.connector.jobs.cfg. */
@ObjectClassDefinition(name = "Connector job queue",
        description = "Channels, leases and the runner of this node")
public @interface JobConfiguration {

    String PID = "io.connector.jobs";

    @AttributeDefinition(name = "Channels", description = "Shorthand for channels: NAME:CAPACITY[:sequential]"
            + "[:throttle=SECONDS], comma separated, e.g. root:4,root.magento:2,root.magento.sale:1:sequential. A channel "
            + "configured as etc/io.connector.jobs.channel-NAME.cfg replaces the one of its name here. Capacities hold "
            + "across every node sharing the database.")
    String channels() default "root:4";

    @AttributeDefinition(name = "Run jobs", description = "Whether this node runs jobs (every node can delay them)")
    boolean runner_enabled() default true;

    @AttributeDefinition(name = "Node id", description = "This node's name in job records; default the host name and a digest of its data folder (host-3f9a1c), one per Karaf instance")
    String node_id() default "";

    @AttributeDefinition(name = "Threads", description = "Jobs this node runs at once at most; default root's capacity")
    int threads() default 0;

    @AttributeDefinition(name = "Batch", description = "Jobs a thread may run in one transaction, one after the other, "
            + "each in a savepoint, when more are waiting: fewer commits for many short jobs")
    int batch_size() default 20;

    @AttributeDefinition(name = "Lease (s)", description = "A running job's lease, renewed while it runs; a job whose "
            + "lease expired (its node died) goes back to pending")
    int lease_seconds() default 60;

    @AttributeDefinition(name = "Expired leases check (s)")
    int reap_interval_seconds() default 15;

    @AttributeDefinition(name = "Poll interval (ms)", description = "How often an idle runner looks for jobs")
    int poll_interval_ms() default 500;

    @AttributeDefinition(name = "Done jobs kept (days)")
    int retention_days() default 7;
}
