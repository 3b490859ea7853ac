package io.connector.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.After;
import org.junit.Test;

/**
 * Two nodes of the ready distribution on one PostgreSQL database, with the same backend record,
 * run the same imports at the same time (metadata, customer groups, then 3,000 generated customers
 * with their address books): every record must be there once, both nodes must have done jobs, and
 * the channel capacities must hold across the two, as a sampler reading the running jobs every
 * 20 ms sees them. Skipped without PostgreSQL ({@value StoreDatabase#PG_URL}).
 */
public class TwoNodesIT {

    private static final int CUSTOMERS = 3000;
    /** The channels of both nodes: a channel's capacity counts the jobs of the channels below it too. */
    private static final Map<String, Integer> CAPACITY = Map.of("root", 4, "root.magento", 4);
    /**
     * What one node may hold at once: its threads times its batch size. Below the capacity, so that
     * reaching the capacity takes both nodes; above half of it, so that two nodes counting only their
     * own jobs would go over it.
     */
    private static final int THREADS = 3;

    private final List<AutoCloseable> closeAfter = new ArrayList<>();

    @After
    public void closeAll() {
        for (int i = closeAfter.size() - 1; i >= 0; i--) {
            try {
                closeAfter.get(i).close();
            } catch (Exception e) {
                System.err.println("Closing " + closeAfter.get(i) + ": " + e);
            }
        }
    }

    private <T extends AutoCloseable> T closing(T resource) {
        closeAfter.add(resource);
        return resource;
    }

    /**
     * The backend records of each node. Both have {@code shop}: one record, the same id in two files.
     * A test of a backend configured on one node only adds its record here, to that node alone.
     */
    private static void configureBackends(KarafNode a, KarafNode b, BackendFile shop) throws Exception {
        a.backend(shop);
        b.backend(shop);
    }

    @Test
    public void twoNodesImportingTheSameShopAtOnceStoreEveryRecordOnceAndShareTheChannels() throws Exception {
        StoreDatabase database = closing(StoreDatabase.postgres("two"));
        ShopFixture shop = closing(ShopFixture.generated("customers=" + CUSTOMERS));
        KarafNode a = closing(KarafNode.unpack("two-a", database));
        KarafNode b = closing(KarafNode.unpack("two-b", database));
        BackendFile record = BackendFile.magento17("shop", UUID.randomUUID().toString(), shop.location());
        for (KarafNode node : List.of(a, b)) {
            node.jobs("channels", "root:" + CAPACITY.get("root") + ",root.magento:" + CAPACITY.get("root.magento"))
                    .jobs("threads", Integer.toString(THREADS))
                    .jobs("batch.size", "1");
        }
        configureBackends(a, b, record);
        // Both start at once on an empty schema: they bring it to the models together.
        a.start();
        b.start();
        for (KarafNode node : List.of(a, b)) {
            node.awaitReady(Duration.ofSeconds(180));
            node.awaitBackend(record.name(), Duration.ofSeconds(30));
        }

        long started = System.nanoTime();
        ChannelSampler sampler = closing(new ChannelSampler(database.connect(a)));
        ExecutorService shells = Executors.newFixedThreadPool(2);
        try {
            for (String what : List.of("metadata", "customer-groups", "partners")) {
                List<Future<String>> runs = new ArrayList<>();
                for (KarafNode node : List.of(a, b)) {
                    runs.add(shells.submit(() -> node.connector("connector:import --wait --timeout 240 " + record.name() + " " + what,
                            Duration.ofSeconds(270))));
                }
                for (int i = 0; i < runs.size(); i++) {
                    String output = runs.get(i).get(300, TimeUnit.SECONDS);
                    assertThat(output).as("connector:import --wait %s on node %s", what, i == 0 ? a.name() : b.name())
                            .containsPattern("Done: \\d+, failed: 0\\b");
                }
            }
        } finally {
            shells.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        sampler.close();

        try (Connection c = database.connect(a)) {
            Map<String, Long> donePerNode = new HashMap<>();
            Map<String, Long> chunksPerNode = new HashMap<>();
            try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery("SELECT split_part(\"worker\", '#', 1), "
                    + "\"function_name\", COUNT(*) FROM \"connector_job\" WHERE \"state\" = 'done' GROUP BY 1, 2")) {
                while (rows.next()) {
                    donePerNode.merge(rows.getString(1), rows.getLong(3), Long::sum);
                    if (rows.getString(2).equals("import_chunk")) {
                        chunksPerNode.merge(rows.getString(1), rows.getLong(3), Long::sum);
                    }
                }
            }
            System.out.printf(Locale.ROOT, "TwoNodesIT: %d customers imported by two nodes at once in %.1f s; done jobs per node %s "
                    + "(import_chunk %s); %s%n", CUSTOMERS, seconds, donePerNode, chunksPerNode, sampler);

            ImportCrashIT.assertEveryJobDone(c);
            assertThat(chunksPerNode).as("import_chunk jobs done per node: both nodes imported").containsOnlyKeys(a.name(), b.name());
            assertThat(chunksPerNode.values()).allSatisfy(n -> assertThat(n).isPositive());
            for (String model : List.of("magento_website", "magento_store", "magento_storeview", "magento_res_partner_category")) {
                long bound = StoreDatabase.queryLong(c, "SELECT COUNT(*) FROM \"" + model + "\"");
                assertThat(bound).as("%s bindings", model).isPositive()
                        .isEqualTo(StoreDatabase.queryLong(c, "SELECT COUNT(DISTINCT \"external_id\") FROM \"" + model + "\""));
            }
            ImportCrashIT.assertEveryCustomerOnce(c, shop);
        }

        assertThat(sampler.errors()).as("the sampler's errors").isEmpty();
        assertThat(sampler.samples()).as("samples of the running jobs").isGreaterThan(100);
        assertThat(sampler.overCapacity()).as("samples where a channel held more jobs than its capacity, across both nodes").isEmpty();
        CAPACITY.forEach((channel, capacity) -> assertThat(sampler.max(channel))
                .as("most jobs held at once in %s (and below), both nodes together", channel).isLessThanOrEqualTo(capacity));
        assertThat(sampler.max("root.magento")).as("most root.magento jobs held at once: more than one node can hold (%d)", THREADS)
                .isEqualTo(CAPACITY.get("root.magento"));
        assertThat(sampler.bothNodesHolding()).as("samples where both nodes held jobs at once").isPositive();
    }

    /**
     * Reads the jobs held (claimed or started) per channel and worker every 20 ms, on a connection
     * of its own, and keeps the most held at once per channel, counting the channels below it.
     */
    private static final class ChannelSampler implements AutoCloseable {

        private final Connection connection;
        private final Thread thread;
        private final Map<String, Integer> max = new HashMap<>();
        private final Map<String, Integer> maxPerNode = new HashMap<>();
        private final List<String> overCapacity = new ArrayList<>();
        private final List<Exception> errors = new ArrayList<>();
        private volatile boolean stopped;
        private int samples;
        private int bothNodes;

        ChannelSampler(Connection connection) {
            this.connection = connection;
            this.thread = new Thread(this::run, "channel-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        private void run() {
            try (Statement s = connection.createStatement()) {
                while (!stopped) {
                    Map<String, Integer> perChannel = new HashMap<>();
                    Map<String, Integer> perNode = new HashMap<>();
                    try (ResultSet rows = s.executeQuery("SELECT \"channel\", split_part(\"worker\", '#', 1), COUNT(*) FROM "
                            + "\"connector_job\" WHERE \"state\" IN ('claimed', 'started') GROUP BY 1, 2")) {
                        while (rows.next()) {
                            perChannel.merge(rows.getString(1), rows.getInt(3), Integer::sum);
                            perNode.merge(rows.getString(2), rows.getInt(3), Integer::sum);
                        }
                    }
                    record(perChannel, perNode);
                    Thread.sleep(20);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                synchronized (this) {
                    errors.add(e);
                }
            }
        }

        private synchronized void record(Map<String, Integer> perChannel, Map<String, Integer> perNode) {
            samples++;
            if (perNode.size() > 1) {
                bothNodes++;
            }
            perNode.forEach((node, n) -> maxPerNode.merge(node, n, Math::max));
            for (Map.Entry<String, Integer> capacity : CAPACITY.entrySet()) {
                String channel = capacity.getKey();
                int held = perChannel.entrySet().stream().filter(e -> e.getKey().equals(channel) || e.getKey().startsWith(channel + "."))
                        .mapToInt(Map.Entry::getValue).sum();
                max.merge(channel, held, Math::max);
                if (held > capacity.getValue() && overCapacity.size() < 20) {
                    overCapacity.add(channel + " held " + held + " > " + capacity.getValue() + ": " + perChannel + " by node " + perNode);
                }
            }
        }

        synchronized int max(String channel) {
            return max.getOrDefault(channel, 0);
        }

        synchronized int samples() {
            return samples;
        }

        synchronized int bothNodesHolding() {
            return bothNodes;
        }

        synchronized List<String> overCapacity() {
            return List.copyOf(overCapacity);
        }

        synchronized List<Exception> errors() {
            return List.copyOf(errors);
        }

        @Override
        public void close() throws Exception {
            stopped = true;
            thread.join(5000);
            connection.close();
        }

        @Override
        public synchronized String toString() {
            return "sampler: " + samples + " samples, most held at once per channel " + max + " (capacities " + CAPACITY
                    + "), most per node " + maxPerNode + ", both nodes holding jobs in " + bothNodes + " samples";
        }
    }
}
