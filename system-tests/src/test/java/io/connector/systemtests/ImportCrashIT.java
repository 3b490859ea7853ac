package io.connector.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.Test;

/**
 * A real import killed three times: one node of the ready distribution imports 5,000 generated
 * customers (with their address books) from the simulator; when the customers bound so far pass
 * three random thresholds spread over the import, the node is killed with {@code kill -9} and
 * started again with {@code bin/start}, nothing else. The import must then finish by itself with
 * every customer and address bound exactly once, the partners a clean import makes and no more,
 * every job done, and the node must have taken back, at each restart, exactly the jobs it held
 * when it died. Once on the distribution's H2 store, once on PostgreSQL.
 *
 * <p>The seed of the thresholds is printed; {@code -Dcrash.seed=S} runs the same moments again.
 */
public class ImportCrashIT extends SystemTest {

    private static final int CUSTOMERS = 5000;
    private static final int KILLS = 3;
    private static final String BACKEND = "shop";

    @Test
    public void anImportKilledThreeTimesOnH2FinishesWithEveryCustomerOnce() throws Exception {
        crashDuringImport(closing(StoreDatabase.h2()));
    }

    @Test
    public void anImportKilledThreeTimesOnPostgresFinishesWithEveryCustomerOnce() throws Exception {
        crashDuringImport(closing(StoreDatabase.postgres("crash")));
    }

    /** One kill: the threshold it waited for, what it saw, when, and what the node held. */
    private record Kill(long threshold, long bound, double seconds, long held, int tookBack) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "killed at %d customers bound (threshold %d), %.1f s into the import, "
                    + "holding %d jobs; took back %d", bound, threshold, seconds, held, tookBack);
        }
    }

    private void crashDuringImport(StoreDatabase database) throws Exception {
        long seed = Long.getLong("crash.seed", new SecureRandom().nextLong());
        Random random = new Random(seed);
        long[] thresholds = new long[KILLS];
        for (int i = 0; i < KILLS; i++) {
            // Three moments spread over the import: in 5-20 %, 30-45 % and 55-70 % of the customers
            // bound, leaving room for the polling's lag before the import ends: on H2 the progress is
            // asked through the shell, and the last 15 % of an import took less than one such poll
            // once the H2 store stopped writing its pages every 32 ids.
            thresholds[i] = CUSTOMERS * (5 + 25L * i) / 100 + random.nextInt(CUSTOMERS * 3 / 20);
        }
        String label = "ImportCrashIT[" + database.label() + "]";
        System.out.printf("%s: seed %d (-Dcrash.seed=%d repeats it), kills when %s customers are bound%n", label, seed, seed,
                Arrays.toString(thresholds));

        ShopFixture shop = closing(ShopFixture.generated("customers=" + CUSTOMERS));
        KarafNode node = closing(KarafNode.unpack("crash-" + database.label(), database));
        node.backend(BackendFile.magento17(BACKEND, UUID.randomUUID().toString(), shop.location()));
        node.start();
        node.awaitReady(Duration.ofSeconds(180));
        node.awaitBackend(BACKEND, Duration.ofSeconds(30));
        assertImported(node.connector("connector:import --wait --timeout 120 " + BACKEND + " metadata", Duration.ofSeconds(150)));
        assertImported(node.connector("connector:import --wait --timeout 120 " + BACKEND + " customer-groups", Duration.ofSeconds(150)));

        long started = System.nanoTime();
        node.connector("connector:import " + BACKEND + " partners");
        List<Kill> kills = new ArrayList<>();
        for (long threshold : thresholds) {
            long bound = Waits.await(threshold + " customers bound before kill " + (kills.size() + 1) + " on " + node.name(),
                    Duration.ofSeconds(180), node.log(), pollPause(database), () -> {
                        long[] progress = progress(node);
                        long n = progress[0];
                        if (n < threshold && progress[1] == 0) {
                            throw new AssertionError("The import finished with " + n + " customers bound, before the threshold "
                                    + threshold + "; see " + node.log());
                        }
                        return n >= threshold ? n : null;
                    });
            double seconds = (System.nanoTime() - started) / 1e9;
            node.kill9();
            // What the dead node held, read with the node down: what its next start must take back.
            long held;
            try (Connection c = database.connect(node)) {
                held = StoreDatabase.queryLong(c, "SELECT COUNT(*) FROM \"connector_job\" WHERE \"state\" IN ('claimed', 'started') "
                        + "AND \"worker\" LIKE '" + node.name() + "#%'");
            }
            node.start();
            node.awaitReady(Duration.ofSeconds(120));
            List<Integer> tookBack = node.tookBack();
            kills.add(new Kill(threshold, bound, seconds, held, tookBack.isEmpty() ? 0 : tookBack.get(tookBack.size() - 1)));
            System.out.printf("%s: kill %d: %s%n", label, kills.size(), kills.get(kills.size() - 1));
            assertThat(held).as("jobs the node held when killed at %d customers bound (an import was running)", bound).isPositive();
            assertThat(tookBack).as("'Took back N jobs' lines in %s after %d kills", node.log(), kills.size()).hasSize(kills.size());
            assertThat(tookBack.get(tookBack.size() - 1)).as("jobs taken back after kill %d: those held at the kill", kills.size())
                    .isEqualTo((int) held);
        }

        Waits.await("the partners import of " + node.name() + " finishing after " + KILLS + " kills (no job waiting, pending, "
                + "claimed or started)", Duration.ofSeconds(240), node.log(), pollPause(database),
                () -> unfinishedJobs(node) == 0 ? Boolean.TRUE : null);
        double seconds = (System.nanoTime() - started) / 1e9;
        node.stop();

        try (Connection c = database.connect(node)) {
            List<String> jobStates = StoreDatabase.rows(c, "SELECT \"state\", COUNT(*) AS jobs FROM \"connector_job\" GROUP BY \"state\"");
            long retried = StoreDatabase.queryLong(c, "SELECT COUNT(*) FROM \"connector_job\" WHERE \"retry\" > 0");
            System.out.printf(Locale.ROOT, "%s: %d customers imported in %.1f s with %d kills (%s); jobs %s, %d of them retried%n",
                    label, CUSTOMERS, seconds, KILLS, kills.stream().map(k -> "took back " + k.tookBack()).toList(), jobStates, retried);
            assertEveryJobDone(c);
            assertEveryCustomerOnce(c, shop);
        }
    }

    private static final String UNFINISHED = "SELECT COUNT(*) FROM \"connector_job\" WHERE \"state\" IN ('waiting', 'pending', "
            + "'claimed', 'started')";

    private static long unfinishedJobs(KarafNode node) throws Exception {
        return progress(node)[1];
    }

    /**
     * The customers bound and the jobs not finished, in one query: over JDBC where the database can
     * be read while the node runs (PostgreSQL), else through the node's shell (jdbc:query).
     */
    private static long[] progress(KarafNode node) throws Exception {
        String sql = "SELECT (SELECT COUNT(*) FROM \"magento_res_partner\") AS bound, (" + UNFINISHED + ") AS unfinished";
        if (node.database().readableWhileRunning()) {
            try (Connection c = node.database().connect(node); Statement s = c.createStatement(); ResultSet row = s.executeQuery(sql)) {
                row.next();
                return new long[] {row.getLong(1), row.getLong(2)};
            }
        }
        Map<String, String> row = node.query(sql).get(0);
        return new long[] {Long.parseLong(row.get("BOUND")), Long.parseLong(row.get("UNFINISHED"))};
    }

    /** A shell call costs the node about 0.1 s of CPU (an SSH login): the shell is asked less often than JDBC. */
    private static Duration pollPause(StoreDatabase database) {
        return Duration.ofMillis(database.readableWhileRunning() ? 100 : 500);
    }

    /** connector:import --wait ends with "Done: N, failed: M". */
    static void assertImported(String output) {
        assertThat(output).as("connector:import --wait").containsPattern("Done: [1-9]\\d*, failed: 0\\b");
    }

    static void assertEveryJobDone(Connection c) throws Exception {
        assertThat(StoreDatabase.rows(c, "SELECT j.\"state\", j.\"function_name\", j.\"retry\", p.\"description\", p.\"error_message\" "
                + "FROM \"connector_job\" j JOIN \"connector_job_payload\" p ON p.\"job_id\" = j.\"id\" WHERE j.\"state\" <> 'done' "
                + "ORDER BY j.\"id\""))
                .as("jobs not done (none left claimed or started, none failed)").isEmpty();
    }

    /**
     * Every customer and every address bound exactly once, to partners of their own, and exactly the
     * partners a clean import makes: none left over by an interrupted or repeated import.
     */
    static void assertEveryCustomerOnce(Connection c, ShopFixture shop) throws Exception {
        long customers = shop.customerIds().size();
        long addresses = shop.addressIds().size();
        assertThat(StoreDatabase.queryLong(c, "SELECT COUNT(*) FROM \"magento_res_partner\"")).as("customer bindings").isEqualTo(customers);
        assertThat(StoreDatabase.strings(c, "SELECT DISTINCT \"external_id\" FROM \"magento_res_partner\""))
                .as("the customers bound: the shop's").isEqualTo(shop.customerIds());
        assertThat(StoreDatabase.queryLong(c, "SELECT COUNT(DISTINCT \"record_id\") FROM \"magento_res_partner\""))
                .as("partners bound to a customer: one per customer").isEqualTo(customers);
        assertThat(StoreDatabase.queryLong(c, "SELECT COUNT(*) FROM \"magento_address\"")).as("address bindings").isEqualTo(addresses);
        assertThat(StoreDatabase.strings(c, "SELECT DISTINCT \"external_id\" FROM \"magento_address\""))
                .as("the addresses bound: the shop's").isEqualTo(shop.addressIds());
        assertThat(StoreDatabase.queryLong(c, "SELECT COUNT(DISTINCT \"record_id\") FROM \"magento_address\""))
                .as("partners bound to an address: one per address (a merged billing address is its customer's)").isEqualTo(addresses);
        assertThat(StoreDatabase.queryLong(c, "SELECT COUNT(*) FROM \"res_partner\" WHERE \"parent_id\" IS NULL"))
                .as("partners without a parent: the customers'").isEqualTo(customers);
        assertThat(StoreDatabase.queryLong(c, "SELECT COUNT(DISTINCT \"email\") FROM \"res_partner\" WHERE \"parent_id\" IS NULL"))
                .as("distinct e-mails of the customers' partners").isEqualTo(customers);
        assertThat(StoreDatabase.rows(c, "SELECT p.\"id\", p.\"name\", p.\"parent_id\", p.\"email\" FROM \"res_partner\" p WHERE "
                + "NOT EXISTS (SELECT 1 FROM \"magento_res_partner\" b WHERE b.\"record_id\" = p.\"id\") AND "
                + "NOT EXISTS (SELECT 1 FROM \"magento_address\" a WHERE a.\"record_id\" = p.\"id\") ORDER BY p.\"id\""))
                .as("partners bound to no customer and no address (left over)").isEmpty();
        assertThat(StoreDatabase.queryLong(c, "SELECT COUNT(*) FROM \"res_partner\""))
                .as("partners: what a clean import of the shop makes").isEqualTo(shop.expectedPartners());
    }
}
