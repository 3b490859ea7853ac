package io.connector.jobs.internal.jmx;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.LongSupplier;

import javax.management.ObjectName;

import io.connector.api.job.JobAdmin;
import io.connector.jobs.internal.ChannelTree.Channel;
import io.connector.jobs.internal.JobChannels;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ChannelQueueMXBean} per configured channel, registered as a service with its
 * {@value #OBJECT_NAME} property for Karaf's JMX whiteboard, and following the channels as they
 * are configured and removed. The beans share one {@link CachedCounts}.
 */
@Component(service = {}, immediate = true)
public final class ChannelQueues {

    /** The service property Karaf's JMX whiteboard registers a service's MBean under. */
    static final String OBJECT_NAME = "jmx.objectname";
    /** The object name of a channel's bean, less the channel's name. */
    public static final String NAME_PREFIX = "io.connector:type=JobQueue,channel=";

    private static final Logger LOG = LoggerFactory.getLogger(ChannelQueues.class);

    private final JobChannels channels;
    private final BundleContext context;
    private final CachedCounts counts;
    private final Map<String, ServiceRegistration<ChannelQueueMXBean>> registered = new TreeMap<>();
    private final Runnable onChange = this::follow;
    private boolean stopped;

    @Activate
    public ChannelQueues(@Reference JobAdmin admin, @Reference JobChannels channels, BundleContext context) {
        this(admin, channels, context, System::nanoTime);
    }

    /** For use without a container, with a clock of its own for the counts' age. */
    public ChannelQueues(JobAdmin admin, JobChannels channels, BundleContext context, LongSupplier nanoTime) {
        this.channels = channels;
        this.context = context;
        this.counts = new CachedCounts(admin::counts, nanoTime);
        channels.addListener(onChange);
        follow();
    }

    @Deactivate
    public synchronized void deactivate() {
        channels.removeListener(onChange);
        stopped = true;
        registered.keySet().forEach(this::unregister);
        registered.clear();
    }

    /** The object name of a channel's bean; a name with characters an object name reserves is quoted. */
    public static String objectName(String channel) {
        boolean plain = !channel.isEmpty() && channel.chars().noneMatch(c -> ",=:\"*?\n\\".indexOf(c) >= 0);
        return NAME_PREFIX + (plain ? channel : ObjectName.quote(channel));
    }

    /** The channels whose beans are registered now. */
    public synchronized Set<String> channels() {
        return new TreeSet<>(registered.keySet());
    }

    private synchronized void follow() {
        if (stopped) {
            return;
        }
        Set<String> configured = new TreeSet<>();
        for (Channel channel : channels.current().channels()) {
            configured.add(channel.name());
        }
        for (String gone : new TreeSet<>(registered.keySet())) {
            if (!configured.contains(gone)) {
                unregister(gone);
                registered.remove(gone);
            }
        }
        for (String channel : configured) {
            if (!registered.containsKey(channel)) {
                Dictionary<String, Object> properties = new Hashtable<>();
                properties.put(OBJECT_NAME, objectName(channel));
                try {
                    registered.put(channel, context.registerService(ChannelQueueMXBean.class, new ChannelQueue(channel, counts),
                            properties));
                } catch (RuntimeException e) {
                    LOG.warn("Cannot register the JMX bean {} of job channel {}: {}", objectName(channel), channel, e.getMessage());
                }
            }
        }
    }

    private void unregister(String channel) {
        try {
            registered.get(channel).unregister();
        } catch (IllegalStateException alreadyGone) {
            // the bundle stopped first: the framework took its services back
        }
    }
}
