package io.connector.magento.simulator;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Products in the categories below level 1, mostly simple, with a few of the types the connector
 * must skip or map (configurable, virtual, downloadable, bundle, grouped), each with 0 to 3
 * images.
 */
final class ProductGenerator {

    private static final List<String> TYPES = List.of("configurable", "virtual", "downloadable", "bundle", "grouped");
    private static final List<String> ATTRIBUTE_SETS = List.of("4", "9", "11", "13");

    private final DataStore store;
    private final Random random;
    private final GeneratedDates dates;

    ProductGenerator(DataStore store, Random random, GeneratedDates dates) {
        this.store = store;
        this.random = random;
        this.dates = dates;
    }

    void generate(int count) {
        List<String> categories = store.categories().ids(r -> Values.decimal(r.get("level")).intValue() >= 2);
        for (int i = 0; i < count; i++) {
            String id = store.products().nextId();
            Map<String, Object> product = product(id, categories);
            store.products().put(id, product);
            addImages(id, Values.text(product.get("sku")));
        }
    }

    private Map<String, Object> product(String id, List<String> categories) {
        String name = SampleData.pick(random, SampleData.ADJECTIVES) + " " + SampleData.pick(random, SampleData.NOUNS);
        String sku = SampleData.slug(name).replace("-", "").substring(0, 3) + String.format(Locale.ROOT, "%05d", Integer.parseInt(id));
        String type = random.nextInt(100) < 84 ? "simple" : SampleData.pick(random, TYPES);
        List<String> inCategories = new ArrayList<>();
        if (!categories.isEmpty()) {
            int howMany = 1 + random.nextInt(2);
            for (int k = 0; k < howMany; k++) {
                String category = SampleData.pick(random, categories);
                if (!inCategories.contains(category)) {
                    inCategories.add(category);
                }
            }
        }
        BigDecimal price = BigDecimal.valueOf(5 + random.nextInt(496)).add(random.nextBoolean() ? BigDecimal.ZERO : new BigDecimal("0.99"));
        LocalDateTime created = dates.created();
        String urlKey = SampleData.slug(name) + "-" + id;

        Map<String, Object> r = new LinkedHashMap<>();
        r.put("product_id", id);
        r.put("sku", sku);
        r.put("set", SampleData.pick(random, ATTRIBUTE_SETS));
        r.put("type", type);
        r.put("categories", inCategories);
        r.put("websites", List.of("1"));
        r.put("type_id", type);
        r.put("name", name);
        r.put("description", name + ". " + SampleData.pick(random, SampleData.DESCRIPTIONS));
        r.put("short_description", "A " + name.toLowerCase(Locale.ROOT) + " for every day.");
        r.put("weight", type.equals("virtual") || type.equals("downloadable") ? null : Values.amount(BigDecimal.valueOf(1 + random.nextInt(5))));
        r.put("news_from_date", null);
        r.put("old_id", null);
        r.put("news_to_date", null);
        r.put("status", random.nextInt(100) < 95 ? "1" : "2");
        r.put("url_key", urlKey);
        r.put("visibility", "4");
        r.put("country_of_manufacture", null);
        r.put("url_path", urlKey + ".html");
        r.put("category_ids", new ArrayList<>(inCategories));
        r.put("required_options", "0");
        r.put("has_options", type.equals("configurable") ? "1" : "0");
        r.put("image_label", null);
        r.put("small_image_label", null);
        r.put("thumbnail_label", null);
        r.put("created_at", GeneratedDates.withOffset(created));
        r.put("updated_at", GeneratedDates.naive(dates.updatedAfter(created)));
        r.put("price", Values.amount(price));
        r.put("cost", random.nextBoolean() ? Values.amount(price.multiply(new BigDecimal("0.45"))) : null);
        r.put("group_price", List.of());
        r.put("special_price", random.nextInt(100) < 15 ? Values.amount(price.multiply(new BigDecimal("0.8"))) : null);
        r.put("minimal_price", null);
        r.put("special_from_date", null);
        r.put("special_to_date", null);
        r.put("tier_price", List.of());
        r.put("msrp_enabled", "2");
        r.put("msrp_display_actual_price_type", "4");
        r.put("msrp", null);
        r.put("tax_class_id", "2");
        for (String empty : List.of("meta_title", "meta_keyword", "meta_description")) {
            r.put(empty, null);
        }
        r.put("is_recurring", "0");
        for (String empty : List.of("recurring_profile", "custom_design", "custom_design_from", "custom_design_to", "custom_layout_update")) {
            r.put(empty, null);
        }
        r.put("page_layout", "one_column");
        r.put("options_container", "container1");
        r.put("gift_message_available", null);
        r.put("gift_wrapping_available", null);
        r.put("gift_wrapping_price", null);
        return r;
    }

    /** product_media.list items; the first image is the product's image, small image and thumbnail. */
    private void addImages(String productId, String sku) {
        int count = random.nextInt(4);
        RecordTable media = store.productMedia();
        for (int k = 1; k <= count; k++) {
            String file = "/" + sku.charAt(0) + "/" + sku.charAt(1) + "/" + sku + "_" + k + ".jpg";
            Map<String, Object> image = new LinkedHashMap<>();
            image.put("file", file);
            image.put("label", "");
            image.put("position", Integer.toString(k));
            image.put("exclude", "0");
            image.put("url", "http://magento/media/catalog/product" + file);
            image.put("types", k == 1 ? List.of("image", "small_image", "thumbnail") : List.of());
            media.put(media.nextId(), productId, image);
        }
    }
}
