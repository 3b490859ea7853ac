package io.connector.benchmarks;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import io.connector.magento.client.MagentoClient;

/**
 * The baseline of the customer import benchmark ({@code scripts/bench-import}): the Magento
 * traffic of a partner import alone, with the same calls per customer (info, address list,
 * addresses in one multiCall) and as many threads as the import's job channel, and nothing
 * stored. The import's time over this one is what jobs, mapping and the store cost.
 *
 * <pre>java -cp benchmarks.jar io.connector.benchmarks.CustomerReadBaseline URL USER KEY THREADS</pre>
 */
public final class CustomerReadBaseline {

    private CustomerReadBaseline() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("Usage: CustomerReadBaseline URL USER KEY THREADS");
            System.exit(2);
        }
        int threads = Integer.parseInt(args[3]);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        try (MagentoClient client = new MagentoClient("baseline", args[0], args[1], args[2], http, Duration.ofSeconds(60))) {
            long start = System.nanoTime();
            List<String> ids = new ArrayList<>();
            for (Object website : (List<?>) client.call("ol_websites.search", List.of(Map.of()))) {
                for (Object id : (List<?>) client.call("ol_customer.search",
                        List.of(Map.of("website_id", Map.of("in", List.of(String.valueOf(website))))))) {
                    ids.add(String.valueOf(id));
                }
            }
            AtomicLong addresses = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> reads = new ArrayList<>();
            for (String id : ids) {
                reads.add(pool.submit(() -> {
                    client.call("customer.info", List.of(id));
                    List<MagentoClient.Call> calls = new ArrayList<>();
                    for (Object address : (List<?>) client.call("customer_address.list",
                            List.of(Map.of("customer_id", Map.of("eq", id))))) {
                        calls.add(new MagentoClient.Call("customer_address.info",
                                List.of(String.valueOf(((Map<?, ?>) address).get("customer_address_id")))));
                    }
                    if (!calls.isEmpty()) {
                        client.multiCall(calls);
                        addresses.addAndGet(calls.size());
                    }
                    return null;
                }));
            }
            for (Future<?> read : reads) {
                read.get();
            }
            pool.shutdown();
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("baseline: read %d customers and %d addresses in %.1f s with %d threads: %.0f customers/s%n",
                    ids.size(), addresses.get(), seconds, threads, ids.size() / seconds);
        }
    }
}
