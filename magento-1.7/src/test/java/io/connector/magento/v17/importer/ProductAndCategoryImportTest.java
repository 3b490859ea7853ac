package io.connector.magento.v17.importer;

import static io.connector.magento.MagentoModels.PRODUCT;
import static io.connector.magento.MagentoModels.PRODUCT_CATEGORY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.connector.api.unit.InvalidDataException;
import io.connector.magento.v17.MagentoFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The category tree and products, from the recordings {@code test_import_product*} and the
 * categories the sale order recordings read: parents and categories first; Magento's product
 * types to local ones, or skipped, or refused.
 */
class ProductAndCategoryImportTest {

    private MagentoFixture shop;

    @BeforeEach
    void startShop() {
        shop = MagentoFixture.start();
    }

    @AfterEach
    void closeShop() {
        shop.close();
    }

    private Map<String, Object> category(String externalId) {
        return shop.imported(PRODUCT_CATEGORY, externalId);
    }

    /** Aviator Sunglasses (337, in category 18) as another product type, which the recordings lack. */
    @SuppressWarnings("unchecked")
    private void addProduct(int id, String sku, String type) {
        Map<String, Object> product = (Map<String, Object>) shop.magento().recorded("ol_catalog_product.info", info(337));
        product.putAll(Map.of("product_id", String.valueOf(id), "sku", sku, "type", type, "type_id", type, "name", type + " " + sku));
        shop.magento().answer("ol_catalog_product.info", info(id), product);
        shop.magento().answer("product_media.list", Arrays.asList(id, null, "id"), List.of());
    }

    /** What the product adapter asks: by id, all attributes. */
    private static List<Object> info(int id) {
        return Arrays.asList(id, null, null, "id");
    }

    @Test
    void aCategoryWhoseParentsAreMissingImportsThemFirst() {
        assertThat(shop.importRecord(PRODUCT_CATEGORY, "26")).isEqualTo("Created magento.product.category 26 of backend shop");
        Map<String, Object> women = category("26");
        Map<String, Object> sale = category("8");
        Map<String, Object> defaultCategory = category("2");
        Map<String, Object> root = category("1");
        assertThat(women).containsEntry("name", "Women").containsEntry("parent_id", sale.get("id"));
        assertThat(sale).containsEntry("name", "Sale").containsEntry("parent_id", defaultCategory.get("id"));
        assertThat(defaultCategory).containsEntry("name", "Default Category").containsEntry("parent_id", root.get("id"));
        assertThat(root).containsEntry("name", "Root Catalog").containsEntry("parent_id", null);
    }

    @Test
    void aCategoryWhoseParentIsThereImportsItAlone() {
        shop.importRecord(PRODUCT_CATEGORY, "8");
        int before = shop.magento().received().size();
        shop.importRecord(PRODUCT_CATEGORY, "26");
        assertThat(shop.magento().received().subList(before, shop.magento().received().size()))
                .extracting(call -> call.method() + " " + call.args()).containsExactly("catalog_category.info [26]");
        assertThat(category("26")).containsEntry("parent_id", category("8").get("id"));
        assertThat(shop.count("product.category")).isEqualTo(4);
    }

    @Test
    void theRootCategoryImportsAlone() {
        shop.importRecord(PRODUCT_CATEGORY, "1");
        assertThat(category("1")).containsEntry("name", "Root Catalog").containsEntry("parent_id", null);
        assertThat(shop.count("product.category")).isEqualTo(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aNamelessRootAsARealMagento17ShopHasItTakesTheBackendsNameAndTheTreeBelowImports() {
        Map<String, Object> root = (Map<String, Object>) shop.magento().recorded("catalog_category.info", List.of(1));
        root.put("name", null);
        shop.magento().answer("catalog_category.info", List.of(1), root);
        assertThat(shop.importRecord(PRODUCT_CATEGORY, "26")).isEqualTo("Created magento.product.category 26 of backend shop");
        assertThat(category("1")).containsEntry("name", "shop").containsEntry("parent_id", null);
        assertThat(category("2")).containsEntry("name", "Default Category").containsEntry("parent_id", category("1").get("id"));

        Map<String, Object> unnamed = (Map<String, Object>) shop.magento().recorded("catalog_category.info", List.of(8));
        unnamed.put("name", "");
        shop.magento().answer("catalog_category.info", List.of(8), unnamed);
        assertThatThrownBy(() -> shop.forceImport(PRODUCT_CATEGORY, "8"))
                .hasMessageContaining("magento.product.category 8 of backend shop").hasMessageContaining("name");
    }

    @Test
    void aProductComesAfterItsCategories() {
        assertThat(shop.importRecord(PRODUCT, "337")).isEqualTo("Created magento.product.product 337 of backend shop");
        Map<String, Object> aviator = shop.imported(PRODUCT, "337");
        assertThat(aviator).containsEntry("name", "Aviator Sunglasses").containsEntry("sku", "ace000")
                .containsEntry("type", "product").containsEntry("active", true);
        assertThat((BigDecimal) aviator.get("price")).isEqualByComparingTo("295");
        assertThat(aviator.get("category_ids")).isEqualTo(List.of(category("18").get("id")));
        assertThat(category("18")).containsEntry("name", "Eyewear").containsEntry("parent_id", category("6").get("id"));
        assertThat(shop.binding(PRODUCT, "337").orElseThrow()).containsEntry("product_type", "simple")
                .containsEntry("website_ids", "1");
    }

    @Test
    void aProductInTwoCategoriesHasBoth() {
        shop.importRecord(PRODUCT, "338");
        assertThat(shop.imported(PRODUCT, "338").get("category_ids")).asList()
                .containsExactlyInAnyOrder(category("18").get("id"), category("28").get("id"));
    }

    @Test
    void aProductWithoutCategoriesImportsAlone() {
        shop.importRecord(PRODUCT, "879");
        Map<String, Object> cami = shop.imported(PRODUCT, "879");
        assertThat(cami).containsEntry("name", "NoLIta Cami-Pink-L").containsEntry("sku", "wbk000c-Pink-L")
                .containsEntry("type", "product").containsEntry("category_ids", List.of());
        assertThat((BigDecimal) cami.get("price")).isEqualByComparingTo("150");
        assertThat((BigDecimal) cami.get("weight")).isEqualByComparingTo("1");
        assertThat(shop.count("product.category")).isZero();
    }

    @Test
    void virtualAndDownloadableProductsAreServices() {
        addProduct(9003, "ebook01", "downloadable");
        addProduct(9004, "warranty01", "virtual");
        shop.importRecord(PRODUCT, "9003");
        shop.importRecord(PRODUCT, "9004");
        assertThat(shop.records("product.product", "sku", "ebook01")).singleElement()
                .satisfies(p -> assertThat(p).containsEntry("type", "service"));
        assertThat(shop.records("product.product", "sku", "warranty01")).singleElement()
                .satisfies(p -> assertThat(p).containsEntry("type", "service"));
    }

    @Test
    void aConfigurableProductIsSkipped() {
        addProduct(9001, "cfg001", "configurable");
        assertThat(shop.importRecord(PRODUCT, "9001"))
                .isEqualTo("Skipped magento.product.product 9001 of backend shop: a configurable product; its variants are imported");
        assertThat(shop.binding(PRODUCT, "9001")).isEmpty();
        assertThat(shop.count("product.category")).as("nor its categories").isZero();
    }

    @Test
    void bundleAndGroupedProductsFailAsInvalidDataNamingTheSku() {
        addProduct(9002, "bdl001", "bundle");
        addProduct(9005, "grp001", "grouped");
        assertThatThrownBy(() -> shop.importRecord(PRODUCT, "9002")).isInstanceOf(InvalidDataException.class)
                .hasMessageStartingWith("magento.product.product 9002 of backend shop (sku bdl001): product type 'bundle' "
                        + "cannot be represented; supported: downloadable, simple, virtual");
        assertThatThrownBy(() -> shop.importRecord(PRODUCT, "9005")).isInstanceOf(InvalidDataException.class)
                .hasMessageStartingWith("magento.product.product 9005 of backend shop (sku grp001): product type 'grouped'");
        assertThat(shop.count(PRODUCT)).isZero();
        assertThat(shop.count("product.category")).isZero();
    }

    @Test
    void anUnchangedProductIsSkippedUnlessForced() {
        shop.importRecord(PRODUCT, "879");
        assertThat(shop.importRecord(PRODUCT, "879")).isEqualTo("Already up to date: magento.product.product 879 of backend shop");
        assertThat(shop.forceImport(PRODUCT, "879")).isEqualTo("Updated magento.product.product 879 of backend shop");
        assertThat(shop.count(PRODUCT)).isEqualTo(1);
    }
}
