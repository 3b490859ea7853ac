package io.connector.magento.v17.mapper;

import static io.connector.magento.MagentoModels.ADDRESS;
import static io.connector.magento.MagentoModels.PRODUCT;
import static io.connector.magento.MagentoModels.PRODUCT_CATEGORY;
import static io.connector.magento.MagentoModels.STORE;
import static io.connector.magento.MagentoModels.STORE_VIEW;
import static io.connector.magento.MagentoModels.WEBSITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.connector.api.unit.ImportMapper;
import io.connector.api.unit.InvalidDataException;
import io.connector.api.unit.MappingException;
import io.connector.magento.v17.MagentoFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The registered mappers, obtained as an import obtains them, on what Magento really answered. */
class RecordedDataMappersTest {

    private MagentoFixture shop;

    @BeforeEach
    void startShop() {
        shop = MagentoFixture.start();
    }

    @AfterEach
    void closeShop() {
        shop.close();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> recorded(String method, Object... args) {
        return (Map<String, Object>) shop.magento().recorded(method, Arrays.asList(args));
    }

    private Map<String, Object> map(String model, Map<String, Object> source) {
        return shop.inEnvironment(model, env -> env.unit(ImportMapper.class).mapRecord(source).values(true));
    }

    private Object idOf(String bindingModel, String externalId) {
        return shop.imported(bindingModel, externalId).get("id");
    }

    @Test
    void anAddressWithItsDatesInUtc() {
        assertThat(map(ADDRESS, recorded("customer_address.info", 68))).containsEntry("name", "Clay Lock")
                .containsEntry("street", "Bride Path").containsEntry("street2", null).containsEntry("city", "Mantoloking")
                .containsEntry("zip", "44025").containsEntry("region", "Ohio").containsEntry("country_code", "US")
                .containsEntry("phone", "909-555-9078").containsEntry("is_default_billing", true)
                .containsEntry("is_default_shipping", false)
                .containsEntry("created_at", LocalDateTime.of(2013, 4, 24, 13, 9, 9))
                .containsEntry("updated_at", LocalDateTime.of(2017, 6, 27, 15, 36, 55));
    }

    /**
     * A chunk reads addresses from customer_address.list, which leaves out nil fields and writes
     * created_at in naive UTC where customer_address.info gives an offset: every recorded address
     * must map the same from either.
     */
    @Test
    @SuppressWarnings("unchecked")
    void everyRecordedAddressMapsTheSameFromTheListAsFromItsInfo() {
        int compared = 0;
        for (String customer : List.of("65", "99", "104", "136")) {
            List<?> book = (List<?>) shop.magento().recorded("customer_address.list",
                    List.of(Map.of("customer_id", Map.of("eq", customer))));
            for (Object item : book) {
                Map<String, Object> listed = (Map<String, Object>) item;
                Map<String, Object> info = recorded("customer_address.info", Integer.parseInt((String) listed.get("customer_address_id")));
                assertThat(listed).as("the list leaves nil fields out").doesNotContainValue(null);
                assertThat(map(ADDRESS, listed)).as("address " + listed.get("customer_address_id")).isEqualTo(map(ADDRESS, info));
                compared++;
            }
        }
        assertThat(compared).isGreaterThanOrEqualTo(5);
    }

    @Test
    void anAddressTypeFollowsItsDefaultFlags() {
        assertThat(map(ADDRESS, recorded("customer_address.info", 68))).containsEntry("type", "invoice");
        assertThat(map(ADDRESS, recorded("customer_address.info", 98))).containsEntry("type", "delivery");
        Map<String, Object> neither = recorded("customer_address.info", 98);
        neither.put("is_default_shipping", false);
        assertThat(map(ADDRESS, neither)).containsEntry("type", "contact");
    }

    @Test
    void theFirstStreetLineIsTheStreetAndTheOthersStreet2() {
        Map<String, Object> address = recorded("customer_address.info", 97);
        address.put("street", "River Street\r\nBuilding 2\n\n Back door ");
        assertThat(map(ADDRESS, address)).containsEntry("street", "River Street").containsEntry("street2", "Building 2, Back door");
    }

    @Test
    void anAddressWithoutAPersonIsNamedAfterItsCompany() {
        Map<String, Object> address = recorded("customer_address.info", 73);
        address.put("firstname", null);
        address.put("lastname", " ");
        assertThat(map(ADDRESS, address)).containsEntry("name", "Drew France");
    }

    @Test
    void aSimpleProductIsAStockableProduct() {
        Map<String, Object> cami = map(PRODUCT, recorded("ol_catalog_product.info", 879, null, null, "id"));
        assertThat(cami).containsEntry("name", "NoLIta Cami-Pink-L").containsEntry("sku", "wbk000c-Pink-L")
                .containsEntry("type", "product").containsEntry("product_type", "simple").containsEntry("active", true)
                .containsEntry("website_ids", "1").containsEntry("category_ids", List.of()).containsEntry("cost", null)
                .containsEntry("created_at", LocalDateTime.of(2013, 5, 8, 19, 18, 12))
                .containsEntry("updated_at", LocalDateTime.of(2014, 3, 7, 15, 37, 34));
        assertThat((BigDecimal) cami.get("price")).isEqualByComparingTo("150");
        assertThat((BigDecimal) cami.get("weight")).isEqualByComparingTo("1");
        assertThat((String) cami.get("description")).startsWith("Silk cami.");
    }

    @Test
    void aDisabledProductIsInactive() {
        Map<String, Object> disabled = recorded("ol_catalog_product.info", 879, null, null, "id");
        disabled.put("status", "2");
        assertThat(map(PRODUCT, disabled)).containsEntry("active", false);
    }

    @Test
    void aProductTypeWithoutALocalOneIsInvalidData() {
        Map<String, Object> bundle = recorded("ol_catalog_product.info", 879, null, null, "id");
        bundle.put("type_id", "bundle");
        assertThatThrownBy(() -> map(PRODUCT, bundle)).isInstanceOf(InvalidDataException.class)
                .hasMessage("product type 'bundle' cannot be represented; supported: downloadable, simple, virtual");
    }

    @Test
    void aProductsCategoriesAreTheirBindings() {
        Map<String, Object> aviator = recorded("ol_catalog_product.info", 337, null, null, "id");
        assertThatThrownBy(() -> map(PRODUCT, aviator)).isInstanceOf(MappingException.class)
                .hasMessage("category 18 has no magento.product.category binding on backend shop: import it first");
        shop.importRecord(PRODUCT_CATEGORY, "18");
        assertThat(map(PRODUCT, aviator)).containsEntry("category_ids", List.of(idOf(PRODUCT_CATEGORY, "18")));
    }

    @Test
    void theRootCategoryHasNoParent() {
        assertThat(map(PRODUCT_CATEGORY, recorded("catalog_category.info", 1))).containsEntry("name", "Root Catalog")
                .containsEntry("parent_id", null).containsEntry("sequence", 0).containsEntry("description", null);
    }

    @Test
    void aCategorysParentIsItsBinding() {
        Map<String, Object> dresses = recorded("catalog_category.info", 13);
        assertThatThrownBy(() -> map(PRODUCT_CATEGORY, dresses)).isInstanceOf(MappingException.class)
                .hasMessage("parent_id = 4 has no magento.product.category binding on backend shop: import it first");
        shop.importRecord(PRODUCT_CATEGORY, "4");
        assertThat(map(PRODUCT_CATEGORY, dresses)).containsEntry("name", "Dresses & Skirts").containsEntry("sequence", 4)
                .containsEntry("parent_id", idOf(PRODUCT_CATEGORY, "4"));
    }

    @Test
    void aWebsite() {
        assertThat(map(WEBSITE, recorded("ol_websites.info", 1))).containsEntry("name", "Main Website")
                .containsEntry("code", "base").containsEntry("sort_order", 0);
    }

    @Test
    void aStoreBelongsToItsWebsite() {
        shop.importRecord(WEBSITE, "1");
        assertThat(map(STORE, recorded("ol_groups.info", 1))).containsEntry("name", "Madison Island")
                .containsEntry("website_id", idOf(WEBSITE, "1"));
    }

    @Test
    void aStoreViewBelongsToItsStore() {
        shop.importRecord(STORE, "1");
        assertThat(map(STORE_VIEW, recorded("ol_storeviews.info", 2))).containsEntry("name", "French")
                .containsEntry("code", "french").containsEntry("is_active", true).containsEntry("sort_order", 0)
                .containsEntry("store_id", idOf(STORE, "1"));
    }
}
