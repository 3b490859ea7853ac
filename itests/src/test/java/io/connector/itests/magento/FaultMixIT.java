package io.connector.itests.magento;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.inject.Inject;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.connector.api.job.JobAdmin;
import io.connector.api.job.JobView;
import io.connector.api.store.RecordStore;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The customers of a shop behind a bad network ({@link FaultyShop}: 503s, resets, answers cut
 * short, PHP error pages, expiring sessions) are all imported by one {@code connector:import
 * --wait}, with no operator's step, each exactly once: every customer and every address bound
 * once, no partner that no binding holds, no job failed.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FaultMixIT extends MagentoTestSupport {

    private static final String FAULTY_URL = "itest.faulty.url.";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    protected JobAdmin jobAdmin;

    @Inject
    protected RecordStore store;

    @Configuration
    public Option[] config() {
        List<Option> options = karafWithSimulator();
        options.add(systemProperty(FAULTY_URL + 1).value(FaultyShop.url(1)));
        options.add(systemProperty(FAULTY_URL + 2).value(FaultyShop.url(2)));
        return options.toArray(new Option[0]);
    }

    @Test
    public void inChunksEveryCustomerIsImportedOnceWithoutAManualStep() throws Exception {
        importsEveryCustomerOnce(1, "");
    }

    /** The reference's way, a job per customer: many more requests, so many more faults met. */
    @Test
    public void aJobPerCustomerEveryCustomerIsImportedOnceWithoutAManualStep() throws Exception {
        importsEveryCustomerOnce(2, "--chunk 1 ");
    }

    private void importsEveryCustomerOnce(int number, String options) throws Exception {
        String shop = System.getProperty(FAULTY_URL + number);
        String name = "faulty" + number;
        execute("connector:backend-add --location " + shop + " --username " + SimulatorLauncher.USER + " --password "
                + SimulatorLauncher.API_KEY + " " + name + " magento/1.7");
        await(() -> backends.find(name).isPresent());
        String backendId = backends.get(name).id();
        long started = System.nanoTime();
        execute("connector:import --wait " + name + " metadata");
        String report = execute("connector:import --wait " + options + name + " partners");
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;

        Map<String, Object> stats = get(shop + "/stats");
        int addresses = ((Number) get(shop + "/records").get("addresses")).intValue();
        List<JobView> jobs = jobAdmin.list(null, null, backendId, 100_000);
        long retries = 0;
        long retriedJobs = 0;
        for (JobView listed : jobs) {
            long tries = jobAdmin.get(listed.uuid()).history().stream()
                    .filter(e -> e.note() != null && e.note().startsWith("try ")).count();
            retries += tries;
            retriedJobs += tries > 0 ? 1 : 0;
        }
        long customers = bindings("magento.res.partner", backendId);
        long distinctCustomers = distinctExternalIds("magento.res.partner", backendId);
        long boundAddresses = bindings("magento.address", backendId);
        // Of every backend: the shops of this class share no customer, but a partner found by its
        // e-mail would be held by two.
        Set<Long> held = new HashSet<>();
        held.addAll(boundRecords("magento.res.partner"));
        held.addAll(boundRecords("magento.address"));
        long partners = store.inTransaction(s -> s.query("res.partner").count());
        System.out.printf("fault mix, %s: customers %d of %d imported (%d lost, %d duplicated), addresses %d of %d, "
                + "%d partners in the store for %d bound; faults answered %s; %d jobs, %d retried, %d retries in all; %d s%n",
                options.isEmpty() ? "chunks" : options.trim(), distinctCustomers, FaultyShop.CUSTOMERS, FaultyShop.CUSTOMERS - distinctCustomers, customers - distinctCustomers,
                boundAddresses, addresses, partners, held.size(), stats.get("faults"), jobs.size(), retriedJobs, retries, seconds);

        assertThat(report).as("the import's report").contains("failed: 0");
        assertThat(jobs).as("no job failed").noneMatch(job -> job.state().equals("failed"));
        assertThat(jobs).as("every job done").allMatch(job -> job.state().equals("done"));
        assertThat(distinctCustomers).as("every customer imported").isEqualTo(FaultyShop.CUSTOMERS);
        assertThat(customers).as("each customer bound once").isEqualTo(FaultyShop.CUSTOMERS);
        assertThat(boundAddresses).as("each address bound once").isEqualTo(addresses);
        assertThat(partners).as("no partner that no binding holds: nothing imported twice").isEqualTo(held.size());
        @SuppressWarnings("unchecked")
        Map<String, Number> faults = (Map<String, Number>) stats.get("faults");
        assertThat(faults).as("the shop did fail requests of every kind")
                .containsKeys("SERVICE_UNAVAILABLE", "CONNECTION_RESET", "TRUNCATED_BODY", "MALFORMED_BODY", "SESSION_EXPIRED");
    }

    private long bindings(String model, String backendId) {
        return store.inTransaction(s -> s.query(model).where("backend_id", "=", backendId).count());
    }

    private long distinctExternalIds(String model, String backendId) {
        return store.inTransaction(s -> s.query(model).where("backend_id", "=", backendId).read("external_id").stream()
                .map(row -> row.get("external_id")).distinct().count());
    }

    private Set<Long> boundRecords(String model) {
        Set<Long> records = new HashSet<>();
        store.inTransaction(s -> s.query(model).read("record_id")).forEach(
                row -> records.add(((Number) row.get("record_id")).longValue()));
        return records;
    }

    private static Map<String, Object> get(String url) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return JSON.readValue(response.body(), new TypeReference<Map<String, Object>>() { });
    }
}
