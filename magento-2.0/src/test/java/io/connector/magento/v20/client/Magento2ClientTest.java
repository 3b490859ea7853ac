package io.connector.magento.v20.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.connector.api.Backend;
import io.connector.api.BackendRecord;
import io.connector.api.ConnectorException;
import io.connector.magento.http.NetworkRetries;
import org.junit.jupiter.api.Test;

/** Where the client sends, and what it refuses to be made with. */
class Magento2ClientTest {

    private static final String TOKEN = "m59qseoztake3xm1zcvkiv8qnuj09da0";
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private static Magento2Client client(String location, String token) {
        return new Magento2Client("shop2", location, token, HTTP, Duration.ofSeconds(5), 1024, NetworkRetries.NONE);
    }

    @Test
    void theApiRootIsUnderIndexPhpUnlessTheLocationNamesOne() {
        assertThat(Magento2Client.base("s", "http://magento")).hasToString("http://magento/index.php/rest/V1");
        assertThat(Magento2Client.base("s", " https://shop.example.com/ ")).hasToString("https://shop.example.com/index.php/rest/V1");
        assertThat(Magento2Client.base("s", "https://shop.example.com/rest/V1/")).hasToString("https://shop.example.com/rest/V1");
        assertThat(Magento2Client.base("s", "https://shop.example.com/shop/index.php/rest/all/V1"))
                .hasToString("https://shop.example.com/shop/index.php/rest/all/V1");
    }

    @Test
    void aLocationThatIsNoShopIsRefusedNamingTheBackend() {
        assertThatThrownBy(() -> Magento2Client.base("s", " ")).isInstanceOf(ConnectorException.class).hasMessage("Backend s has no location");
        assertThatThrownBy(() -> Magento2Client.base("s", "ftp://x")).hasMessageStartingWith("Backend s has an invalid location 'ftp://x'");
        assertThatThrownBy(() -> Magento2Client.base("s", "https://shop/?a=b")).hasMessageContaining("a query or a fragment");
        assertThatThrownBy(() -> Magento2Client.base("s", "https://admin:hunter2hunter2@shop.example.com"))
                .hasMessage("Backend s has an invalid location 'https://...@shop.example.com': user:password@ is not supported in it");
        assertThatThrownBy(() -> Magento2Client.base("s", "https://admin:hunter2 hunter2@shop.example.com"))
                .hasMessageStartingWith("Backend s has an invalid location").hasMessageNotContaining("hunter2");
    }

    @Test
    void aTokenThatCannotBeOneIsRefusedWithoutQuotingIt() {
        assertThatThrownBy(() -> client("http://magento", null)).isInstanceOf(ConnectorException.class)
                .hasMessage("Backend shop2 has no token: give the Magento integration's access token as the backend's password");
        String broken = TOKEN + "\r\nX-Injected: 1";
        assertThatThrownBy(() -> client("http://magento", broken)).isInstanceOf(ConnectorException.class)
                .hasMessageStartingWith("Backend shop2: its password is not a Magento access token").hasMessageNotContaining(TOKEN);
        assertThatThrownBy(() -> client("http://magento", "short1")).hasMessageNotContaining("short1");
    }

    @Test
    void aStoreViewsScopeReplacesTheRootsOwn() throws Exception {
        try (ScriptedShop shop = new ScriptedShop()) {
            shop.then(ScriptedShop.json(200, "{}"), ScriptedShop.json(200, "{}"), ScriptedShop.json(200, "{}"));
            client(shop.location(), TOKEN).getInStore("fr", RestPath.of("products/{}", "a b"));
            client(shop.location() + "/rest/V1", TOKEN).getInStore("fr", RestPath.of("categories/{}", 1), Query.of("fields", "name"));
            client(shop.location() + "/shop/rest/all/V1", TOKEN).getInStore("default", RestPath.of("categories/{}", 1));
            assertThat(shop.received()).extracting(ScriptedShop.Request::target).containsExactly(
                    "/index.php/rest/fr/V1/products/a+b", "/rest/fr/V1/categories/1?fields=name", "/shop/rest/default/V1/categories/1");
        }
        assertThatThrownBy(() -> client("https://shop.example.com/rest/custom", TOKEN).getInStore("fr", RestPath.of("x")))
                .hasMessage("Backend shop2: its location https://shop.example.com/rest/custom does not end with /rest/V1, so no store "
                        + "view's scope can be put in it");
    }

    @Test
    void itsTextNamesTheBackendAndNeverTheToken() {
        assertThat(client("http://magento", TOKEN)).hasToString("Magento2Client[backend shop2 at http://magento/index.php/rest/V1]");
    }

    @Test
    void anHttpClientThatFollowsRedirectsIsRefused() {
        HttpClient following = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
        assertThatThrownBy(() -> new Magento2Client("shop2", "http://magento", TOKEN, following, Duration.ofSeconds(5), 1024,
                NetworkRetries.NONE)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not follow redirects");
    }

    @Test
    void theSettingsComeFromTheBackendRecordsOptions() {
        BackendRecord record = new BackendRecord() {
            @Override
            public String id() {
                return "b1";
            }

            @Override
            public String name() {
                return "shop2";
            }

            @Override
            public Backend backend() {
                throw new UnsupportedOperationException();
            }

            @Override
            public String location() {
                return "http://magento";
            }

            @Override
            public String username() {
                return null;
            }

            @Override
            public String password() {
                return TOKEN;
            }

            @Override
            public Optional<String> option(String key) {
                return Optional.ofNullable(Map.of("timeout", "7", "network.retries", "eleven").get(key));
            }
        };
        assertThatThrownBy(() -> new Magento2Client(record, HTTP)).isInstanceOf(ConnectorException.class)
                .hasMessage("Backend shop2: option network.retries 'eleven' is not a number of tries from 0 to 10");
    }
}
