package io.connector.magento.simulator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Categories, products and their stock over the same records as {@code catalog_category},
 * {@code catalog_product}, {@code product_media} and {@code cataloginventory_stock_item}:
 * {@code categories/{id}}, {@code categories/list} (a search), {@code categories} (the tree),
 * {@code products} (a search), {@code products/{sku}}, {@code products/{sku}/media},
 * {@code stockItems/{sku}} and {@code PUT products/{sku}/stockItems/{itemId}}. A store-scoped
 * request ({@code /rest/default/V1/...}) reads a category's or product's values for that store
 * view, as {@code catalog_category.info} and {@code catalog_product.info} do when given one.
 */
final class RestCatalogResources {

    private static final String CATEGORIES = "Magento_Catalog::categories";
    private static final String PRODUCTS = "Magento_Catalog::products";
    private static final String INVENTORY = "Magento_CatalogInventory::cataloginventory";
    private static final Map<String, String> CATEGORY_ALIASES = Map.of("entity_id", "id");
    private static final Map<String, String> PRODUCT_ALIASES = Map.of("entity_id", "id", "category_id", "category_ids");

    private final DataStore store;

    RestCatalogResources(DataStore store) {
        this.store = store;
    }

    void register(RestRoutes routes) {
        RecordTable categories = store.categories();
        routes.add("GET", "categories/{id}", CATEGORIES, request -> {
            String id = request.param("id");
            if (!categories.contains(id)) {
                throw RestError.noSuchEntity("id", id);
            }
            return category(id, request.storeViewId());
        });
        routes.add("GET", "categories/list", CATEGORIES,
                request -> RestSearches.search(request, categories.ids(), id -> category(id, request.storeViewId()), CATEGORY_ALIASES));
        routes.add("GET", "categories", CATEGORIES, this::tree);

        routes.add("GET", "products", PRODUCTS,
                request -> RestSearches.search(request, store.products().ids(), id -> product(id, request.storeViewId()), PRODUCT_ALIASES));
        routes.add("GET", "products/{sku}", PRODUCTS, request -> product(productId(request.param("sku")), request.storeViewId()));
        routes.add("GET", "products/{sku}/media", PRODUCTS, request -> {
            JsonNode product = product(productId(request.param("sku")), request.storeViewId());
            return product.get("media_gallery_entries");
        });
        routes.add("GET", "stockItems/{sku}", INVENTORY, request -> stockItem(productId(request.param("sku"))));
        routes.add("PUT", "products/{sku}/stockItems/{itemId}", INVENTORY, this::updateStock);
    }

    /** The product of a SKU; 404 as Magento's product repository answers. */
    String productId(String sku) throws RestError {
        List<String> ids = store.products().ids(record -> sku != null && sku.equals(Values.text(record.get("sku"))));
        if (ids.isEmpty()) {
            throw RestError.productNotFound();
        }
        return ids.get(0);
    }

    private ObjectNode category(String id, String storeViewId) {
        Map<String, Object> record = store.categories().get(id, storeViewId).orElse(null);
        return record == null ? null : RestCategoryShape.category(id, record, childrenOf(id));
    }

    /** A category's children, by position, for a record that does not list them. */
    private String childrenOf(String id) {
        List<Map<String, Object>> children = new ArrayList<>();
        for (Map<String, Object> record : store.categories().records()) {
            String parent = Values.text(record.get("parent_id"));
            String child = Values.text(record.get("category_id"));
            if (id.equals(parent) && !id.equals(child)) {
                children.add(record);
            }
        }
        children.sort(Comparator.comparing((Map<String, Object> c) -> Values.decimal(c.get("position")))
                .thenComparing(c -> Values.text(c.get("category_id")), NaturalOrder.INSTANCE));
        List<String> ids = new ArrayList<>();
        children.forEach(c -> ids.add(Values.text(c.get("category_id"))));
        return String.join(",", ids);
    }

    /**
     * {@code categories?rootCategoryId=&depth=}: the tree below a category (the default store's
     * root, Default Category, when none is named), as Magento 2's category management answers it.
     */
    private JsonNode tree(RestRequest request) throws RestError {
        String root = request.queryValue("rootCategoryId");
        if (root == null || root.isEmpty()) {
            root = store.categories().contains(CategoryGenerator.DEFAULT_CATEGORY_ID) ? CategoryGenerator.DEFAULT_CATEGORY_ID
                    : CategoryResources.TREE_ROOT_ID;
        }
        if (!store.categories().contains(root)) {
            throw RestError.noSuchEntity("id", root);
        }
        String depthText = request.queryValue("depth");
        int depth;
        try {
            depth = depthText == null || depthText.isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(depthText);
        } catch (NumberFormatException e) {
            throw RestError.invalidValue("depth", depthText);
        }
        Map<String, List<String>> children = new HashMap<>();
        Map<String, Map<String, Object>> records = new LinkedHashMap<>();
        for (String id : store.categories().ids()) {
            Map<String, Object> record = store.categories().get(id, request.storeViewId()).orElseThrow();
            records.put(id, record);
            String parent = Values.text(record.get("parent_id"));
            if (!id.equals(parent)) {
                children.computeIfAbsent(parent, p -> new ArrayList<>()).add(id);
            }
        }
        Map<String, Integer> productCounts = productCounts();
        return treeNode(root, records, children, productCounts, depth, 0);
    }

    private ObjectNode treeNode(String id, Map<String, Map<String, Object>> records, Map<String, List<String>> children,
            Map<String, Integer> productCounts, int depth, int level) {
        Map<String, Object> record = records.get(id);
        ObjectNode node = RestJson.object();
        node.set("id", RestJson.number(id));
        RestJson.put(node, "parent_id", RestJson.number(record.get("parent_id")));
        RestJson.put(node, "name", RestJson.text(record.get("name")));
        RestJson.put(node, "is_active", RestJson.bool(record.get("is_active")));
        RestJson.put(node, "position", RestJson.number(record.get("position")));
        RestJson.put(node, "level", RestJson.number(record.get("level")));
        node.put("product_count", productCounts.getOrDefault(id, 0));
        ArrayNode data = node.putArray("children_data");
        if (level < depth && level < 64) {
            List<String> below = new ArrayList<>(children.getOrDefault(id, List.of()));
            below.sort(Comparator.comparing((String c) -> Values.decimal(records.get(c).get("position"))).thenComparing(NaturalOrder.INSTANCE));
            for (String child : below) {
                data.add(treeNode(child, records, children, productCounts, depth, level + 1));
            }
        }
        return node;
    }

    private Map<String, Integer> productCounts() {
        Map<String, Integer> counts = new HashMap<>();
        for (Map<String, Object> product : store.products().records()) {
            for (Object category : RestProductShape.categoryIds(product)) {
                counts.merge(Values.text(category), 1, Integer::sum);
            }
        }
        return counts;
    }

    private ObjectNode product(String id, String storeViewId) {
        Map<String, Object> record = store.products().get(id, storeViewId).orElse(null);
        if (record == null) {
            return null;
        }
        Map<String, Map<String, Object>> images = new LinkedHashMap<>();
        for (String imageId : store.productMedia().idsOwnedBy(id)) {
            store.productMedia().get(imageId).ifPresent(image -> images.put(imageId, image));
        }
        return RestProductShape.product(id, record, images, stockItem(id));
    }

    private ObjectNode stockItem(String productId) {
        Map<String, Object> record = store.products().get(productId).orElseGet(Map::of);
        return RestStockItem.of(productId, record, store.stockItems().get(productId).orElseGet(Map::of));
    }

    /**
     * {@code {"stockItem": {...}}}: the fields sent go into the product's stock item as sent, as
     * {@code oerp_cataloginventory_stock_item.update} writes them; answers the item id, as text.
     */
    private JsonNode updateStock(RestRequest request) throws RestError {
        String productId = productId(request.param("sku"));
        JsonNode item = request.required("stockItem");
        if (!item.isObject()) {
            throw RestError.invalidValue("stockItem", item.toString());
        }
        Map<String, Object> data = new LinkedHashMap<>();
        item.fields().forEachRemaining(field -> {
            if (!field.getKey().equals("item_id") && !field.getKey().equals("product_id")) {
                data.put(field.getKey(), RestJson.toJava(field.getValue()));
            }
        });
        Object qty = data.get("qty");
        if (qty != null && !(qty instanceof Number) && !isNumber(Values.text(qty))) {
            throw RestError.invalidValue("qty", qty);
        }
        ProductResources.writeStock(store, productId, data);
        return TextNode.valueOf(productId);
    }

    private static boolean isNumber(String text) {
        try {
            new BigDecimal(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
