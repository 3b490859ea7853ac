package io.connector.magento.v20.internal.client;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import io.connector.api.BackendRecord;
import io.connector.magento.MagentoSettings;
import io.connector.magento.v20.client.Magento2Client;
import io.connector.magento.v20.client.Magento2Clients;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The clients of the magento/2.0 backend records, one each, made on first use and made again when
 * the record's location, token or settings change. They share one HTTP client, whose connections
 * they reuse.
 */
@Component(service = Magento2Clients.class)
public final class Magento2ClientPool implements Magento2Clients {

    private record Entry(String fingerprint, Magento2Client client) {
    }

    private final Map<String, Entry> clients = new ConcurrentHashMap<>();
    private final HttpClient http;
    /**
     * The threads that read a chunk's records beside the job's own ({@link Magento2Client#getAll}),
     * shared by every backend record; each batch takes at most its record's read concurrency.
     */
    private final ExecutorService reads = Executors.newCachedThreadPool(new ThreadFactory() {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "magento2-read-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    });

    @Activate
    public Magento2ClientPool() {
        // Redirects are not followed: the Authorization header would go along to wherever the shop
        // points, and a POST would turn into a GET; the client says where it was sent instead.
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build());
    }

    Magento2ClientPool(HttpClient http) {
        this.http = http;
    }

    @Override
    public Magento2Client forBackend(BackendRecord backend) {
        String fingerprint = fingerprint(backend);
        return clients.compute(backend.id(), (id, current) -> current != null && current.fingerprint().equals(fingerprint) ? current
                : new Entry(fingerprint, new Magento2Client(backend, http, reads))).client();
    }

    /** What the client is made of: never printed; compared only. The settings as MagentoSettings reads them. */
    private static String fingerprint(BackendRecord backend) {
        return backend.name() + "\n" + backend.location() + "\n" + backend.password() + "\n" + MagentoSettings.of(backend).timeout()
                + "\n" + MagentoSettings.maxAnswerBytes(backend) + "\n" + MagentoSettings.networkRetries(backend) + "\n"
                + Magento2Client.readConcurrency(backend);
    }

    /** No session to end (a REST call carries its token): the clients are let go, and the read threads. */
    @Deactivate
    void close() {
        clients.clear();
        // Reads under way finish; the threads go once idle.
        reads.shutdown();
    }
}
