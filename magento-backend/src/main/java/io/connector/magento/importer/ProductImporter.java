package io.connector.magento.importer;

import java.net.http.HttpClient;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.connector.api.store.StoreSession;
import io.connector.api.unit.BackendAdapter;
import io.connector.api.unit.InvalidDataException;
import io.connector.core.sync.AbstractRecordImporter;
import io.connector.magento.MagentoModels;
import io.connector.magento.MagentoSettings;
import io.connector.magento.adapter.ProductAdapter;
import io.connector.magento.adapter.ProductImage;
import io.connector.magento.internal.importer.ImageDownloader;
import io.connector.magento.internal.importer.ImageHttp;
import io.connector.magento.mapper.ProductImportMapper;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A product, after its categories. Configurable products are skipped (their variants are the
 * products sold); a type the connector cannot represent (bundle, grouped, ...) fails the job with
 * an invalid-data error instead of importing something wrong.
 *
 * <p>Then its images ({@link ProductAdapter#images}), in the same transaction: one
 * {@value #IMAGE} row each, the main image first (sequence 0), downloaded within the backend's
 * bounds; those the product no longer has are deleted. An image the shop answers 404 for is left
 * out and said in the import's result; any other failure to download one fails the product.
 */
@ConsumerType
public abstract class ProductImporter extends AbstractRecordImporter {

    /** The model of a product's images. */
    public static final String IMAGE = "product.image";

    /** Shared by the bundle's importers; null: one of this importer's own, made for its first image. */
    private final HttpClient imageHttp;
    private ImageDownloader downloader;

    /** Downloads images with an HTTP client of its own, made when the first image is. */
    public ProductImporter() {
        this(null);
    }

    /** Downloads images with {@code imageHttp}, which should follow redirects (a shop's media may be served elsewhere). */
    public ProductImporter(HttpClient imageHttp) {
        this.imageHttp = imageHttp;
    }

    @Override
    protected String mustSkip(Map<String, Object> remote) {
        Object type = remote.get("type_id");
        if ("configurable".equals(type)) {
            return "Skipped " + describe(String.valueOf(remote.get("product_id"))) + ": a configurable product; its variants are imported";
        }
        if (type == null || !ProductImportMapper.PRODUCT_TYPES.containsKey(type.toString())) {
            throw new InvalidDataException(describe(String.valueOf(remote.get("product_id"))) + " (sku "
                    + remote.get("sku") + "): product type '" + type + "' cannot be represented; supported: "
                    + String.join(", ", ProductImportMapper.PRODUCT_TYPES.keySet().stream().sorted().toList())
                    + " (configurable products are skipped)");
        }
        return null;
    }

    @Override
    protected void importDependencies(StoreSession session, Map<String, Object> remote) {
        for (String category : ProductImportMapper.categoryIds(remote)) {
            importDependency(category, MagentoModels.PRODUCT_CATEGORY);
        }
    }

    @Override
    protected void afterImport(StoreSession session, long bindingId, Map<String, Object> remote) {
        importImages(session, bindingId, remote);
    }

    /**
     * Stores the product's images as the adapter lists them, in order, numbered from 0 (the main
     * image), and deletes those it no longer lists. An image the product already has under the
     * same file name, downloaded whole (its size kept), is not downloaded again: only its order,
     * label and URL are brought up to date. Magento never writes a new image under a file name it
     * has used (its uploader makes {@code x_1.jpg} of a second {@code x.jpg}), so a file name names
     * one image; its size is not known before the download (neither API says it), and a HEAD
     * request per image to compare would cost a round trip for every image of every re-import to
     * catch a file replaced behind Magento's back. Such an image is fetched again once its product
     * loses it or it is deleted locally.
     */
    protected void importImages(StoreSession session, long bindingId, Map<String, Object> remote) {
        if (!(unit(BackendAdapter.class) instanceof ProductAdapter products) || !MagentoSettings.productImages(backendRecord())) {
            return;
        }
        String externalId = String.valueOf(remote.get("product_id"));
        List<ProductImage> images = products.images(externalId, remote);
        Object record = session.read(model(), List.of(bindingId), List.of("record_id")).get(0).get("record_id");
        long productId = ((Number) record).longValue();
        List<Map<String, Object>> rows = session.query(IMAGE).where("product_id", "=", productId).read("name", "size");
        Map<String, Map<String, Object>> stored = new HashMap<>();
        for (Map<String, Object> row : rows) {
            stored.putIfAbsent(String.valueOf(row.get("name")), row);
        }
        Set<Long> kept = new HashSet<>();
        Set<String> seen = new HashSet<>();
        int sequence = 0;
        for (ProductImage image : images) {
            if (!seen.add(image.file())) {
                continue;
            }
            Map<String, Object> values = new HashMap<>();
            values.put("sequence", sequence);
            values.put("label", image.label() == null || image.label().isBlank() ? null : image.label());
            values.put("url", image.url());
            Map<String, Object> existing = stored.get(image.file());
            if (existing == null || existing.get("size") == null) {
                ImageDownloader.Image downloaded;
                try {
                    downloaded = downloader().download(model() + " " + externalId, image.url());
                } catch (ImageDownloader.Missing missing) {
                    note(missing.getMessage());
                    continue;
                }
                values.put("name", image.file());
                values.put("content_type", downloaded.contentType());
                values.put("size", downloaded.data().length);
                values.put("data", downloaded.data());
            }
            if (existing == null) {
                values.put("product_id", productId);
                session.noExport().create(IMAGE, values);
            } else {
                long id = ((Number) existing.get("id")).longValue();
                session.noExport().write(IMAGE, id, values);
                kept.add(id);
            }
            sequence++;
        }
        for (Map<String, Object> row : rows) {
            long id = ((Number) row.get("id")).longValue();
            if (!kept.contains(id)) {
                session.noExport().delete(IMAGE, id);
            }
        }
    }

    private ImageDownloader downloader() {
        if (downloader == null) {
            // Made once per importer: its own HTTP client, when it was given none, is made here once too.
            downloader = ImageDownloader.of(imageHttp != null ? imageHttp : ImageHttp.newClient(), backendRecord());
        }
        return downloader;
    }
}
