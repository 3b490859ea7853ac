package io.connector.magento.v20.internal.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import io.connector.api.unit.BatchImporter;
import io.connector.api.unit.RemoteRecordNotFoundException;
import io.connector.magento.MagentoModels;
import io.connector.magento.adapter.AddressAdapter;
import io.connector.magento.importer.PartnerImporter;
import io.connector.magento.v20.RecordedMagento2;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Each Magento 2 adapter against the recorded shop: the requests the reference made (so the
 * recordings answer them), and records in the shared field names the shared mappers read.
 */
class RecordedShopAdaptersTest {

    private final RecordedMagento2 magento = RecordedMagento2.start();
    private final RecordedShopAdapters adapters = new RecordedShopAdapters(magento);

    @AfterEach
    void stop() {
        magento.close();
    }

    @Test
    void websitesLeaveTheAdminOutAndAreFoundInTheirList() {
        WebsiteAdapter websites = adapters.on(MagentoModels.WEBSITE, new WebsiteAdapter(adapters.clients));
        assertThat(websites.search(Map.of())).containsExactly("1");
        assertThat(websites.read("1", List.of())).containsEntry("website_id", 1).containsEntry("code", "base")
                .containsEntry("name", "Main Website").doesNotContainKey("id");
        assertThatThrownBy(() -> websites.read("7", List.of())).isInstanceOf(RemoteRecordNotFoundException.class)
                .hasMessage("Backend shop2: GET store/websites has no record with id 7");
    }

    @Test
    void aStoreViewIsItsViewAndItsConfigMerged() {
        StoreViewAdapter views = adapters.on(MagentoModels.STORE_VIEW, new StoreViewAdapter(adapters.clients));
        assertThat(views.search(Map.of())).containsExactly("1");
        assertThat(views.read("1", List.of())).containsEntry("store_id", 1).containsEntry("code", "default")
                .containsEntry("group_id", 1).containsEntry("locale", "en_US")
                .containsEntry("base_media_url", "http://magento/media/").doesNotContainKey("store_group_id");
        StoreAdapter stores = adapters.on(MagentoModels.STORE, new StoreAdapter(adapters.clients));
        assertThat(stores.search(Map.of())).containsExactly("1");
        assertThat(stores.read("1", List.of())).containsEntry("group_id", 1).containsEntry("website_id", 1);
    }

    @Test
    void aCustomerGroupHasMagento1sNames() {
        PartnerCategoryAdapter groups = adapters.on(MagentoModels.PARTNER_CATEGORY, new PartnerCategoryAdapter(adapters.clients));
        assertThat(groups.read("2", List.of())).containsEntry("customer_group_id", 2)
                .containsEntry("customer_group_code", "Wholesale");
    }

    @Test
    void aCustomerCarriesItsAddressBookInOneRequest() {
        PartnerAdapter customers = adapters.on(MagentoModels.PARTNER, new PartnerAdapter(adapters.clients));
        Map<String, Object> drew = customers.read("5", List.of());
        assertThat(drew).containsEntry("customer_id", 5).containsEntry("email", "drew@france.com")
                .containsEntry("group_id", 1).containsEntry("website_id", 1);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> book = (List<Map<String, Object>>) drew.get(PartnerImporter.EMBEDDED_ADDRESSES);
        assertThat(book).singleElement().satisfies(address -> assertThat(address).containsEntry("customer_address_id", "6").containsEntry("street", "Company address")
                .containsEntry("company", "DF Services").containsEntry("is_default_billing", true)
                .containsEntry("is_default_shipping", true).containsEntry("region", null).containsEntry("country_id", "FK"));
        assertThat(magento.received()).extracting(RecordedMagento2.Request::target).containsExactly("/index.php/rest/V1/customers/5");
    }

    @Test
    void anAddressBookIsTheCustomersAddresses() {
        CustomerAddressAdapter addresses = adapters.on(MagentoModels.ADDRESS, new CustomerAddressAdapter(adapters.clients));
        List<AddressAdapter.AddressBook> books = addresses.readBooks(List.of("3", "2", "404"));
        assertThat(books.get(0).get()).extracting(a -> (Object) a.get("customer_address_id")).hasSize(2).doesNotContainNull();
        assertThat(books.get(0).get()).filteredOn(a -> Boolean.TRUE.equals(a.get("is_default_billing"))).hasSize(1);
        assertThat(books.get(1).get()).isEmpty();
        assertThat(books.get(2).failure()).as("a customer nobody recorded fails alone").isNotNull();
    }

    @Test
    void aCategoryHasItsCustomAttributesAsFields() {
        CatalogCategoryAdapter categories = adapters.on(MagentoModels.PRODUCT_CATEGORY, new CatalogCategoryAdapter(adapters.clients));
        assertThat(categories.read("1", List.of())).containsEntry("category_id", 1).containsEntry("parent_id", 0)
                .containsEntry("level", 0).containsEntry("name", "Root Catalog").containsEntry("children_count", "40")
                .doesNotContainKeys("custom_attributes", "id", "children");
    }

    @Test
    void aProductIsKnownByItsSku() {
        CatalogProductAdapter products = adapters.on(MagentoModels.PRODUCT, new CatalogProductAdapter(adapters.clients));
        Map<String, Object> watch = products.read("24-WG02", List.of());
        assertThat(watch).containsEntry("product_id", "24-WG02").containsEntry("sku", "24-WG02")
                .containsEntry("magento_internal_id", 44).containsEntry("type_id", "simple").containsEntry("status", 1)
                .containsEntry("category_ids", List.of("3", "7", "6", "8")).containsEntry("websites", List.of(1))
                .containsKey("description").doesNotContainKey("custom_attributes");
    }

    @Test
    void anImportsFiltersBecomeOneFilterGroupEach() {
        PartnerAdapter customers = adapters.on(MagentoModels.PARTNER, new PartnerAdapter(adapters.clients));
        Map<String, Object> filters = new java.util.LinkedHashMap<>();
        filters.put(BatchImporter.FROM_DATE, "2020-04-24T09:00:00");
        filters.put(BatchImporter.TO_DATE, "2020-04-25T10:30:00");
        filters.put(BatchImporter.CHUNK_SIZE, 50);
        filters.put("website_id", Map.of("in", List.of("1")));
        // Nobody recorded this search: the shop's 500 is beside the point, the request is.
        assertThatThrownBy(() -> customers.search(filters)).isInstanceOf(RuntimeException.class);
        String target = java.net.URLDecoder.decode(magento.lastRequest().target(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(target).isEqualTo("/index.php/rest/V1/customers/search?"
                + "searchCriteria[filter_groups][0][filters][0][field]=updated_at"
                + "&searchCriteria[filter_groups][0][filters][0][value]=2020-04-24 09:00:00"
                + "&searchCriteria[filter_groups][0][filters][0][condition_type]=from"
                + "&searchCriteria[filter_groups][1][filters][0][field]=updated_at"
                + "&searchCriteria[filter_groups][1][filters][0][value]=2020-04-25 10:30:00"
                + "&searchCriteria[filter_groups][1][filters][0][condition_type]=to"
                + "&searchCriteria[filter_groups][2][filters][0][field]=website_id"
                + "&searchCriteria[filter_groups][2][filters][0][value]=1"
                + "&searchCriteria[filter_groups][2][filters][0][condition_type]=in"
                + "&fields=items[id]");
    }

    @Test
    void aFilterMagento2DoesNotKnowIsRefusedByName() {
        PartnerAdapter customers = adapters.on(MagentoModels.PARTNER, new PartnerAdapter(adapters.clients));
        assertThatThrownBy(() -> customers.search(Map.of("email", Map.of("regexp", "x")))).hasMessage(
                "Backend shop2: filter 'regexp' on email is not a Magento 2 search condition");
        assertThat(magento.received()).isEmpty();
    }

    @Test
    void aChunkIsReadARequestEachAndARecordsFaultIsItsOwn() {
        try (ScriptedMagento2 shop = new ScriptedMagento2()) {
            shop.on("GET", "customers/404", 500, "{\"message\":\"Internal error\"}");
            RecordedShopAdapters onShop = new RecordedShopAdapters(shop.location());
            PartnerAdapter customers = onShop.on(MagentoModels.PARTNER, new PartnerAdapter(onShop.clients));
            List<io.connector.api.unit.RemoteRead> reads = customers.readMany(List.of("5", "404", "3"), List.of());
            assertThat(reads).extracting(io.connector.api.unit.RemoteRead::id).containsExactly("5", "404", "3");
            assertThat(reads.get(0).get()).containsEntry("customer_id", 5);
            assertThat(reads.get(1).failure()).isInstanceOf(io.connector.api.job.RetryableJobException.class);
            assertThat(reads.get(2).get()).containsEntry("customer_id", 3);
            assertThat(shop.received()).extracting(ScriptedMagento2.Request::target).containsExactlyInAnyOrder(
                    "/index.php/rest/V1/customers/5", "/index.php/rest/V1/customers/404", "/index.php/rest/V1/customers/3");
        }
    }

    @Test
    void aChunkWhoseEveryReadMeetsAPassingFaultIsRetriedAsOne() {
        try (ScriptedMagento2 shop = new ScriptedMagento2()) {
            shop.on("GET", "customers/5", 503, "{\"message\":\"Service Unavailable\"}")
                    .on("GET", "customers/3", 503, "{\"message\":\"Service Unavailable\"}");
            RecordedShopAdapters onShop = new RecordedShopAdapters(shop.location());
            PartnerAdapter customers = onShop.on(MagentoModels.PARTNER, new PartnerAdapter(onShop.clients));
            assertThatThrownBy(() -> customers.readMany(List.of("5", "3"), List.of()))
                    .isInstanceOf(io.connector.api.job.RetryableJobException.class).hasMessageContaining("503");
        }
    }
}
