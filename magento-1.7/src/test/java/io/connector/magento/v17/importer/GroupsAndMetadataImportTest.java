package io.connector.magento.v17.importer;

import static io.connector.magento.MagentoModels.PARTNER_CATEGORY;
import static io.connector.magento.MagentoModels.STORE;
import static io.connector.magento.MagentoModels.STORE_VIEW;
import static io.connector.magento.MagentoModels.WEBSITE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.connector.magento.v17.MagentoFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Customer groups to partner categories ({@code test_import_*partner_category}), and the shop's
 * websites, stores and store views ({@code metadata}).
 */
class GroupsAndMetadataImportTest {

    private MagentoFixture shop;

    @BeforeEach
    void startShop() {
        shop = MagentoFixture.start();
    }

    @AfterEach
    void closeShop() {
        shop.close();
    }

    @Test
    void aCustomerGroupReusesTheCategoryWithItsName() {
        long wholesale = shop.inTransaction(s -> s.create("res.partner.category", Map.of("name", "Wholesale")));
        assertThat(shop.importRecord(PARTNER_CATEGORY, "2")).isEqualTo("Created magento.res.partner.category 2 of backend shop");
        assertThat(shop.binding(PARTNER_CATEGORY, "2").orElseThrow()).containsEntry("record_id", wholesale);
        assertThat(shop.records("res.partner.category", "name", "Wholesale")).hasSize(1);
    }

    @Test
    void aCustomerGroupWithoutACategoryOfItsNameCreatesOne() {
        shop.inTransaction(s -> s.create("res.partner.category", Map.of("name", "Wholesale")));
        shop.importRecord(PARTNER_CATEGORY, "1");
        Map<String, Object> general = shop.imported(PARTNER_CATEGORY, "1");
        assertThat(general).containsEntry("name", "General");
        assertThat(shop.records("res.partner.category", "name", "General")).singleElement()
                .satisfies(c -> assertThat(c).containsEntry("id", general.get("id")));
        assertThat(shop.count("res.partner.category")).isEqualTo(2);
    }

    @Test
    void aCustomerGroupIsRewrittenOnEveryImport() {
        shop.importRecord(PARTNER_CATEGORY, "4");
        // Magento gives groups no change date: nothing tells an unchanged one apart.
        shop.magento().answer("ol_customer_groups.info", List.of(4),
                Map.of("customer_group_id", "4", "customer_group_code", "VIP", "tax_class_id", "3"));
        assertThat(shop.importRecord(PARTNER_CATEGORY, "4")).isEqualTo("Updated magento.res.partner.category 4 of backend shop");
        assertThat(shop.imported(PARTNER_CATEGORY, "4")).containsEntry("name", "VIP");
        assertThat(shop.count("res.partner.category")).isEqualTo(1);
    }

    @Test
    void metadataImportsWebsitesStoresAndStoreViews() {
        shop.importAll(WEBSITE);
        shop.importAll(STORE);
        shop.importAll(STORE_VIEW);
        assertThat(shop.records(WEBSITE, "backend_id", MagentoFixture.SHOP_ID)).extracting(w -> w.get("external_id"))
                .containsExactlyInAnyOrder("0", "1");
        assertThat(shop.imported(WEBSITE, "1")).containsEntry("code", "base").containsEntry("name", "Main Website")
                .containsEntry("sort_order", 0L);
        assertThat(shop.imported(STORE, "1")).containsEntry("name", "Madison Island")
                .containsEntry("website_id", shop.imported(WEBSITE, "1").get("id"));
        assertThat(shop.records(STORE_VIEW, "code", "default")).singleElement().satisfies(view -> assertThat(view)
                .containsEntry("name", "English").containsEntry("is_active", true)
                .containsEntry("store_id", shop.imported(STORE, "1").get("id")));
        assertThat(shop.count(STORE_VIEW)).isEqualTo(4);
        assertThat(shop.count(STORE)).isEqualTo(2);
    }

    @Test
    void aStoreViewImportedAloneBringsItsStoreAndWebsite() {
        shop.importRecord(STORE_VIEW, "2");
        Map<String, Object> website = shop.imported(WEBSITE, "1");
        Map<String, Object> store = shop.imported(STORE, "1");
        assertThat(store).containsEntry("website_id", website.get("id"));
        assertThat(shop.imported(STORE_VIEW, "2")).containsEntry("code", "french").containsEntry("store_id", store.get("id"));
        assertThat(shop.count(WEBSITE)).isEqualTo(1);
    }

    @Test
    void metadataIsRewrittenOnEveryImport() {
        shop.importRecord(WEBSITE, "1");
        long website = (Long) shop.imported(WEBSITE, "1").get("id");
        shop.inTransaction(s -> {
            s.write(WEBSITE, website, Map.of("name", "Renamed here"));
            return null;
        });
        assertThat(shop.importRecord(WEBSITE, "1")).isEqualTo("Updated magento.website 1 of backend shop");
        assertThat(shop.imported(WEBSITE, "1")).containsEntry("name", "Main Website").containsEntry("id", website);
    }
}
