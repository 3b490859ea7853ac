package io.connector.magento.simulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.connector.magento.v17.xmlrpc.XmlRpcCodec;
import io.connector.magento.v17.xmlrpc.XmlRpcException;
import io.connector.magento.v17.xmlrpc.XmlRpcFault;

/**
 * Fills a store with what recorded Magento traffic answered, so that the simulator answers the
 * same requests the same way. A cassette is {@code {"source", "interactions": [{"request":
 * {method, uri, content_type, body}, "response": {status, content_type, body}}]}} with verbatim
 * XML-RPC bodies, or JSON ones for Magento 2's REST traffic ({@link RestCassetteSeeder}).
 *
 * <p>Full records ({@code *.info}) win over the shorter forms lists and trees answer, whatever
 * the order they were recorded in, and an address list tells whose addresses they are. What a
 * write answered, and any fault, teaches nothing about records and is passed over.
 */
public final class CassetteSeeder {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One successful API call of the recordings. */
    private record Answered(String method, Arguments args, Object result) {
    }

    private CassetteSeeder() {
    }

    /**
     * Loads every {@code *.json} cassette of {@code path}, a directory, or the one cassette it
     * names; answers how many records the store gained. XML-RPC traffic (Magento 1) and REST
     * traffic (Magento 2, {@link RestCassetteSeeder}) may be mixed: each interaction is read as
     * what it is.
     */
    public static int seed(DataStore store, Path path) throws IOException {
        List<Path> cassettes;
        if (Files.isRegularFile(path)) {
            cassettes = List.of(path);
        } else if (Files.isDirectory(path)) {
            try (Stream<Path> files = Files.list(path)) {
                cassettes = files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
            }
        } else {
            throw new IOException("No cassette directory " + path.toAbsolutePath());
        }
        int before = total(store);
        List<Answered> answered = new ArrayList<>();
        RestCassetteSeeder rest = new RestCassetteSeeder();
        for (Path file : cassettes) {
            answered.addAll(read(file, rest));
        }
        for (Answered call : answered) {
            loadSummary(store, call);
        }
        for (Answered call : answered) {
            loadRecord(store, call);
        }
        for (Answered call : answered) {
            loadMedia(store, call);
        }
        linkAddressesToCustomers(store);
        rest.seed(store);
        return total(store) - before;
    }

    private static int total(DataStore store) {
        return store.counts().values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The XML-RPC calls of a cassette; its REST interactions go to {@code rest}. */
    private static List<Answered> read(Path file, RestCassetteSeeder rest) throws IOException {
        List<Answered> answered = new ArrayList<>();
        JsonNode root = JSON.readTree(file.toFile());
        for (JsonNode interaction : root.path("interactions")) {
            if (RestCassetteSeeder.isRest(interaction)) {
                rest.add(interaction);
                continue;
            }
            if (interaction.path("response").path("status").asInt() != 200) {
                continue;
            }
            try {
                XmlRpcCodec.Call request = XmlRpcCodec.decodeCall(bytes(interaction.path("request").path("body")));
                Object result = XmlRpcCodec.decodeResponse(bytes(interaction.path("response").path("body")));
                Arguments params = new Arguments(request.params());
                if (request.method().equals("call")) {
                    answered.add(new Answered(params.text(1), Arguments.of(params.get(2)), result));
                } else if (request.method().equals("multiCall") && params.get(1) instanceof List<?> calls && result instanceof List<?> results) {
                    for (int i = 0; i < Math.min(calls.size(), results.size()); i++) {
                        if (calls.get(i) instanceof List<?> pair && !pair.isEmpty() && !isFault(results.get(i))) {
                            answered.add(new Answered(Values.text(pair.get(0)), Arguments.of(pair.size() > 1 ? pair.get(1) : null), results.get(i)));
                        }
                    }
                }
            } catch (XmlRpcFault | XmlRpcException e) {
                // a fault or an unreadable body: no record in it
            }
        }
        return answered;
    }

    private static byte[] bytes(JsonNode text) {
        return text.asText().getBytes(StandardCharsets.UTF_8);
    }

    private static boolean isFault(Object result) {
        return result instanceof Map<?, ?> map && Boolean.TRUE.equals(map.get("isFault"));
    }

    /** Lists and trees: records in their short form, only where no record is known yet. */
    private static void loadSummary(DataStore store, Answered call) {
        switch (call.method()) {
            case "ol_customer_groups.list" -> eachStruct(call.result(), r -> putIfAbsent(store.customerGroups(), r, null));
            case "catalog_product.list" -> eachStruct(call.result(), r -> putIfAbsent(store.products(), r, null));
            case "catalog_category.tree" -> loadTree(store.categories(), call.result());
            case "customer_address.list" -> {
                String customer = addressOwner(call.args());
                eachStruct(call.result(), r -> {
                    RecordTable addresses = store.addresses();
                    String id = Values.text(r.get(addresses.idField()));
                    if (id != null && !addresses.putIfAbsent(id, customer, r) && customer != null) {
                        addresses.setOwner(id, customer);
                    }
                });
            }
            default -> {
            }
        }
    }

    /** {@code [{customer_id: {eq: id}}]} as the connector sends it, or Magento's own {@code [id]}. */
    private static String addressOwner(Arguments args) {
        if (args.get(0) instanceof Map<?, ?>) {
            try {
                return Filter.parse(args.get(0)).equalityOn("customer_id").orElse(null);
            } catch (ApiFault e) {
                return null;
            }
        }
        return args.text(0);
    }

    private static void loadTree(RecordTable categories, Object node) {
        if (!(node instanceof Map<?, ?> map)) {
            return;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = new LinkedHashMap<>((Map<String, Object>) map);
        Object children = fields.remove("children");
        putIfAbsent(categories, fields, null);
        if (children instanceof List<?> list) {
            list.forEach(child -> loadTree(categories, child));
        }
    }

    /** Full records, over any short form. */
    private static void loadRecord(DataStore store, Answered call) {
        if (!(call.result() instanceof Map<?, ?>)) {
            return;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> record = (Map<String, Object>) call.result();
        switch (call.method()) {
            case "ol_websites.info" -> store.websites().put(record);
            case "ol_groups.info" -> store.groups().put(record);
            case "ol_storeviews.info" -> store.storeViews().put(record);
            case "ol_customer_groups.info" -> store.customerGroups().put(record);
            case "customer.info" -> store.customers().put(record);
            case "customer_address.info" -> store.addresses().put(record);
            case "sales_order.info" -> store.orders().put(record);
            case "catalog_category.info" -> putSeenFrom(store.categories(), record, call.args().text(1));
            case "ol_catalog_product.info", "catalog_product.info" -> putSeenFrom(store.products(), record, call.args().text(1));
            default -> {
            }
        }
    }

    /** A record read for a store view holds that view's values: they go on top of the record's own. */
    private static void putSeenFrom(RecordTable table, Map<String, Object> record, String storeView) {
        String id = Values.text(record.get(table.idField()));
        if (id == null) {
            return;
        }
        if (storeView == null) {
            table.put(id, record);
        } else {
            putIfAbsent(table, record, null);
            table.putStoreViewValues(id, storeView, record);
        }
    }

    /** A product's images replace the ones it had, in the order recorded. */
    private static void loadMedia(DataStore store, Answered call) {
        if (!call.method().equals("product_media.list") && !call.method().equals("catalog_product_attribute_media.list")) {
            return;
        }
        String given = call.args().text(0);
        if (given == null) {
            return;
        }
        String product = given;
        if ("sku".equals(call.args().text(2))) {
            List<String> ids = store.products().ids(r -> given.equals(Values.text(r.get("sku"))));
            product = ids.isEmpty() ? given : ids.get(0);
        }
        RecordTable media = store.productMedia();
        for (String old : media.idsOwnedBy(product)) {
            media.remove(old);
        }
        String owner = product;
        eachStruct(call.result(), image -> media.put(media.nextId(), owner, image));
    }

    /** An address read alone says nothing of its customer, but the customer names its defaults. */
    private static void linkAddressesToCustomers(DataStore store) {
        RecordTable addresses = store.addresses();
        for (String id : addresses.ids((owner, record) -> owner == null)) {
            List<String> customers = store.customers().ids(c -> id.equals(Values.text(c.get("default_billing")))
                    || id.equals(Values.text(c.get("default_shipping"))));
            Optional<String> customer = customers.stream().findFirst();
            customer.ifPresent(c -> addresses.setOwner(id, c));
        }
    }

    private static void putIfAbsent(RecordTable table, Map<String, Object> record, String owner) {
        String id = Values.text(record.get(table.idField()));
        if (id != null) {
            table.putIfAbsent(id, owner, record);
        }
    }

    @SuppressWarnings("unchecked")
    private static void eachStruct(Object result, Consumer<Map<String, Object>> action) {
        if (result instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> map) {
                    action.accept((Map<String, Object>) map);
                }
            }
        }
    }
}
