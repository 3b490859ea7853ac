package io.connector.magento.v17.importer;

import static io.connector.magento.MagentoModels.PRODUCT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.connector.api.unit.BackendAdapter;
import io.connector.api.unit.ChunkResult;
import io.connector.magento.adapter.ProductAdapter;
import io.connector.magento.adapter.ProductImage;
import io.connector.magento.v17.MagentoFixture;
import io.connector.magento.v17.RecordedMagento;
import io.connector.magento.v17.RecordedMagento.MediaAnswer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A product's images through {@code product_media.list}, as recorded for Aviator Sunglasses (337:
 * {@code /a/c/ace000a_1.jpg}, the main image, position 1, and {@code /a/c/ace000b_1.jpg}, position
 * 2), downloaded from the recorded shop's media URLs.
 */
class ProductImagesTest {

    private static final String MAIN = "/a/c/ace000a_1.jpg";
    private static final String SECOND = "/a/c/ace000b_1.jpg";

    private MagentoFixture shop;

    @BeforeEach
    void startShop() {
        shop = MagentoFixture.start();
    }

    @AfterEach
    void closeShop() {
        shop.close();
    }

    private List<Map<String, Object>> images(String externalId) {
        Object productId = shop.imported(PRODUCT, externalId).get("id");
        return shop.inTransaction(s -> s.query("product.image").where("product_id", "=", productId).order("sequence")
                .read("sequence", "name", "label", "url", "content_type", "size", "data"));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> recordedMedia(int productId) {
        return (List<Map<String, Object>>) shop.magento().recorded("product_media.list", Arrays.asList(productId, null, "id"));
    }

    private void answerMedia(int productId, List<Map<String, Object>> media) {
        shop.magento().answer("product_media.list", Arrays.asList(productId, null, "id"), media);
    }

    @Test
    void theAdapterListsTheMainImageFirstAndLeavesExcludedOnesOut() {
        List<Map<String, Object>> media = new java.util.ArrayList<>();
        for (Map<String, Object> image : recordedMedia(337)) {
            media.add(new HashMap<>(image));
        }
        // The main image last by position, a third one excluded.
        media.get(0).put("position", "5");
        Map<String, Object> excluded = new HashMap<>(media.get(1));
        excluded.putAll(Map.of("file", "/a/c/hidden.jpg", "exclude", "1", "position", "0"));
        media.add(excluded);
        answerMedia(337, media);
        List<ProductImage> images = shop.inEnvironment(PRODUCT, env -> ((ProductAdapter) env.unit(BackendAdapter.class))
                .images("337", Map.of()));
        assertThat(images).extracting(ProductImage::file, ProductImage::position, ProductImage::main)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(MAIN, 5, true), org.assertj.core.groups.Tuple.tuple(SECOND, 2, false));
        assertThat(images.get(0).url()).isEqualTo(shop.magento().location() + "/media/catalog/product" + MAIN);
        assertThat(shop.magento().received()).extracting(call -> call.method() + " " + call.args())
                .containsExactly("product_media.list [337, null, id]");
    }

    @Test
    void aProductsImagesAreStoredWithItMainFirst() {
        assertThat(shop.importRecord(PRODUCT, "337")).isEqualTo("Created magento.product.product 337 of backend shop");
        List<Map<String, Object>> images = images("337");
        assertThat(images).extracting(i -> i.get("sequence"), i -> i.get("name"), i -> i.get("content_type"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0L, MAIN, "image/jpeg"),
                        org.assertj.core.groups.Tuple.tuple(1L, SECOND, "image/jpeg"));
        assertThat((byte[]) images.get(0).get("data")).isEqualTo(RecordedMagento.jpeg(MAIN));
        assertThat(images.get(0)).containsEntry("size", (long) RecordedMagento.jpeg(MAIN).length)
                .containsEntry("url", shop.magento().location() + "/media/catalog/product" + MAIN).containsEntry("label", null);
        assertThat(shop.magento().mediaRequests()).containsExactly(MAIN, SECOND);
    }

    @Test
    void aReimportDownloadsOnlyNewImagesAndDeletesThoseThatAreGone() {
        shop.importRecord(PRODUCT, "337");
        Object mainId = images("337").get(0).get("id");
        assertThat(shop.forceImport(PRODUCT, "337")).isEqualTo("Updated magento.product.product 337 of backend shop");
        assertThat(shop.magento().mediaRequests()).as("nothing downloaded again").containsExactly(MAIN, SECOND);
        assertThat(images("337")).hasSize(2).first().satisfies(main -> assertThat(main).containsEntry("id", mainId));

        // The second image replaced by a new one, which becomes the main image; the old main one stays second.
        List<Map<String, Object>> media = recordedMedia(337);
        Map<String, Object> replaced = new HashMap<>(media.get(1));
        replaced.putAll(Map.of("file", "/a/c/ace000c_1.jpg", "url", shop.magento().location() + "/media/catalog/product/a/c/ace000c_1.jpg",
                "types", List.of("image"), "label", "New"));
        Map<String, Object> oldMain = new HashMap<>(media.get(0));
        oldMain.put("types", List.of("thumbnail"));
        answerMedia(337, List.of(oldMain, replaced));
        shop.magento().media("/a/c/ace000c_1.jpg", new MediaAnswer(200, "image/png", png()));
        shop.forceImport(PRODUCT, "337");
        assertThat(images("337")).extracting(i -> i.get("sequence"), i -> i.get("name"), i -> i.get("label"), i -> i.get("content_type"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0L, "/a/c/ace000c_1.jpg", "New", "image/png"),
                        org.assertj.core.groups.Tuple.tuple(1L, MAIN, null, "image/jpeg"));
        assertThat(images("337").get(1)).containsEntry("id", mainId);
        assertThat(shop.magento().mediaRequests()).containsExactly(MAIN, SECOND, "/a/c/ace000c_1.jpg");
    }

    @Test
    void anImageTheShopDoesNotHaveIsSkippedAndSaid() {
        shop.magento().media(SECOND, new MediaAnswer(404, "text/html", "<h1>Not Found</h1>".getBytes(StandardCharsets.UTF_8)));
        assertThat(shop.importRecord(PRODUCT, "337")).isEqualTo("Created magento.product.product 337 of backend shop. Note: image "
                + shop.magento().location() + "/media/catalog/product" + SECOND + " of magento.product.product 337 is missing in the shop "
                + "(HTTP 404): skipped");
        assertThat(images("337")).extracting(i -> i.get("name")).containsExactly(MAIN);
    }

    @Test
    void aChunkSaysTheMissingImagesOfItsProducts() {
        shop.magento().media(SECOND, new MediaAnswer(404, "text/html", new byte[0]));
        ChunkResult result = shop.importChunk(PRODUCT, List.of("337", "879"));
        assertThat(result.failed()).isEmpty();
        assertThat(result.imported().get("337")).startsWith("Created magento.product.product 337 of backend shop. Note: image ")
                .endsWith(SECOND + " of magento.product.product 337 is missing in the shop (HTTP 404): skipped");
        assertThat(result.imported().get("879")).isEqualTo("Created magento.product.product 879 of backend shop");
        assertThat(images("879")).extracting(i -> i.get("name")).containsExactly("/w/b/wbk000t_6.jpg");
    }

    @Test
    void anAnswerThatIsNotAnImageFailsTheProductNamingItAndTheUrl() {
        shop.magento().media(SECOND, new MediaAnswer(200, "text/html", "<html>Fatal error: ...</html>".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> shop.importRecord(PRODUCT, "337"))
                .hasMessage("Backend shop: image " + shop.magento().location() + "/media/catalog/product" + SECOND
                        + " of magento.product.product 337 is not an image (Content-Type text/html, 29 bytes starting "
                        + "'<html>Fatal error: ...</html>')");
        assertThat(shop.binding(PRODUCT, "337")).as("nothing of the product kept").isEmpty();
        assertThat(shop.count("product.image")).isZero();
    }

    @Test
    void aRefusedImageFailsTheProduct() {
        shop.magento().media(SECOND, new MediaAnswer(403, "text/html", "Forbidden".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> shop.importRecord(PRODUCT, "337")).hasMessageContaining("image " + shop.magento().location())
                .hasMessageContaining("of magento.product.product 337 answered HTTP 403: 'Forbidden'");
    }

    private static byte[] png() {
        return new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};
    }
}
