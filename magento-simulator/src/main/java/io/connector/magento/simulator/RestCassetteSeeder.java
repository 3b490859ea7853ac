package io.connector.magento.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Fills a store with what recorded Magento 2 REST traffic answered ({@code GET .../rest/V1/...}
 * with JSON bodies), so that the simulator answers those requests the same way: websites, store
 * groups, store views and their configurations, customer groups, customers with their
 * addresses, categories, products with their images and stock, orders. Each record goes into
 * the store in Magento 1's form (see the {@code Rest*Shape} classes), so that the XML-RPC API
 * answers it too.
 *
 * <p>When the recordings answered the same record differently (recorded at different moments of
 * the shop), the one with the latest {@code updated_at} wins, the later recording on a tie; a
 * customer's addresses are all those recorded for it. A record read through a store view
 * ({@code /rest/default/V1/...}) keeps the values that differ from the default scope's as that
 * view's. A recorded record replaces one the store had under the same id, its store view values
 * and images with it; a customer's addresses the recordings do not show are dropped.
 *
 * <p>Passed over: writes (POST, PUT) and what they answered, answers filtered by {@code fields=},
 * errors, and images, which the simulator makes itself ({@link ProductImages}).
 */
final class RestCassetteSeeder {

    /** One recorded answer: where in the recordings, the store code or null, the path below V1 and the body. */
    private record Answer(int order, String storeCode, List<String> path, JsonNode body) {

        String updatedAt() {
            return MagentoDates.naiveUtc(body.path("updated_at").asText(""));
        }
    }

    private final List<Answer> answers = new ArrayList<>();

    /** Whether a recorded interaction is REST traffic (rather than XML-RPC). */
    static boolean isRest(JsonNode interaction) {
        String uri = interaction.path("request").path("uri").asText("");
        return uri.contains("/rest/") || uri.contains("/media/");
    }

    /** Keeps a recorded interaction for {@link #seed}, if it is a successful read of records. */
    void add(JsonNode interaction) {
        JsonNode request = interaction.path("request");
        JsonNode response = interaction.path("response");
        if (!request.path("method").asText().equalsIgnoreCase("GET") || response.path("status").asInt() != 200) {
            return;
        }
        URI uri;
        try {
            uri = URI.create(request.path("uri").asText());
        } catch (IllegalArgumentException e) {
            return;
        }
        String rawPath = uri.getRawPath();
        int rest = rawPath == null ? -1 : rawPath.indexOf("/rest/");
        String query = uri.getRawQuery();
        if (rest < 0 || (query != null && query.contains("fields="))) {
            return;
        }
        List<String> segments = new ArrayList<>();
        for (String segment : rawPath.substring(rest + "/rest/".length()).split("/")) {
            if (!segment.isEmpty()) {
                segments.add(URLDecoder.decode(segment, StandardCharsets.UTF_8));
            }
        }
        String storeCode = null;
        if (!segments.isEmpty() && !segments.get(0).equals("V1")) {
            storeCode = segments.remove(0);
        }
        if (segments.isEmpty() || !segments.remove(0).equals("V1")) {
            return;
        }
        JsonNode body;
        try {
            body = RestJson.MAPPER.readTree(response.path("body").asText());
        } catch (IOException e) {
            return;
        }
        if (body == null) {
            return;
        }
        // A search's items are records like the ones read alone.
        if (body.isObject() && body.has("items") && body.has("total_count") && !segments.isEmpty()) {
            String resource = segments.get(0);
            for (JsonNode item : body.get("items")) {
                answers.add(new Answer(answers.size(), storeCode, searchedAs(resource, item), item));
            }
            return;
        }
        answers.add(new Answer(answers.size(), storeCode, segments, body));
    }

    /** The path a searched item would have been read at alone. */
    private static List<String> searchedAs(String resource, JsonNode item) {
        return switch (resource) {
            case "products" -> List.of("products", item.path("sku").asText());
            case "categories" -> List.of("categories", item.path("id").asText());
            case "customers" -> List.of("customers", item.path("id").asText());
            case "customerGroups" -> List.of("customerGroups", item.path("id").asText());
            case "orders" -> List.of("orders", item.path("entity_id").asText());
            default -> List.of();
        };
    }

    /** Puts the kept answers' records into the store. */
    void seed(DataStore store) {
        seedStructure(store);
        for (Answer answer : latest("customerGroups")) {
            store.customerGroups().put(RestCustomerShapes.groupRecord(answer.body()));
        }
        seedCustomers(store);
        seedScoped(store, store.categories(), "categories", RestCategoryShape::record);
        seedProducts(store);
        seedStock(store);
        for (Answer answer : latest("orders")) {
            store.orders().put(Values.text(answer.body().path("increment_id").asText()), RestOrderShape.record(answer.body()));
        }
    }

    private void seedStructure(DataStore store) {
        for (Answer answer : answers(List.of("store", "websites"))) {
            answer.body().forEach(website -> store.websites().put(RestStoreShapes.websiteRecord(website)));
        }
        for (Answer answer : answers(List.of("store", "storeGroups"))) {
            answer.body().forEach(group -> store.groups().put(RestStoreShapes.groupRecord(group)));
        }
        for (Answer answer : answers(List.of("store", "storeViews"))) {
            answer.body().forEach(view -> store.storeViews().put(RestStoreShapes.storeViewRecord(view)));
        }
        for (Answer answer : answers(List.of("store", "storeConfigs"))) {
            for (JsonNode config : answer.body()) {
                String id = config.path("id").asText();
                Map<String, Object> fields = RestStoreShapes.configFields(config);
                if (!store.storeViews().update(id, view -> view.putAll(fields))) {
                    Map<String, Object> view = new LinkedHashMap<>();
                    view.put("store_id", id);
                    view.put("code", RestJson.toStore(config.get("code")));
                    view.put("website_id", RestJson.toStore(config.get("website_id")));
                    view.putAll(fields);
                    store.storeViews().put(id, view);
                }
            }
        }
    }

    /** The latest answer of each customer, with every address recorded for it, the later one of an id winning. */
    private void seedCustomers(DataStore store) {
        Map<String, Map<String, Map<String, Object>>> addresses = new LinkedHashMap<>();
        for (Answer answer : answers) {
            if (isRead(answer, "customers", false)) {
                String customer = answer.body().path("id").asText();
                Map<String, Map<String, Object>> book = addresses.computeIfAbsent(customer, c -> new LinkedHashMap<>());
                answer.body().path("addresses").forEach(a -> book.put(a.path("id").asText(), RestCustomerShapes.addressRecord(a)));
            }
        }
        for (Answer answer : latest("customers")) {
            String customer = answer.body().path("id").asText();
            replace(store.customers(), customer, null, RestCustomerShapes.customerRecord(answer.body()));
            Map<String, Map<String, Object>> book = addresses.getOrDefault(customer, Map.of());
            for (String old : store.addresses().idsOwnedBy(customer)) {
                if (!book.containsKey(old)) {
                    store.addresses().remove(old);
                }
            }
            book.forEach((id, address) -> replace(store.addresses(), id, customer, address));
        }
    }

    private void seedProducts(DataStore store) {
        Map<String, RestProductShape.Parts> global = new LinkedHashMap<>();
        for (Answer answer : latest("products")) {
            RestProductShape.Parts parts = RestProductShape.record(answer.body());
            String id = Values.text(parts.record().get("product_id"));
            replace(store.products(), id, null, parts.record());
            RecordTable media = store.productMedia();
            for (String old : media.idsOwnedBy(id)) {
                media.remove(old);
            }
            for (Map<String, Object> image : parts.images()) {
                String imageId = Values.text(image.get("value_id"));
                media.put(imageId != null ? imageId : media.nextId(), id, image);
            }
            global.put(id, parts);
        }
        for (Answer answer : answers) {
            if (isRead(answer, "products", true)) {
                Map<String, Object> scoped = RestProductShape.record(answer.body()).record();
                String id = Values.text(scoped.get("product_id"));
                RestProductShape.Parts parts = global.get(id);
                String view = storeViewId(store, answer.storeCode());
                if (parts != null && view != null) {
                    putDifferences(store.products(), id, view, parts.record(), scoped);
                }
            }
        }
    }

    /** A recorded stock item: the product's quantity and stock status, on a product made for it if no answer showed one. */
    private void seedStock(DataStore store) {
        for (Answer answer : answers) {
            if (!isRead(answer, "stockItems", false)) {
                continue;
            }
            String sku = answer.path().get(1);
            List<String> ids = store.products().ids(record -> sku.equals(Values.text(record.get("sku"))));
            String id = ids.isEmpty() ? answer.body().path("product_id").asText() : ids.get(0);
            if (!store.products().contains(id)) {
                Map<String, Object> product = new LinkedHashMap<>();
                product.put("product_id", id);
                product.put("sku", sku);
                store.products().put(id, product);
            }
            store.products().update(id, record -> RestStockItem.intoRecord(answer.body(), record));
        }
    }

    /** Records read in the default scope, then the values read through a store view where they differ. */
    private void seedScoped(DataStore store, RecordTable table, String resource, Function<JsonNode, Map<String, Object>> toRecord) {
        Map<String, Map<String, Object>> global = new LinkedHashMap<>();
        for (Answer answer : latest(resource)) {
            Map<String, Object> record = toRecord.apply(answer.body());
            String id = Values.text(record.get(table.idField()));
            replace(table, id, null, record);
            global.put(id, record);
        }
        for (Answer answer : answers) {
            if (isRead(answer, resource, true)) {
                Map<String, Object> scoped = toRecord.apply(answer.body());
                String id = Values.text(scoped.get(table.idField()));
                String view = storeViewId(store, answer.storeCode());
                if (global.containsKey(id) && view != null) {
                    putDifferences(table, id, view, global.get(id), scoped);
                }
            }
        }
    }

    private static void putDifferences(RecordTable table, String id, String view, Map<String, Object> global, Map<String, Object> scoped) {
        Map<String, Object> differences = new LinkedHashMap<>();
        scoped.forEach((field, value) -> {
            if (!Objects.equals(global.get(field), value)) {
                differences.put(field, value);
            }
        });
        if (!differences.isEmpty()) {
            table.putStoreViewValues(id, view, differences);
        }
    }

    /** The store view of a recorded store code; null for "all" or a code the store does not know. */
    private static String storeViewId(DataStore store, String code) {
        if (code == null) {
            return null;
        }
        List<String> ids = store.storeViews().ids(view -> code.equals(Values.text(view.get("code"))));
        return ids.isEmpty() ? null : ids.get(0);
    }

    /** A recorded record in place of the store's: its store view values and owner go with the old one. */
    private static void replace(RecordTable table, String id, String owner, Map<String, Object> record) {
        table.remove(id);
        table.put(id, owner, record);
    }

    private List<Answer> answers(List<String> path) {
        return answers.stream().filter(a -> a.storeCode() == null && a.path().equals(path) && a.body().isArray()).toList();
    }

    /** A read of one record of the resource ({@code resource/{id}}), through a store view or in the default scope. */
    private static boolean isRead(Answer answer, String resource, boolean scoped) {
        return answer.path().size() == 2 && answer.path().get(0).equals(resource) && answer.body().isObject()
                && scoped == (answer.storeCode() != null);
    }

    /** The latest answer of each record of the resource read in the default scope, in the order first read. */
    private List<Answer> latest(String resource) {
        Map<String, Answer> latest = new LinkedHashMap<>();
        for (Answer answer : answers) {
            if (isRead(answer, resource, false)) {
                String key = answer.path().get(1);
                Answer known = latest.get(key);
                if (known == null || answer.updatedAt().compareTo(known.updatedAt()) >= 0) {
                    latest.put(key, answer);
                }
            }
        }
        return new ArrayList<>(latest.values());
    }
}
