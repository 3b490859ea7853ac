package io.connector.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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

import org.junit.Test;

/**
 * Two nodes of the ready distribution on one PostgreSQL database, with the same backend record,
 * run the same imports at the same time (metadata, customer groups, then 3,000 generated customers
 * with their address books): every record must be there once, both nodes must have done jobs, and
 * the channel capacities must hold across the two, as a sampler reading the running jobs every
 * 20 ms sees them. Skipped without PostgreSQL ({@value StoreDatabase#PG_URL}).
 *
 * <p>The shared record is made as an operator makes it: {@code connector:backend-add} on one node,
 * its file copied to the other's etc/, both nodes given one seal key in their environment. A
 * second backend, on the first node only, imports at the same time: the other node, busy with the
 * shared one, must leave its jobs alone.
 */
public class TwoNodesIT extends SystemTest {

    private static final int CUSTOMERS = 3000;
    /** The channels of both nodes: a channel's capacity counts the jobs of the channels below it too. */
    private static final Map<String, Integer> CAPACITY = Map.of("root", 4, "root.magento", 4);
    /**
     * What one node may hold at once: its threads times its batch size. Below the capacity, so that
     * reaching the capacity takes both nodes; above half of it, so that two nodes counting only their
     * own jobs would go over it.
     */
    private static final int THREADS = 3;

    /** Both nodes' seal key, as an operator gives it (bin/setenv): what one seals, the other opens. */
    private static final String SEAL_KEY = java.util.Base64.getEncoder().encodeToString(
            "a shared 32-byte key for 2 nodes".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

    /**
     * The backend records: {@code shop} added on node a through the shell, sealed with the shared
     * key, and its file copied to node b; {@code solo}, by hand, on node a alone.
     */
    private static String configureBackends(KarafNode a, KarafNode b, ShopFixture shop, BackendFile solo) throws Exception {
        a.connector("connector:backend-add --location " + shop.location() + " --username odoo --password odoo42 shop magento/1.7");
        Path file = a.home().resolve("etc/io.connector.backend-shop.cfg");
        String written = Files.readString(file);
        assertThat(written).as("the record connector:backend-add wrote").contains(".password = SEALED(").doesNotContain("odoo42");
        Files.writeString(b.home().resolve("etc/io.connector.backend-shop.cfg"), written);
        a.backend(solo);
        for (KarafNode node : List.of(a, b)) {
            node.awaitBackend("shop", Duration.ofSeconds(30));
        }
        a.awaitBackend(solo.name(), Duration.ofSeconds(30));
        // Node a publishes its backends as they change, node b reads them every 2 s and says so.
        Waits.await("node " + b.name() + " leaving solo's jobs to node " + a.name(), Duration.ofSeconds(30), b.log(),
                () -> b.logText().lines().anyMatch(line -> line.contains("Node " + b.name() + " leaves the jobs of backends")
                        && line.contains(solo.id())) ? Boolean.TRUE : null);
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("(?m)^id = (\\S+)$").matcher(written);
        assertThat(id.find()).as("the id in " + file).isTrue();
        return id.group(1);
    }

    @Test
    public void twoNodesImportingTheSameShopAtOnceStoreEveryRecordOnceAndShareTheChannels() throws Exception {
        StoreDatabase database = closing(StoreDatabase.postgres("two"));
        ShopFixture shop = closing(ShopFixture.generated("customers=" + CUSTOMERS));
        KarafNode a = closing(KarafNode.unpack("two-a", database));
        KarafNode b = closing(KarafNode.unpack("two-b", database));
        BackendFile solo = BackendFile.magento17("solo", UUID.randomUUID().toString(), shop.location());
        for (KarafNode node : List.of(a, b)) {
            node.jobs("channels", "root:" + CAPACITY.get("root") + ",root.magento:" + CAPACITY.get("root.magento"))
                    .jobs("threads", Integer.toString(THREADS))
                    .jobs("batch.size", "1")
                    .environment("CONNECTOR_SEAL_KEY", SEAL_KEY);
        }
        // Both start at once on an empty schema: they bring it to the models together.
        a.start();
        b.start();
        for (KarafNode node : List.of(a, b)) {
            node.awaitReady(Duration.ofSeconds(180));
        }
        String shopId = configureBackends(a, b, shop, solo);
        BackendFile record = BackendFile.magento17("shop", shopId, shop.location());

        long started = System.nanoTime();
        ChannelSampler sampler = closing(new ChannelSampler(database.connect(a)));
        ExecutorService shells = Executors.newFixedThreadPool(3);
        Future<String> soloRun = null;
        try {
            for (String what : List.of("metadata", "customer-groups", "partners")) {
                List<Future<String>> runs = new ArrayList<>();
                for (KarafNode node : List.of(a, b)) {
                    runs.add(shells.submit(() -> node.connector("connector:import --wait --timeout 240 " + record.name() + " " + what,
                            Duration.ofSeconds(270))));
                }
                if (what.equals("partners")) {
                    // While node b claims all it can of shop's partners: solo's jobs are node a's alone.
                    soloRun = shells.submit(() -> a.connector("connector:import --wait --timeout 240 --chunk 1 " + solo.name()
                            + " customer-groups", Duration.ofSeconds(270)));
                }
                for (int i = 0; i < runs.size(); i++) {
                    String output = runs.get(i).get(300, TimeUnit.SECONDS);
                    assertThat(output).as("connector:import --wait %s on node %s", what, i == 0 ? a.name() : b.name())
                            .containsPattern("Done: \\d+, failed: 0\\b");
                }
            }
            assertThat(soloRun.get(300, TimeUnit.SECONDS)).as("connector:import --wait solo customer-groups on node a")
                    .containsPattern("Done: \\d+, failed: 0\\b");
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
            long soloJobs = StoreDatabase.queryLong(c, "SELECT COUNT(*) FROM \"connector_job\" WHERE \"backend_id\" = '" + solo.id() + "'");
            long soloOnB = StoreDatabase.queryLong(c, "SELECT COUNT(*) FROM \"connector_job_history\" h JOIN \"connector_job\" j "
                    + "ON j.\"id\" = h.\"job_id\" WHERE j.\"backend_id\" = '" + solo.id() + "' AND h.\"worker\" LIKE '" + b.name() + "#%'");
            long soloDoneOnA = StoreDatabase.queryLong(c, "SELECT COUNT(*) FROM \"connector_job\" WHERE \"backend_id\" = '" + solo.id()
                    + "' AND \"state\" = 'done' AND \"worker\" LIKE '" + a.name() + "#%'");
            System.out.printf(Locale.ROOT, "TwoNodesIT: backend solo (node %s only): %d jobs, %d done by %s, %d events by %s%n",
                    a.name(), soloJobs, soloDoneOnA, a.name(), soloOnB, b.name());
            assertThat(soloJobs).as("solo's jobs: a batch and a job per customer group").isGreaterThanOrEqualTo(3);
            assertThat(soloOnB).as("events of solo's jobs on node %s, which does not have solo", b.name()).isZero();
            assertThat(soloDoneOnA).as("solo's jobs done by node %s", a.name()).isEqualTo(soloJobs);
            assertThat(chunksPerNode).as("import_chunk jobs done per node: both nodes imported").containsOnlyKeys(a.name(), b.name());
            assertThat(chunksPerNode.values()).allSatisfy(n -> assertThat(n).isPositive());
            for (String model : List.of("magento_website", "magento_store", "magento_storeview", "magento_res_partner_category")) {
                String ofShop = " FROM \"" + model + "\" WHERE \"backend_id\" = '" + shopId + "'";
                long bound = StoreDatabase.queryLong(c, "SELECT COUNT(*)" + ofShop);
                assertThat(bound).as("%s bindings", model).isPositive()
                        .isEqualTo(StoreDatabase.queryLong(c, "SELECT COUNT(DISTINCT \"external_id\")" + ofShop));
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
