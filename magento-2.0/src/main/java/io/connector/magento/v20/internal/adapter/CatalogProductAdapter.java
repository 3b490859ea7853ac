package io.connector.magento.v20.internal.adapter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.connector.api.UnitFor;
import io.connector.api.unit.BackendAdapter;
import io.connector.magento.MagentoModels;
import io.connector.magento.adapter.ProductAdapter;
import io.connector.magento.adapter.ProductImage;
import io.connector.magento.v20.adapter.Magento2Adapter;
import io.connector.magento.v20.client.Magento2Clients;
import io.connector.magento.v20.client.RestPath;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * Products, known by SKU: Magento 2's REST API reads, searches and updates a product by its SKU,
 * so the SKU is the product's external id ({@code products?fields=items[sku]}, {@code products/{sku}},
 * the SKU URL-encoded as one path segment). A product's stock is its stock item, found with
 * {@code stockItems/{sku}} and set with {@code PUT products/{sku}/stockItems/{itemId}}. Its images
 * are its {@code media_gallery_entries}, downloaded from the store view's media URL: no request
 * lists them.
 */
@Component(name = "io.connector.magento.v20.adapter.CatalogProductAdapter", service = BackendAdapter.class,
        scope = ServiceScope.PROTOTYPE)
@UnitFor(service = MagentoModels.SERVICE, version = "2.0", model = MagentoModels.PRODUCT)
public final class CatalogProductAdapter extends Magento2Adapter implements ProductAdapter {

    @Activate
    public CatalogProductAdapter(@Reference Magento2Clients clients) {
        super(clients);
    }

    @Override
    protected String searchPath() {
        return "products";
    }

    @Override
    protected String idField() {
        return "sku";
    }

    @Override
    protected RestPath recordPath(String id) {
        return RestPath.of("products/{}", id);
    }

    /**
     * Its custom attributes (description, cost, category_ids, ...) as fields; {@code product_id}
     * the SKU, its external id here, with Magento's entity id kept as {@code magento_internal_id};
     * its websites from {@code extension_attributes.website_ids}; its categories from the
     * category links when the {@code category_ids} attribute is missing.
     */
    @Override
    protected Map<String, Object> normalize(Map<String, Object> record) {
        withCustomAttributes(record);
        record.put("magento_internal_id", record.remove("id"));
        record.put("product_id", record.get("sku"));
        if (record.get("extension_attributes") instanceof Map<?, ?> extension) {
            if (extension.get("website_ids") instanceof List<?> websites) {
                record.putIfAbsent("websites", websites);
            }
            if (!record.containsKey("category_ids") && extension.get("category_links") instanceof List<?> links) {
                List<Object> ids = new ArrayList<>();
                for (Object link : links) {
                    if (link instanceof Map<?, ?> map && map.get("category_id") != null) {
                        ids.add(map.get("category_id").toString());
                    }
                }
                record.put("category_ids", ids);
            }
        }
        return record;
    }

    /**
     * The record's {@code media_gallery_entries} that are images and not disabled, at {@link
     * #mediaBase} + {@code catalog/product} + the entry's file; the main one has the {@code image}
     * type. Magento 2 answers them with the product: no request here.
     */
    @Override
    public List<ProductImage> images(String productId, Map<String, Object> product) {
        if (!(product.get("media_gallery_entries") instanceof List<?> entries) || entries.isEmpty()) {
            return List.of();
        }
        return images(entries, mediaBase());
    }

    /** The image entries of {@code entries} at {@code mediaBase}, main first. */
    static List<ProductImage> images(List<?> entries, String mediaBase) {
        String base = mediaBase.endsWith("/") ? mediaBase : mediaBase + "/";
        List<ProductImage> images = new ArrayList<>();
        for (Object item : entries) {
            if (!(item instanceof Map<?, ?> entry) || !"image".equals(entry.get("media_type")) || yes(entry.get("disabled"))
                    || !(entry.get("file") instanceof String file) || file.isBlank()) {
                continue;
            }
            Object label = entry.get("label");
            images.add(new ProductImage(file, base + "catalog/product" + (file.startsWith("/") ? file : "/" + file),
                    label == null ? null : label.toString(), position(entry.get("position")),
                    entry.get("types") instanceof List<?> types && types.contains("image")));
        }
        return ProductImage.mainFirst(images);
    }

    private static boolean yes(Object value) {
        return Boolean.TRUE.equals(value) || "1".equals(String.valueOf(value)) || "true".equals(String.valueOf(value));
    }

    private static int position(Object value) {
        try {
            return value == null ? Integer.MAX_VALUE : Integer.parseInt(value.toString().trim());
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    /** Looked up once per job: every product of a chunk has the same. */
    private String mediaBase;

    /**
     * Where the shop's media are: the {@code base_media_url} of the backend's store view with code
     * {@code default}, else of its first one (as imported with the metadata); without one, the
     * location's {@code /media/}, as the reference does.
     */
    String mediaBase() {
        if (mediaBase == null) {
            List<Map<String, Object>> views = environment().store().inTransaction(s -> s.query(MagentoModels.STORE_VIEW)
                    .where("backend_id", "=", backendRecord().id()).order("id").read("code", "base_media_url"));
            mediaBase = views.stream().filter(view -> "default".equals(view.get("code"))).findFirst()
                    .or(() -> views.stream().findFirst()).map(view -> view.get("base_media_url"))
                    .filter(url -> url instanceof String text && !text.isBlank()).map(Object::toString)
                    .orElseGet(() -> siteRoot(backendRecord().location()) + "/media/");
        }
        return mediaBase;
    }

    /** The location without a REST root or {@code index.php} it may name ({@code https://shop/rest/V1}). */
    static String siteRoot(String location) {
        String root = location.trim().replaceAll("/+$", "");
        for (String api : List.of("/index.php", "/rest/")) {
            int at = root.indexOf(api);
            if (at >= 0) {
                root = root.substring(0, at);
            }
        }
        return root;
    }

    @Override
    public void updateStock(String productId, Map<String, Object> data) {
        RestPath item = RestPath.of("stockItems/{}", productId);
        Object itemId = struct(client().get(item), "GET " + item).get("item_id");
        if (itemId == null) {
            throw malformed("a stock item with an item_id", itemId, "GET " + item);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("stockItem", data);
        client().put(RestPath.of("products/{}/stockItems/{}", productId, itemId), body);
    }

    /** One product after the other: Magento 2 has no batch call. */
    @Override
    public List<RuntimeException> updateStocks(List<String> productIds, List<Map<String, Object>> data) {
        List<RuntimeException> failures = new ArrayList<>(productIds.size());
        for (int i = 0; i < productIds.size(); i++) {
            try {
                updateStock(productIds.get(i), data.get(i));
                failures.add(null);
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        return failures;
    }
}
