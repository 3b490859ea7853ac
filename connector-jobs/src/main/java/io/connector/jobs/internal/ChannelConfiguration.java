package io.connector.jobs.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** One job channel: a factory configuration, e.g. {@code etc/io.connector.jobs.channel-sale.cfg}. */
@ObjectClassDefinition(name = "Connector job channel", description = "A channel of the job queue: how many of its jobs "
        + "run at once across every node sharing the database, in order or not, how often one starts")
@interface ChannelConfiguration {

    String PID = "io.connector.jobs.channel";

    @AttributeDefinition(name = "Name", description = "e.g. root.magento.sale; below root, 'root.' may be left out")
    String name();

    @AttributeDefinition(name = "Capacity", description = "Jobs of this channel and the channels below it running at once")
    int capacity() default 1;

    @AttributeDefinition(name = "Sequential", description = "One job at a time, in order; a failed job stops the channel "
            + "until it is retried or set done (capacity 1)")
    boolean sequential() default false;

    @AttributeDefinition(name = "Throttle (s)", description = "At least this many seconds between two starts; 0: none")
    long throttle_seconds() default 0;
}
