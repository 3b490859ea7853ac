package io.connector.magento.v20.internal.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.connector.magento.MagentoModels;
import io.connector.magento.adapter.ProductImage;
import io.connector.magento.http.NetworkRetries;
import io.connector.magento.internal.importer.ImageDownloader;
import io.connector.magento.internal.importer.ImageHttp;
import io.connector.magento.v20.RecordedMagento2;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The images of the recorded product 24-WG02 (one gallery entry, {@code /w/g/wg02-bk-0.jpg}, the
 * main image): listed from its record without a request, at the store view's media URL or the
 * location's {@code /media/}, and downloaded as the recording answered it.
 */
class RecordedProductImagesTest {

    private final RecordedMagento2 magento = RecordedMagento2.start();
    private final RecordedShopAdapters adapters = new RecordedShopAdapters(magento);
    private final CatalogProductAdapter products = adapters.on(MagentoModels.PRODUCT, new CatalogProductAdapter(adapters.clients));

    @AfterEach
    void stop() {
        magento.close();
    }

    @Test
    void theGalleryIsListedFromTheRecordAtTheLocationsMediaWithoutARequest() {
        Map<String, Object> watch = products.read("24-WG02", List.of());
        int requests = magento.received().size();
        assertThat(products.images("24-WG02", watch)).containsExactly(new ProductImage("/w/g/wg02-bk-0.jpg",
                magento.location() + "/media/catalog/product/w/g/wg02-bk-0.jpg", "Image", 1, true));
        assertThat(magento.received()).hasSize(requests);
    }

    @Test
    void theDefaultStoreViewsMediaUrlIsTheBase() {
        adapters.storeViews.add(Map.of("id", 3L, "code", "fr", "base_media_url", "https://fr.example.com/media/"));
        adapters.storeViews.add(Map.of("id", 4L, "code", "default", "base_media_url", "https://cdn.example.com/media/"));
        assertThat(products.images("24-WG02", products.read("24-WG02", List.of()))).extracting(ProductImage::url)
                .containsExactly("https://cdn.example.com/media/catalog/product/w/g/wg02-bk-0.jpg");
    }

    @Test
    void videosAndDisabledImagesAreLeftOutAndTheMainImageComesFirst() {
        List<Map<String, Object>> entries = List.of(
                Map.of("media_type", "image", "file", "/a/one.jpg", "position", 1, "disabled", false, "types", List.of("thumbnail")),
                Map.of("media_type", "external-video", "file", "/v/video.jpg", "position", 0, "disabled", false, "types", List.of()),
                Map.of("media_type", "image", "file", "/a/off.jpg", "position", 0, "disabled", true, "types", List.of()),
                Map.of("media_type", "image", "file", "/a/main.jpg", "position", 3, "disabled", false, "types", List.of("image")),
                Map.of("media_type", "image", "file", "a/two.png", "position", 2, "disabled", false, "types", List.of()));
        assertThat(CatalogProductAdapter.images(entries, "http://shop/media")).extracting(ProductImage::url, ProductImage::main)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("http://shop/media/catalog/product/a/main.jpg", true),
                        org.assertj.core.groups.Tuple.tuple("http://shop/media/catalog/product/a/one.jpg", false),
                        org.assertj.core.groups.Tuple.tuple("http://shop/media/catalog/product/a/two.png", false));
        assertThat(CatalogProductAdapter.siteRoot("https://shop.example.com/rest/V1")).isEqualTo("https://shop.example.com");
        assertThat(CatalogProductAdapter.siteRoot("https://shop.example.com/index.php/rest/V1/")).isEqualTo("https://shop.example.com");
    }

    @Test
    void theRecordedImageDownloadsWithoutTheToken() {
        ProductImage image = products.images("24-WG02", products.read("24-WG02", List.of())).get(0);
        ImageDownloader downloader = new ImageDownloader(ImageHttp.newClient(), "shop2", Duration.ofSeconds(10), 1024 * 1024,
                NetworkRetries.NONE);
        ImageDownloader.Image downloaded = downloader.download("magento.product.product 24-WG02", image.url());
        String recorded = RecordedMagento2.recordings().stream().filter(i -> i.uri().endsWith("/w/g/wg02-bk-0.jpg")).findFirst()
                .orElseThrow().answer();
        assertThat(downloaded.data()).isEqualTo(recorded.getBytes(StandardCharsets.UTF_8));
        assertThat(downloaded.contentType()).as("a GIF, whatever the shop called it").isEqualTo("image/gif");
        assertThat(magento.lastRequest().authorization()).isNull();

        assertThatThrownBy(() -> downloader.download("magento.product.product 24-WG02", magento.location()
                + "/media/catalog/product/w/g/gone.jpg")).isInstanceOf(ImageDownloader.Missing.class)
                .hasMessage("image " + magento.location() + "/media/catalog/product/w/g/gone.jpg of magento.product.product 24-WG02 "
                        + "is missing in the shop (HTTP 404): skipped");
    }
}
