package io.connector.benchmarks.importbench;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.connector.magento.v17.client.MagentoClient;

/**
 * The loop's reads over Magento 1's XML-RPC, as the magento/1.7 import makes them: one API session
 * for the run (login once), as the import's client shares one per backend. Per chunk of customer
 * ids one {@code multiCall} of {@code customer.info}, then one of {@code customer_address.list}, whose
 * addresses are whole (the import reads no {@code customer_address.info}); per chunk of product ids one multiCall of
 * {@code ol_catalog_product.info}. The import's client splits a multiCall of more than
 * {@code MagentoClient.DEFAULT_MULTICALL_MAX} calls (100); this is the same client, so it splits
 * them the same way. The ids come from {@code ol_customer.search} per website and
 * {@code catalog_product.list}, as the import's batch step finds them.
 */
final class XmlRpcLoopShop implements LoopShop {

    private final MagentoClient magento;

    XmlRpcLoopShop(String url, String user, String key) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        this.magento = new MagentoClient("loop", url, user, key, http, Duration.ofSeconds(60));
    }

    @Override
    public String protocol() {
        return "XML-RPC";
    }

    @Override
    public List<Website> websites() {
        List<Website> websites = new ArrayList<>();
        for (Object id : (List<?>) magento.call("ol_websites.search", List.of(Map.of()))) {
            Map<?, ?> website = (Map<?, ?>) magento.call("ol_websites.info", List.of(id));
            websites.add(new Website(String.valueOf(id), String.valueOf(website.get("name")), String.valueOf(website.get("code"))));
        }
        return websites;
    }

    @Override
    public List<Group> customerGroups() {
        List<Group> groups = new ArrayList<>();
        for (Object item : (List<?>) magento.call("ol_customer_groups.list", List.of(Map.of()))) {
            Map<?, ?> group = (Map<?, ?>) item;
            groups.add(new Group(String.valueOf(group.get("customer_group_id")), String.valueOf(group.get("customer_group_code"))));
        }
        return groups;
    }

    @Override
    public Category categoryTree() {
        return category((Map<?, ?>) magento.call("catalog_category.tree", List.of()));
    }

    private static Category category(Map<?, ?> node) {
        List<Category> children = new ArrayList<>();
        if (node.get("children") instanceof List<?> list) {
            list.forEach(child -> children.add(category((Map<?, ?>) child)));
        }
        return new Category(String.valueOf(node.get("category_id")), String.valueOf(node.get("name")), children);
    }

    @Override
    public List<String> customerIds(String website) {
        List<String> ids = new ArrayList<>();
        for (Object id : (List<?>) magento.call("ol_customer.search", List.of(Map.of("website_id", Map.of("in", List.of(website)))))) {
            ids.add(String.valueOf(id));
        }
        return ids;
    }

    @Override
    public List<LoopRows.Customer> customers(List<String> part) {
        List<Object> infos = multiCall("customer.info", part.stream().map(id -> List.<Object>of(Integer.valueOf(id))).toList());
        List<Object> lists = multiCall("customer_address.list", part.stream()
                .map(id -> List.<Object>of(Map.of("customer_id", Map.of("eq", id)))).toList());
        List<LoopRows.Customer> customers = new ArrayList<>();
        for (int i = 0; i < part.size(); i++) {
            customers.add(new LoopRows.Customer(part.get(i), struct(infos.get(i)), structs(lists.get(i))));
        }
        return customers;
    }

    /** Apart, with plain calls, as the import's job of its own reads it. */
    @Override
    public LoopRows.Customer customer(String id) {
        Map<String, Object> info = struct(magento.call("customer.info", List.of(Integer.valueOf(id))));
        List<Map<String, Object>> addresses = structs(magento.call("customer_address.list",
                List.of(Map.of("customer_id", Map.of("eq", id)))));
        return new LoopRows.Customer(id, info, addresses);
    }

    @Override
    public List<String> productIds() {
        List<String> ids = new ArrayList<>();
        for (Object item : (List<?>) magento.call("catalog_product.list", List.of(Map.of()))) {
            ids.add(String.valueOf(((Map<?, ?>) item).get("product_id")));
        }
        return ids;
    }

    @Override
    public List<Map<String, Object>> products(List<String> part) {
        return multiCall("ol_catalog_product.info", part.stream()
                .map(id -> Arrays.<Object>asList(Integer.valueOf(id), null, null, "id")).toList()).stream().map(XmlRpcLoopShop::struct).toList();
    }

    @Override
    public Map<String, Object> product(String id) {
        return struct(magento.call("ol_catalog_product.info", Arrays.asList(Integer.valueOf(id), null, null, "id")));
    }

    private List<Object> multiCall(String method, List<List<Object>> args) {
        List<Object> answers = magento.multiCall(args.stream().map(a -> new MagentoClient.Call(method, a)).toList());
        for (Object answer : answers) {
            if (answer instanceof RuntimeException failure) {
                throw failure;
            }
        }
        return answers;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> struct(Object answer) {
        return (Map<String, Object>) answer;
    }

    /** A customer's addresses as customer_address.list answers them, each a struct (a new list: the rows add none). */
    private static List<Map<String, Object>> structs(Object answer) {
        List<Map<String, Object>> structs = new ArrayList<>();
        ((List<?>) answer).forEach(item -> structs.add(struct(item)));
        return structs;
    }

    @Override
    public void close() {
        magento.close();
    }
}
