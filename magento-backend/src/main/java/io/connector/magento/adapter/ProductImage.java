package io.connector.magento.adapter;

import java.util.Comparator;
import java.util.List;

/**
 * An image of a product as the shop lists it, to be downloaded from {@code url}.
 *
 * @param file     the shop's name for it, e.g. {@code /w/b/wb04-blue-0.jpg}: the same file name is the same image
 * @param url      where it is downloaded from
 * @param label    its label, null for none
 * @param position its place among the product's images, as the shop orders them
 * @param main     the product's main image (Magento's {@code image} role)
 */
public record ProductImage(String file, String url, String label, int position, boolean main) {

    /** The main image first, then by position, then by file (a stable order for equal positions). */
    public static final Comparator<ProductImage> MAIN_FIRST = Comparator.comparing((ProductImage image) -> !image.main())
            .thenComparingInt(ProductImage::position).thenComparing(ProductImage::file);

    public ProductImage {
        if (file == null || file.isBlank() || url == null || url.isBlank()) {
            throw new IllegalArgumentException("A product image needs a file and a URL: " + file + ", " + url);
        }
    }

    /** {@code images} in the order the importer stores them: {@link #MAIN_FIRST}. */
    public static List<ProductImage> mainFirst(List<ProductImage> images) {
        return images.stream().sorted(MAIN_FIRST).toList();
    }
}
