package io.connector.itests.magento;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.features;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import io.connector.api.store.RecordStore;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Product images imported through the shell from a generated shop ({@link ImagesShop}) over a
 * {@code magento/1.7} backend (XML-RPC, {@code product_media.list}) and a {@code magento/2.0} one
 * (REST, {@code media_gallery_entries} at the store view's media URL): stored with the product,
 * the main image first, the bytes the shop serves, an image the shop does not have skipped and said.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ProductImagesIT extends MagentoTestSupport {

    private static final String SHOP_URL = "itest.images.url";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Inject
    RecordStore store;

    @Configuration
    public Option[] config() {
        List<Option> options = karaf();
        options.add(systemProperty(SHOP_URL).value(ImagesShop.url()));
        options.add(systemProperty(ImagesShop.WITH_IMAGES).value(ImagesShop.product(ImagesShop.WITH_IMAGES)));
        options.add(systemProperty(ImagesShop.WITH_MISSING).value(ImagesShop.product(ImagesShop.WITH_MISSING)));
        // Both versions: connector-magento2 no longer brings Magento 1's bundle.
        options.add(features(featuresUrl(), "connector-magento", "connector-magento2"));
        return options.toArray(new Option[0]);
    }

    private static String shop() {
        return System.getProperty(SHOP_URL);
    }

    private static String id(String property) {
        return System.getProperty(property).split(" ")[0];
    }

    private static String sku(String property) {
        return System.getProperty(property).split(" ", 2)[1];
    }

    private void addBackend(String name, String backend) throws Exception {
        if (backends.find(name).isEmpty()) {
            execute("connector:backend-add --location " + shop() + " --username " + SimulatorLauncher.USER + " --password "
                    + (backend.equals("magento/2.0") ? ImagesShop.TOKEN : SimulatorLauncher.API_KEY) + " " + name + " " + backend);
            await(() -> backends.find(name).isPresent());
            execute("connector:import --sync " + name + " metadata");
        }
    }

    /** The images of the product bound to {@code externalId}, in order. */
    private List<Map<String, Object>> images(String backend, String externalId) throws Exception {
        Object productId = json("connector:bindings --json --external-id " + externalId + " " + backend + " magento.product.product")
                .get(0).get("record_id");
        return store.inTransaction(s -> s.query("product.image").where("product_id", "=", ((Number) productId).longValue())
                .order("sequence").read("sequence", "name", "label", "url", "content_type", "size", "data"));
    }

    private static byte[] served(String url) throws Exception {
        HttpResponse<byte[]> answer = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(answer.statusCode()).as(url).isEqualTo(200);
        return answer.body();
    }

    @Test
    public void magento1ImagesAreStoredMainFirstWithTheBytesTheShopServes() throws Exception {
        addBackend("img1", "magento/1.7");
        String product = id(ImagesShop.WITH_IMAGES);
        assertThat(execute("connector:import-record img1 magento.product.product " + product))
                .contains("Created magento.product.product " + product + " of backend img1").doesNotContain("Note");
        List<Map<String, Object>> images = images("img1", product);
        assertThat(images).extracting(i -> i.get("name"), i -> i.get("label"), i -> i.get("content_type"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("/i/t/itest_b.png", "Front", "image/png"),
                        org.assertj.core.groups.Tuple.tuple("/i/t/itest_a.jpg", "Side", "image/jpeg"));
        assertThat(images).extracting(i -> ((Number) i.get("sequence")).intValue()).containsExactly(0, 1);
        for (Map<String, Object> image : images) {
            assertThat(image.get("url").toString()).startsWith(shop() + "/media/catalog/product/i/t/");
            byte[] served = served(image.get("url").toString());
            assertThat((byte[]) image.get("data")).isEqualTo(served);
            assertThat(((Number) image.get("size")).intValue()).isEqualTo(served.length);
        }

        // Forced again: the same rows, nothing downloaded twice.
        HTTP.send(HttpRequest.newBuilder(URI.create(shop() + "/calls/clear")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(execute("connector:import-record --force img1 magento.product.product " + product)).contains("Updated");
        assertThat(images("img1", product)).hasSize(2);
    }

    @Test
    public void aMissingImageIsSkippedAndSaidInTheResult() throws Exception {
        addBackend("img1", "magento/1.7");
        String product = id(ImagesShop.WITH_MISSING);
        String result = execute("connector:import-record img1 magento.product.product " + product);
        assertThat(result).contains("Created magento.product.product " + product + " of backend img1. Note: image " + shop()
                + "/media/catalog/product/i/t/itest_gone.jpg of magento.product.product " + product
                + " is missing in the shop (HTTP 404): skipped");
        assertThat(images("img1", product)).extracting(i -> i.get("name")).containsExactly("/i/t/itest_c.gif");
    }

    @Test
    public void magento2ImagesComeFromTheGalleryAtTheStoreViewsMediaUrl() throws Exception {
        addBackend("img2", "magento/2.0");
        assertThat(json("connector:records --json --fields code,base_media_url magento.storeview"))
                .anySatisfy(view -> assertThat(view).containsEntry("base_media_url", shop() + "/media/"));
        String sku = sku(ImagesShop.WITH_IMAGES);
        assertThat(execute("connector:import-record img2 magento.product.product " + sku))
                .contains("Created magento.product.product " + sku + " of backend img2");
        List<Map<String, Object>> images = images("img2", sku);
        assertThat(images).extracting(i -> i.get("name"), i -> i.get("url"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("/i/t/itest_b.png", shop() + "/media/catalog/product/i/t/itest_b.png"),
                        org.assertj.core.groups.Tuple.tuple("/i/t/itest_a.jpg", shop() + "/media/catalog/product/i/t/itest_a.jpg"));
        for (Map<String, Object> image : images) {
            assertThat((byte[]) image.get("data")).isEqualTo(served(image.get("url").toString()));
        }
    }
}
