package io.connector.itests.magento;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.connector.magento.simulator.GeneratorSpec;
import io.connector.magento.simulator.MagentoSimulator;

/**
 * A generated shop of its own for {@link ProductImagesIT}, answering Magento 1 (XML-RPC) and
 * Magento 2 (REST) alike, started once in the test driver's JVM. Two of its simple products get
 * images the test knows: {@link #WITH_IMAGES} three, the main one second by position and one
 * excluded (disabled on Magento 2); {@link #WITH_MISSING} two, the second of which names a URL the
 * shop has no file at (Magento 1 gives each image's URL; Magento 2 only the file, which the
 * simulator serves).
 */
public final class ImagesShop {

    public static final String TOKEN = MagentoSimulator.DEFAULT_TOKEN;
    /** System properties the container reads: "id sku" of each product. */
    public static final String WITH_IMAGES = "itest.images.product";
    public static final String WITH_MISSING = "itest.images.missing";

    private static MagentoSimulator simulator;
    private static final Map<String, String> PRODUCTS = new HashMap<>();

    private ImagesShop() {
    }

    public static synchronized String url() {
        if (simulator == null) {
            simulator = MagentoSimulator.builder().user(SimulatorLauncher.USER).apiKey(SimulatorLauncher.API_KEY).token(TOKEN)
                    .generate(GeneratorSpec.parse("products=6,seed=13")).start();
            var products = simulator.store().products();
            List<String> simple = products.ids(p -> "simple".equals(p.get("type_id")));
            PRODUCTS.put(WITH_IMAGES, simple.get(0) + " " + products.get(simple.get(0)).orElseThrow().get("sku"));
            PRODUCTS.put(WITH_MISSING, simple.get(1) + " " + products.get(simple.get(1)).orElseThrow().get("sku"));
            var media = simulator.store().productMedia();
            for (String id : List.of(simple.get(0), simple.get(1))) {
                media.idsOwnedBy(id).forEach(media::remove);
            }
            media.put(media.nextId(), simple.get(0), image("/i/t/itest_a.jpg", "1", "0", List.of("thumbnail"), "Side"));
            media.put(media.nextId(), simple.get(0), image("/i/t/itest_b.png", "2", "0", List.of("image", "small_image"), "Front"));
            media.put(media.nextId(), simple.get(0), image("/i/t/itest_hidden.jpg", "0", "1", List.of(), ""));
            media.put(media.nextId(), simple.get(1), image("/i/t/itest_c.gif", "1", "0", List.of("image"), ""));
            Map<String, Object> missing = image("/i/t/itest_d.jpg", "2", "0", List.of(), "");
            missing.put("url", "http://magento/media/catalog/product/i/t/itest_gone.jpg");
            media.put(media.nextId(), simple.get(1), missing);
            Runtime.getRuntime().addShutdownHook(new Thread(simulator::close));
        }
        return simulator.url();
    }

    /** "id sku" of the product a property names. */
    public static synchronized String product(String property) {
        url();
        return PRODUCTS.get(property);
    }

    private static Map<String, Object> image(String file, String position, String exclude, List<String> types, String label) {
        Map<String, Object> image = new HashMap<>();
        image.put("file", file);
        image.put("label", label);
        image.put("position", position);
        image.put("exclude", exclude);
        image.put("url", "http://magento/media/catalog/product" + file);
        image.put("types", types);
        return image;
    }
}
