package io.connector.benchmarks.importbench;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import io.connector.magento.MagentoSettings;
import io.connector.magento.v20.client.Condition;
import io.connector.magento.v20.client.Magento2Client;
import io.connector.magento.v20.client.Query;
import io.connector.magento.v20.client.RestPath;
import io.connector.magento.v20.client.SearchCriteria;

/**
 * The loop's reads over Magento 2's REST API, as the magento/2.0 import makes them, with the
 * import's own client ({@link Magento2Client}, its HTTP client built as the backend's pool builds
 * it; the token on every request, no session). REST has no batch call: a chunk's records are
 * read one request each, on the kept-alive connections. Customers: {@code GET customers/search}
 * ({@code website_id in W}, {@code fields=items[id]}) per website, then per customer one
 * {@code GET customers/{id}}, its addresses embedded; products: {@code GET products}
 * ({@code fields=items[sku]}), then per product one {@code GET products/{sku}}: the SKU is a
 * product's external id over REST.
 * <p>
 * Each record is renamed into the shape {@link LoopRows} writes, as the import's adapters rename it
 * for the shared importers: a customer's {@code id} is {@code customer_id}; an address's {@code id}
 * is {@code customer_address_id}, its {@code default_billing} / {@code default_shipping} flags (or
 * the customer's ids of its defaults) {@code is_default_billing} / {@code is_default_shipping}, its
 * street's lines one text, its region object the region's name; a product's custom attributes are
 * fields, its SKU is {@code product_id}, its websites come from {@code extension_attributes}.
 */
final class RestLoopShop implements LoopShop {

    private final Magento2Client magento;
    /** A chunk's reads beside the loop thread's own, as the import's client pool has them. */
    private final ExecutorService reads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "loop-read");
        thread.setDaemon(true);
        return thread;
    });

    RestLoopShop(String location, String token) {
        // As the import's Magento2ClientPool builds its HTTP client: no redirects, 10 s to connect.
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
        this.magento = new Magento2Client("loop", location, token, http, MagentoSettings.DEFAULT_TIMEOUT,
                MagentoSettings.DEFAULT_MAX_ANSWER_BYTES, MagentoSettings.DEFAULT_NETWORK_RETRIES, reads,
                Magento2Client.DEFAULT_READ_CONCURRENCY);
    }

    @Override
    public String protocol() {
        return "REST";
    }

    /** {@code store/websites} less the admin website 0, as the import's metadata step keeps them. */
    @Override
    public List<Website> websites() {
        List<Website> websites = new ArrayList<>();
        for (Object item : (List<?>) magento.get(RestPath.of("store/websites"))) {
            Map<?, ?> website = (Map<?, ?>) item;
            if (!"0".equals(String.valueOf(website.get("id")))) {
                websites.add(new Website(String.valueOf(website.get("id")), String.valueOf(website.get("name")),
                        String.valueOf(website.get("code"))));
            }
        }
        return websites;
    }

    @Override
    public List<Group> customerGroups() {
        List<Group> groups = new ArrayList<>();
        for (Map<String, Object> group : items(magento.get(RestPath.of("customerGroups/search"), SearchCriteria.all()))) {
            groups.add(new Group(String.valueOf(group.get("id")), String.valueOf(group.get("code"))));
        }
        return groups;
    }

    /** {@code categories?rootCategoryId=1}: the whole tree from the root catalog, as the import reads it. */
    @Override
    public Category categoryTree() {
        return category((Map<?, ?>) magento.get(RestPath.of("categories"), Query.of("rootCategoryId", "1")));
    }

    private static Category category(Map<?, ?> node) {
        List<Category> children = new ArrayList<>();
        if (node.get("children_data") instanceof List<?> list) {
            list.forEach(child -> children.add(category((Map<?, ?>) child)));
        }
        return new Category(String.valueOf(node.get("id")), String.valueOf(node.get("name")), children);
    }

    @Override
    public List<String> customerIds(String website) {
        return ids(magento.get(RestPath.of("customers/search"),
                SearchCriteria.all().where("website_id", Condition.IN, List.of(website)).fields("items[id]")), "id");
    }

    /**
     * One {@code GET customers/{id}} per customer, {@link Magento2Client#DEFAULT_READ_CONCURRENCY}
     * at a time, as the adapter's chunk read does ({@link Magento2Client#getAll}).
     */
    @Override
    public List<LoopRows.Customer> customers(List<String> ids) {
        List<Object> answers = magento.getAll(ids.stream().map(id -> RestPath.of("customers/{}", id)).toList());
        List<LoopRows.Customer> customers = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            if (answers.get(i) instanceof RuntimeException failure) {
                throw failure;
            }
            customers.add(customer(ids.get(i), answers.get(i)));
        }
        return customers;
    }

    @Override
    public LoopRows.Customer customer(String id) {
        return customer(id, magento.get(RestPath.of("customers/{}", id)));
    }

    private LoopRows.Customer customer(String id, Object answer) {
        Map<String, Object> info = new LinkedHashMap<>(struct(answer));
        List<Map<String, Object>> addresses = addresses(info);
        info.remove("addresses");
        info.put("customer_id", info.remove("id"));
        return new LoopRows.Customer(id, info, addresses);
    }

    private static List<Map<String, Object>> addresses(Map<String, Object> customer) {
        List<Map<String, Object>> addresses = new ArrayList<>();
        if (!(customer.get("addresses") instanceof List<?> list)) {
            return addresses;
        }
        String billing = Objects.toString(customer.get("default_billing"), null);
        String shipping = Objects.toString(customer.get("default_shipping"), null);
        for (Object item : list) {
            Map<String, Object> address = new LinkedHashMap<>();
            ((Map<?, ?>) item).forEach((key, value) -> address.put(String.valueOf(key), value));
            String id = Objects.toString(address.remove("id"), null);
            address.put("customer_address_id", id);
            address.put("is_default_billing", Boolean.TRUE.equals(address.remove("default_billing")) || id != null && id.equals(billing));
            address.put("is_default_shipping", Boolean.TRUE.equals(address.remove("default_shipping")) || id != null && id.equals(shipping));
            if (address.get("street") instanceof List<?> lines) {
                address.put("street", lines.stream().filter(Objects::nonNull).map(Object::toString).collect(Collectors.joining("\n")));
            }
            if (address.get("region") instanceof Map<?, ?> region) {
                Object name = region.get("region");
                address.put("region", name == null || name.toString().isBlank() ? null : name.toString());
            }
            addresses.add(address);
        }
        return addresses;
    }

    @Override
    public List<String> productIds() {
        return ids(magento.get(RestPath.of("products"), SearchCriteria.all().fields("items[sku]")), "sku");
    }

    /** One {@code GET products/{sku}} per product, a few at a time, as the adapter's chunk read does. */
    @Override
    public List<Map<String, Object>> products(List<String> skus) {
        List<Object> answers = magento.getAll(skus.stream().map(sku -> RestPath.of("products/{}", sku)).toList());
        List<Map<String, Object>> products = new ArrayList<>(skus.size());
        for (Object answer : answers) {
            if (answer instanceof RuntimeException failure) {
                throw failure;
            }
            products.add(product(answer));
        }
        return products;
    }

    @Override
    public Map<String, Object> product(String sku) {
        return product(magento.get(RestPath.of("products/{}", sku)));
    }

    private Map<String, Object> product(Object answer) {
        Map<String, Object> product = new LinkedHashMap<>(struct(answer));
        if (product.remove("custom_attributes") instanceof List<?> attributes) {
            for (Object attribute : attributes) {
                if (attribute instanceof Map<?, ?> entry && entry.get("attribute_code") instanceof String code) {
                    product.putIfAbsent(code, entry.get("value"));
                }
            }
        }
        product.put("magento_internal_id", product.remove("id"));
        product.put("product_id", product.get("sku"));
        if (product.get("extension_attributes") instanceof Map<?, ?> extension) {
            if (extension.get("website_ids") instanceof List<?> websites) {
                product.putIfAbsent("websites", websites);
            }
            if (!product.containsKey("category_ids") && extension.get("category_links") instanceof List<?> links) {
                List<Object> ids = new ArrayList<>();
                for (Object link : links) {
                    if (link instanceof Map<?, ?> map && map.get("category_id") != null) {
                        ids.add(map.get("category_id").toString());
                    }
                }
                product.put("category_ids", ids);
            }
        }
        return product;
    }

    /** The {@code field} of a search answer's items: its ids. */
    static List<String> ids(Object answer, String field) {
        return items(answer).stream().map(item -> String.valueOf(item.get(field))).toList();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> items(Object answer) {
        Object items = answer instanceof Map<?, ?> page ? page.get("items") : answer;
        return items == null ? List.of() : (List<Map<String, Object>>) items;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> struct(Object answer) {
        return (Map<String, Object>) answer;
    }

    @Override
    public void close() {
        // No session to end: the token goes with each request.
        reads.shutdown();
    }
}
