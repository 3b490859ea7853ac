package io.connector.jobs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Proxy;
import java.util.Dictionary;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import io.connector.api.job.JobAdmin;
import io.connector.jobs.internal.jmx.ChannelQueueMXBean;
import io.connector.jobs.internal.jmx.ChannelQueues;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/** A JMX bean per configured channel, registered as a service for Karaf's JMX whiteboard; no container. */
class ChannelQueuesTest {

    /** The services a bundle registered, by their jmx.objectname, as a BundleContext made by hand keeps them. */
    static final class Services {
        final Map<String, Object> byObjectName = new LinkedHashMap<>();

        BundleContext context() {
            return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {BundleContext.class},
                    (proxy, method, args) -> {
                        if (!method.getName().equals("registerService")) {
                            throw new UnsupportedOperationException(method.getName());
                        }
                        assertThat(args[0]).isEqualTo(ChannelQueueMXBean.class);
                        String name = (String) ((Dictionary<?, ?>) args[2]).get("jmx.objectname");
                        byObjectName.put(name, args[1]);
                        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ServiceRegistration.class},
                                (registration, call, none) -> {
                                    if (!call.getName().equals("unregister")) {
                                        throw new UnsupportedOperationException(call.getName());
                                    }
                                    byObjectName.remove(name);
                                    return null;
                                });
                    });
        }
    }

    private final Services services = new Services();
    private final AtomicInteger queries = new AtomicInteger();
    private final Map<String, Map<String, Long>> counts = new LinkedHashMap<>();

    private JobAdmin admin() {
        return (JobAdmin) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {JobAdmin.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("counts")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    queries.incrementAndGet();
                    return Map.copyOf(counts);
                });
    }

    @Test
    void everyChannelHasItsBeanWhileItIsConfigured() {
        JobChannels channels = new JobChannels("root:4,magento:2");
        ChannelQueues queues = new ChannelQueues(admin(), channels, services.context(), System::nanoTime);
        assertThat(services.byObjectName).containsOnlyKeys("io.connector:type=JobQueue,channel=root",
                "io.connector:type=JobQueue,channel=root.magento");

        ConfiguredChannel sale = JobChannelsTest.configured("magento.sale", 1, true, 0);
        channels.addChannel(sale);
        assertThat(services.byObjectName).containsKey("io.connector:type=JobQueue,channel=root.magento.sale");
        assertThat(queues.channels()).containsExactly("root", "root.magento", "root.magento.sale");

        channels.removeChannel(sale);
        assertThat(services.byObjectName).doesNotContainKey("io.connector:type=JobQueue,channel=root.magento.sale")
                .hasSize(2);

        queues.deactivate();
        assertThat(services.byObjectName).isEmpty();
        channels.addChannel(sale);
        assertThat(services.byObjectName).as("no longer following the channels").isEmpty();
    }

    @Test
    void aChannelNameIsQuotedOnlyWhenAnObjectNameNeedsIt() throws Exception {
        assertThat(ChannelQueues.objectName("root.magento")).isEqualTo("io.connector:type=JobQueue,channel=root.magento");
        assertThat(ChannelQueues.objectName("a,b=c")).isEqualTo("io.connector:type=JobQueue,channel=\"a,b=c\"");
        assertThat(new ObjectName(ChannelQueues.objectName("a,b=c")).getKeyProperty("channel")).isEqualTo("\"a,b=c\"");
        assertThat(new ObjectName(ChannelQueues.objectName("root.magento-2_x")).getKeyProperty("channel"))
                .isEqualTo("root.magento-2_x");
    }

    @Test
    void aScrapeOfEveryChannelCostsOneQueryUntilTheCountsAreAFewSecondsOld() throws Exception {
        counts.put("root", Map.of("pending", 3L, "failed", 1L));
        counts.put("root.magento", Map.of("done", 40L, "waiting", 2L, "claimed", 1L, "started", 1L, "cancelled", 5L));
        AtomicLong clock = new AtomicLong();
        new ChannelQueues(admin(), new JobChannels("root:4,magento:2"), services.context(), clock::get);
        ChannelQueueMXBean root = (ChannelQueueMXBean) services.byObjectName.get("io.connector:type=JobQueue,channel=root");
        ChannelQueueMXBean magento = (ChannelQueueMXBean) services.byObjectName
                .get("io.connector:type=JobQueue,channel=root.magento");

        assertThat(new long[] {root.getWaiting(), root.getPending(), root.getClaimed(), root.getStarted(), root.getDone(),
            root.getFailed(), root.getCancelled()}).containsExactly(0, 3, 0, 0, 0, 1, 0);
        assertThat(new long[] {magento.getWaiting(), magento.getPending(), magento.getClaimed(), magento.getStarted(),
            magento.getDone(), magento.getFailed(), magento.getCancelled()}).containsExactly(2, 0, 1, 1, 40, 0, 5);
        assertThat(queries).hasValue(1);

        counts.put("root", Map.of("pending", 4L));
        clock.addAndGet(4_000_000_000L);
        assertThat(root.getPending()).as("still the counts read 4 s ago").isEqualTo(3);
        clock.addAndGet(1_000_000_000L);
        assertThat(root.getPending()).isEqualTo(4);
        assertThat(queries).hasValue(2);
    }

    @Test
    void theBeanIsAnMXBeanWithFlatNumericAttributes() throws Exception {
        counts.put("root", Map.of("pending", 7L));
        new ChannelQueues(admin(), new JobChannels("root:4"), services.context(), System::nanoTime);
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = new ObjectName(ChannelQueues.objectName("root") + ",test=" + getClass().getSimpleName());
        server.registerMBean(services.byObjectName.get("io.connector:type=JobQueue,channel=root"), name);
        try {
            assertThat(server.getAttribute(name, "Pending")).isEqualTo(7L);
            assertThat(server.getAttribute(name, "Failed")).isEqualTo(0L);
            assertThat(server.getMBeanInfo(name).getAttributes()).extracting(a -> a.getName() + ":" + a.getType())
                    .containsExactlyInAnyOrder("Waiting:long", "Pending:long", "Claimed:long", "Started:long", "Done:long",
                            "Failed:long", "Cancelled:long");
        } finally {
            server.unregisterMBean(name);
        }
    }
}
