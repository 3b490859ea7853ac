package io.connector.magento.v20.internal.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.connector.api.Backend;
import io.connector.api.BackendRecord;
import io.connector.magento.v20.client.Magento2Client;
import org.junit.jupiter.api.Test;

class Magento2ClientPoolTest {

    private static final String TOKEN = "m59qseoztake3xm1zcvkiv8qnuj09da0";

    /** A backend record as the core gives it. */
    private record Record(String id, String name, String location, String password, Map<String, String> options)
            implements BackendRecord {

        @Override
        public Backend backend() {
            throw new UnsupportedOperationException();
        }

        @Override
        public String username() {
            return null;
        }

        @Override
        public Optional<String> option(String key) {
            return Optional.ofNullable(options.get(key));
        }

        Record with(String key, String value) {
            Map<String, String> more = new HashMap<>(options);
            more.put(key, value);
            return new Record(id, name, location, password, more);
        }
    }

    private final Magento2ClientPool pool =
            new Magento2ClientPool(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build());
    private final Record shop = new Record("b1", "shop2", "http://magento", TOKEN, Map.of());

    @Test
    void aRecordKeepsItsClientWhileNothingOfItChanges() {
        Magento2Client client = pool.forBackend(shop);
        assertThat(pool.forBackend(new Record("b1", "shop2", "http://magento", TOKEN, Map.of("sale.prefix", "EC")))).isSameAs(client);
        assertThat(pool.forBackend(new Record("b2", "shop3", "http://magento", TOKEN, Map.of()))).isNotSameAs(client);
    }

    @Test
    void aNewLocationTokenOrSettingMakesANewClient() {
        Magento2Client client = pool.forBackend(shop);
        Magento2Client moved = pool.forBackend(new Record("b1", "shop2", "https://shop.example.com", TOKEN, Map.of()));
        assertThat(moved).isNotSameAs(client);
        assertThat(moved.base()).hasToString("https://shop.example.com/index.php/rest/V1");
        Magento2Client renewed = pool.forBackend(new Record("b1", "shop2", "https://shop.example.com", TOKEN.replace('m', 'n'), Map.of()));
        assertThat(renewed).isNotSameAs(moved);
        Record base = new Record("b1", "shop2", "https://shop.example.com", TOKEN.replace('m', 'n'), Map.of());
        assertThat(pool.forBackend(base.with("timeout", "120"))).isNotSameAs(renewed);
        Magento2Client limited = pool.forBackend(base.with("timeout", "120").with("answer.max.mb", "8"));
        assertThat(pool.forBackend(base.with("timeout", "120").with("answer.max.mb", "8"))).isSameAs(limited);
        assertThat(pool.forBackend(base.with("timeout", "120").with("answer.max.mb", "8").with("network.retries", "0")))
                .isNotSameAs(limited);
    }
}
