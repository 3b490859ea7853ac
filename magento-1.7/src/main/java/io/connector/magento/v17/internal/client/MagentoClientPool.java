package io.connector.magento.v17.internal.client;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.connector.api.BackendRecord;
import io.connector.magento.MagentoSettings;
import io.connector.magento.v17.client.MagentoClient;
import io.connector.magento.v17.client.MagentoClients;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The clients of the backend records, one each, made on first use. A backend whose location,
 * credentials or settings change gets a new client; the old session ends.
 */
@Component(service = MagentoClients.class)
public final class MagentoClientPool implements MagentoClients {

    private record Entry(String fingerprint, MagentoClient client) {
    }

    private final Map<String, Entry> clients = new ConcurrentHashMap<>();
    private final HttpClient http;

    @Activate
    public MagentoClientPool() {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NORMAL)
                .build());
    }

    MagentoClientPool(HttpClient http) {
        this.http = http;
    }

    @Override
    public MagentoClient forBackend(BackendRecord backend) {
        MagentoSettings settings = MagentoSettings.of(backend);
        int multiCallMax = MagentoClient.multiCallMax(backend);
        String fingerprint = fingerprint(backend, settings) + "\n" + multiCallMax + "\n" + MagentoSettings.maxAnswerBytes(backend)
                + "\n" + MagentoSettings.networkRetries(backend);
        Entry entry = clients.compute(backend.id(), (id, current) -> {
            if (current != null && current.fingerprint().equals(fingerprint)) {
                return current;
            }
            if (current != null) {
                current.client().close();
            }
            return new Entry(fingerprint, new MagentoClient(backend, http, settings.timeout(), multiCallMax));
        });
        return entry.client();
    }

    /** What makes a session: never printed; compared only. */
    private static String fingerprint(BackendRecord backend, MagentoSettings settings) {
        return backend.name() + "\n" + backend.location() + "\n" + backend.username() + "\n"
                + backend.password() + "\n" + settings.timeout();
    }

    /** Ends every session, as Magento asks of API clients. */
    @Deactivate
    void close() {
        clients.values().forEach(entry -> entry.client().close());
        clients.clear();
    }
}
