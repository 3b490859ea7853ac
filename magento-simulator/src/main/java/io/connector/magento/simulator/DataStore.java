package io.connector.magento.simulator;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the simulated shop holds, one {@link RecordTable} per Magento model. Tests reach it
 * through {@link MagentoSimulator#store()} to add records or change them between two imports.
 *
 * <p>Links Magento keeps outside the records are owners: an address is owned by its customer id,
 * an image by its product id, an invoice or shipment by its order's increment id, a tracking
 * number by its shipment's increment id.
 */
public final class DataStore {

    private final Map<String, RecordTable> tables = new LinkedHashMap<>();
    private final RecordTable websites = add("websites", "website_id");
    private final RecordTable groups = add("groups", "group_id");
    private final RecordTable storeViews = add("storeviews", "store_id");
    private final RecordTable customerGroups = add("customer_groups", "customer_group_id");
    private final RecordTable customers = add("customers", "customer_id");
    private final RecordTable addresses = add("addresses", "customer_address_id");
    private final RecordTable categories = add("categories", "category_id");
    private final RecordTable products = add("products", "product_id");
    private final RecordTable attributeSets = add("attribute_sets", "set_id");
    private final RecordTable productMedia = add("product_media", "value_id");
    private final RecordTable stockItems = add("stock_items", "product_id");
    private final RecordTable orders = add("orders", "increment_id");
    private final RecordTable invoices = add("invoices", "increment_id");
    private final RecordTable shipments = add("shipments", "increment_id");
    private final RecordTable tracks = add("tracks", "track_id");

    private RecordTable add(String name, String idField) {
        RecordTable table = new RecordTable(name, idField);
        tables.put(name, table);
        return table;
    }

    /** ol_websites. */
    public RecordTable websites() {
        return websites;
    }

    /** ol_groups: Magento's "stores". */
    public RecordTable groups() {
        return groups;
    }

    /** ol_storeviews. */
    public RecordTable storeViews() {
        return storeViews;
    }

    /** ol_customer_groups. */
    public RecordTable customerGroups() {
        return customerGroups;
    }

    /** customer.info records. */
    public RecordTable customers() {
        return customers;
    }

    /** customer_address.info records, each owned by its customer id. */
    public RecordTable addresses() {
        return addresses;
    }

    /** catalog_category.info records; the tree is built from their parent_id and position. */
    public RecordTable categories() {
        return categories;
    }

    /** ol_catalog_product.info records. */
    public RecordTable products() {
        return products;
    }

    /** catalog_product_attribute_set.list items: {@code {set_id, name}}, which products' {@code set} names. */
    public RecordTable attributeSets() {
        return attributeSets;
    }

    /** product_media.list items, each owned by its product id, listed in id order. */
    public RecordTable productMedia() {
        return productMedia;
    }

    /** What oerp_cataloginventory_stock_item.update wrote, by product id. */
    public RecordTable stockItems() {
        return stockItems;
    }

    /** sales_order.info records, by increment id. */
    public RecordTable orders() {
        return orders;
    }

    /** Invoices sales_order_invoice.create made, each owned by its order's increment id. */
    public RecordTable invoices() {
        return invoices;
    }

    /** Shipments sales_order_shipment.create made, each owned by its order's increment id. */
    public RecordTable shipments() {
        return shipments;
    }

    /** Tracking numbers sales_order_shipment.addTrack added, each owned by its shipment's increment id. */
    public RecordTable tracks() {
        return tracks;
    }

    /** A table by its name (e.g. "customers"), or null. */
    public RecordTable table(String name) {
        return tables.get(name);
    }

    public Collection<RecordTable> tables() {
        return List.copyOf(tables.values());
    }

    /** How many records each table holds, by table name. */
    public Map<String, Integer> counts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        tables.forEach((name, table) -> counts.put(name, table.size()));
        return counts;
    }

    /** Empties every table. */
    public void clear() {
        tables.values().forEach(RecordTable::clear);
    }

    /** Writes one JSON file per table into {@code dir} (see {@link DataFiles}). */
    public void save(Path dir) throws IOException {
        DataFiles.save(this, dir);
    }

    /** Adds the records of the JSON files in {@code dir}, over any with the same id. */
    public void load(Path dir) throws IOException {
        DataFiles.load(this, dir);
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        counts().forEach((name, count) -> parts.add(name + "=" + count));
        return "DataStore" + parts;
    }
}
