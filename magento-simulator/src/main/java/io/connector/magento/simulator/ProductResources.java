package io.connector.magento.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Products, their images and stock. {@code catalog_product.list} answers Magento's short form
 * of each product; {@code ol_catalog_product.info} the full record (fault 101 "Product not
 * exists."); {@code product_media.list} the images; {@code oerp_cataloginventory_stock_item.update}
 * writes what the connector exports into {@link DataStore#stockItems()}, and
 * {@code cataloginventory_stock_item.list} reads it back as Magento answers it. An image's
 * {@code url} points at the simulator itself, whatever host its record names (the recordings'
 * {@code http://magento/}), as the store configs' base URLs do: a client downloads it from here.
 */
final class ProductResources {

    private static final int PRODUCT_NOT_FOUND = 101;
    private static final String NOT_FOUND = "Product not exists.";
    /**
     * The stock of a product nothing was written for, unless its record has {@code qty} and
     * {@code is_in_stock}: what Magento gives a product saved without stock data.
     */
    static final String DEFAULT_QTY = "0.0000";
    static final String DEFAULT_IN_STOCK = "0";

    private static final java.util.regex.Pattern URL_HOST = java.util.regex.Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/]*/");

    private final DataStore store;
    /** The simulator's base URL, e.g. {@code http://127.0.0.1:41234}, once it listens. */
    private final java.util.function.Supplier<String> selfUrl;

    ProductResources(DataStore store, java.util.function.Supplier<String> selfUrl) {
        this.store = store;
        this.selfUrl = selfUrl;
    }

    void register(ApiMethods api) {
        api.add("catalog_product.list", this::list);
        // ol_catalog_product is the OCA module's copy of catalog_product with the same arguments.
        api.add("ol_catalog_product.info", this::info);
        api.add("catalog_product.info", this::info);
        api.add("product_media.list", this::media);
        api.add("catalog_product_attribute_media.list", this::media);
        api.add("oerp_cataloginventory_stock_item.update", this::updateStock);
        api.add("cataloginventory_stock_item.update", this::updateStock);
        api.add("cataloginventory_stock_item.list", this::listStock);
    }

    /** [filters, store view]. */
    private List<Map<String, Object>> list(Arguments args) throws ApiFault {
        Filter filter = Filter.parse(args.get(0));
        String storeView = Lookups.storeViewId(store, args.get(1));
        List<Map<String, Object>> items = new ArrayList<>();
        for (String id : store.products().ids()) {
            Map<String, Object> record = store.products().get(id, storeView).orElseThrow();
            Map<String, Object> item = listItem(id, record);
            // Filters name the list's fields (website_ids) as well as the record's (updated_at).
            Map<String, Object> view = new LinkedHashMap<>(record);
            view.putAll(item);
            if (filter.matches(view)) {
                items.add(item);
            }
        }
        return items;
    }

    /** Magento's catalog_product.list item, from the full record. */
    static Map<String, Object> listItem(String id, Map<String, Object> record) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("product_id", id);
        item.put("sku", record.get("sku"));
        item.put("name", record.get("name"));
        item.put("set", record.get("set"));
        item.put("type", record.containsKey("type") ? record.get("type") : record.get("type_id"));
        item.put("category_ids", Values.copy(first(record, "category_ids", "categories")));
        item.put("website_ids", Values.copy(first(record, "websites", "website_ids")));
        return item;
    }

    private static Object first(Map<String, Object> record, String field, String otherwise) {
        Object value = record.get(field);
        return value != null ? value : record.getOrDefault(otherwise, List.of());
    }

    /** [product, store view, attributes, identifier type]. */
    private Map<String, Object> info(Arguments args) throws ApiFault {
        String storeView = Lookups.storeViewId(store, args.get(1));
        String id = productId(args.get(0), args.text(3));
        Map<String, Object> record = Lookups.info(store.products(), id, storeView, PRODUCT_NOT_FOUND, NOT_FOUND);
        return Lookups.select(record, args.names(2), "product_id");
    }

    /** [product, store view, identifier type]. */
    private List<Map<String, Object>> media(Arguments args) throws ApiFault {
        Lookups.storeViewId(store, args.get(1));
        String id = productId(args.get(0), args.text(2));
        List<String> images = store.productMedia().idsOwnedBy(id);
        if (images.isEmpty() && !store.products().contains(id)) {
            throw new ApiFault(PRODUCT_NOT_FOUND, NOT_FOUND);
        }
        List<Map<String, Object>> list = new ArrayList<>();
        for (String image : images) {
            store.productMedia().get(image).ifPresent(media -> {
                if (media.get("url") != null) {
                    media.put("url", URL_HOST.matcher(Values.text(media.get("url")))
                            .replaceFirst(java.util.regex.Matcher.quoteReplacement(selfUrl.get() + "/")));
                }
                list.add(media);
            });
        }
        return list;
    }

    /** [product, {qty, is_in_stock, manage_stock, ...}]: merged into the product's stock item. */
    private Boolean updateStock(Arguments args) throws ApiFault {
        String id = productId(args.get(0), null);
        if (!store.products().contains(id)) {
            throw new ApiFault(PRODUCT_NOT_FOUND, NOT_FOUND);
        }
        writeStock(store, id, args.struct(1) == null ? Map.of() : args.struct(1));
        return true;
    }

    /**
     * Merges what a stock update sent (any field, as sent) into the product's stock item: what
     * both protocols' stock updates write, and both read back.
     */
    static void writeStock(DataStore store, String productId, Map<String, Object> data) {
        RecordTable stock = store.stockItems();
        synchronized (stock) {
            Map<String, Object> item = stock.get(productId).orElseGet(LinkedHashMap::new);
            item.put("product_id", productId);
            item.putAll(data);
            stock.put(productId, item);
        }
    }

    /**
     * [[product ids or SKUs]] (or one): {@code [{product_id, sku, qty, is_in_stock}]} for the
     * products that exist, in id order, each once, with Magento's text ("30.0000", "1"). As
     * Magento's, a value is a SKU first and an id otherwise, and an unknown one is left out.
     */
    private List<Map<String, Object>> listStock(Arguments args) {
        Object given = args.get(0);
        List<?> wanted = given instanceof List<?> list ? list : given == null ? List.of() : List.of(given);
        Set<String> ids = new TreeSet<>(NaturalOrder.INSTANCE);
        for (Object product : wanted) {
            String text = Values.text(product);
            if (text == null) {
                continue;
            }
            List<String> bySku = store.products().ids(record -> text.equals(Values.text(record.get("sku"))));
            String id = bySku.isEmpty() ? text : bySku.get(0);
            if (store.products().contains(id)) {
                ids.add(id);
            }
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (String id : ids) {
            Map<String, Object> product = store.products().get(id).orElseThrow();
            Map<String, Object> stock = store.stockItems().get(id).orElseGet(Map::of);
            Object qty = stock.get("qty") != null ? stock.get("qty") : product.get("qty");
            Object inStock = stock.get("is_in_stock") != null ? stock.get("is_in_stock") : product.get("is_in_stock");
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("product_id", id);
            item.put("sku", product.get("sku"));
            item.put("qty", qty == null ? DEFAULT_QTY : Values.amount(Values.decimal(qty)));
            item.put("is_in_stock", inStock == null ? DEFAULT_IN_STOCK : Values.truthy(inStock) ? "1" : "0");
            items.add(item);
        }
        return items;
    }

    /**
     * Magento's identifier rule: "id" or "sku" when the caller says which; otherwise a number is
     * an id if such a product exists, and anything else a SKU.
     */
    private String productId(Object product, String identifierType) {
        String given = Values.text(product);
        if (given == null) {
            return null;
        }
        boolean bySku = "sku".equals(identifierType)
                || (identifierType == null && !(given.chars().allMatch(Character::isDigit) && store.products().contains(given)));
        if (!bySku) {
            return given;
        }
        List<String> ids = store.products().ids(record -> given.equals(Values.text(record.get("sku"))));
        return ids.isEmpty() ? given : ids.get(0);
    }
}
