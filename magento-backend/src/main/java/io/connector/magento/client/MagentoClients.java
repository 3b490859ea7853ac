package io.connector.magento.client;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.connector.api.BackendRecord;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * One {@link MagentoClient} per backend record, so that every unit and job of a backend shares
 * its API session (Magento counts logins; a login per call would be slow and fill its session
 * table). A backend whose location or credentials change gets a new client; the old session ends.
 */
@Component(service = MagentoClients.class)
public class MagentoClients {

    private record Entry(String fingerprint, MagentoClient client) {
    }

    private final Map<String, Entry> clients = new ConcurrentHashMap<>();
    private final HttpClient http;

    @Activate
    public MagentoClients() {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NORMAL)
                .build());
    }

    MagentoClients(HttpClient http) {
        this.http = http;
    }

    public MagentoClient forBackend(BackendRecord backend) {
        String fingerprint = fingerprint(backend);
        Entry entry = clients.compute(backend.id(), (id, current) -> {
            if (current != null && current.fingerprint().equals(fingerprint)) {
                return current;
            }
            if (current != null) {
                current.client().close();
            }
            return new Entry(fingerprint, new MagentoClient(backend, http, timeout(backend)));
        });
        return entry.client();
    }

    private static Duration timeout(BackendRecord backend) {
        return Duration.ofSeconds(backend.option("timeout").map(Long::parseLong).filter(s -> s > 0).orElse(60L));
    }

    /** What makes a session: never printed; compared only. */
    private static String fingerprint(BackendRecord backend) {
        return backend.name() + "\n" + backend.location() + "\n" + backend.username() + "\n"
                + backend.password() + "\n" + backend.option("timeout").orElse("");
    }

    /** Ends every session, as Magento asks of API clients. */
    @Deactivate
    void close() {
        clients.values().forEach(entry -> entry.client().close());
        clients.clear();
    }
}
