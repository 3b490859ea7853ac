package io.connector.benchmarks.importbench;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.connector.magento.MagentoSettings;
import io.connector.magento.http.NetworkRetries;
import io.connector.magento.v20.client.Condition;
import io.connector.magento.v20.client.Magento2Client;
import io.connector.magento.v20.client.Query;
import io.connector.magento.v20.client.RestPath;
import io.connector.magento.v20.client.SearchCriteria;

/**
 * The reference over Magento 2's REST API (OCA connector-magento 12.0; the shared reference's
 * magento-2.md and the 2.x recordings): the token on every request, no session to open or end.
 * Customers: {@code GET customers/search} per website ({@code website_id in W},
 * {@code fields=items[id]}, no paging), then per customer {@code GET customers/{id}} twice: once
 * for the customer, once more for its addresses ({@code addresses[]}). Products:
 * {@code GET products} ({@code fields=items[sku]}), then per product {@code GET products/{sku}}
 * and, for a product it keeps, its translations {@code GET /rest/default/V1/products/{sku}} (the
 * store view's scope); the reference then downloads each image of {@code media_gallery_entries}
 * (no API call): left out, as over XML-RPC, so the figure flatters the reference a little.
 */
final class RestReferenceCalls implements ReferenceCalls {

    /** The store view whose texts the reference reads as translations. */
    private static final String TRANSLATED_STORE = "default";

    private final Magento2Client magento;

    RestReferenceCalls(String location, String token) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
        // The reference (python requests) retries nothing itself: a failed request fails its job.
        this.magento = new Magento2Client("reference", location, token, http, MagentoSettings.DEFAULT_TIMEOUT,
                MagentoSettings.DEFAULT_MAX_ANSWER_BYTES, NetworkRetries.NONE);
    }

    /** {@code store/websites?fields=id}, the admin website 0 dropped. */
    @Override
    public List<String> websites() {
        return ((List<?>) magento.get(RestPath.of("store/websites"), Query.of("fields", "id"))).stream()
                .map(website -> String.valueOf(((Map<?, ?>) website).get("id"))).filter(id -> !id.equals("0")).toList();
    }

    @Override
    public List<String> customerIds(String website) {
        return RestLoopShop.ids(magento.get(RestPath.of("customers/search"),
                SearchCriteria.all().where("website_id", Condition.IN, List.of(website)).fields("items[id]")), "id");
    }

    @Override
    public int customer(String id) {
        magento.get(RestPath.of("customers/{}", id));
        Object again = magento.get(RestPath.of("customers/{}", id));
        return again instanceof Map<?, ?> customer && customer.get("addresses") instanceof List<?> addresses ? addresses.size() : 0;
    }

    @Override
    public List<String> productIds() {
        return RestLoopShop.ids(magento.get(RestPath.of("products"), SearchCriteria.all().fields("items[sku]")), "sku");
    }

    @Override
    public boolean product(String sku) {
        Map<?, ?> product = (Map<?, ?>) magento.get(RestPath.of("products/{}", sku));
        if (!XmlRpcReferenceCalls.KEPT_TYPES.contains(String.valueOf(product.get("type_id")))) {
            return false;
        }
        magento.getInStore(TRANSLATED_STORE, RestPath.of("products/{}", sku));
        return true;
    }
}
