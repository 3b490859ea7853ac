package io.connector.jobs.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.connector.jobs.internal.ChannelTree.Channel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one owner of the channel configuration: the shorthand of {@code io.connector.jobs} and
 * the channels configured one by one, a configured one replacing the shorthand's of its name.
 * A change applies to the next claim, on a running node, and is told to the listeners (the
 * channels' MBeans follow it).
 */
@Component(service = JobChannels.class, configurationPid = JobConfiguration.PID)
public final class JobChannels {

    private static final Logger LOG = LoggerFactory.getLogger(JobChannels.class);

    private final Set<ConfiguredChannel> configured = ConcurrentHashMap.newKeySet();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile List<Channel> shorthand;
    private volatile ChannelTree current;

    @Activate
    public JobChannels(JobConfiguration config) {
        this(config.channels());
    }

    /** For use without a container: channels from a shorthand, e.g. {@code root:4,root.magento:2}. */
    public JobChannels(String shorthand) {
        this.shorthand = ChannelTree.parseChannels(shorthand);
        rebuild();
    }

    @Modified
    void modified(JobConfiguration config) {
        shorthand = ChannelTree.parseChannels(config.channels());
        rebuild();
        changed();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addChannel(ConfiguredChannel channel) {
        configured.add(channel);
        rebuild();
        changed();
    }

    void removeChannel(ConfiguredChannel channel) {
        configured.remove(channel);
        rebuild();
        changed();
    }

    /** Runs {@code listener} after each change, outside this component's lock: it reads {@link #current()} itself. */
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    private void changed() {
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.warn("A listener to the job channels failed: {}", e.getMessage(), e);
            }
        }
    }

    /** The channels now. */
    public ChannelTree current() {
        return current;
    }

    private synchronized void rebuild() {
        List<Channel> shortened = shorthand;
        if (shortened == null) {
            return; // a configured channel bound before the configuration was read: rebuilt once it is
        }
        List<Channel> all = new ArrayList<>(shortened);
        for (ConfiguredChannel channel : configured) {
            Channel c = channel.channel();
            if (all.removeIf(existing -> existing.name().equals(c.name()))) {
                LOG.info("Channel {} is configured on its own: capacity {}, replacing the shorthand's", c.name(), c.capacity());
            }
            all.add(c);
        }
        current = ChannelTree.of(all);
    }
}
