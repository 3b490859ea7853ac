package io.connector.magento.v17.importer;

import static io.connector.magento.MagentoModels.ADDRESS;
import static io.connector.magento.MagentoModels.PARTNER;
import static io.connector.magento.MagentoModels.PARTNER_CATEGORY;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.connector.magento.v17.MagentoFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A customer and its address book, from the recordings {@code test_import_partner_*}: a company
 * gets its addresses as contacts; an individual's default billing address is merged into the
 * partner, the others are its addresses; an unchanged customer is skipped unless forced.
 */
class AddressBookImportTest {

    private MagentoFixture shop;

    @BeforeEach
    void startShop() {
        shop = MagentoFixture.start();
    }

    @AfterEach
    void closeShop() {
        shop.close();
    }

    private Map<String, Object> partner(String customerId) {
        return shop.imported(PARTNER, customerId);
    }

    private List<Map<String, Object>> addressesOf(Map<String, Object> partner) {
        return shop.records("res.partner", "parent_id", partner.get("id"));
    }

    private Map<String, Object> addressBinding(String addressId) {
        return shop.binding(ADDRESS, addressId).orElseThrow(() -> new AssertionError("address " + addressId + " not bound"));
    }

    @Test
    void aCompanyWithTwoAddressesHasThemAsContacts() {
        assertThat(shop.importRecord(PARTNER, "99")).isEqualTo("Created magento.res.partner 99 of backend shop");
        Map<String, Object> clay = partner("99");
        assertThat(clay).containsEntry("name", "Clay Lock").containsEntry("is_company", true)
                .containsEntry("email", "clay@example.com").containsEntry("street", null);
        assertThat(addressesOf(clay)).extracting(a -> a.get("type") + " " + a.get("street"))
                .containsExactlyInAnyOrder("invoice Bride Path", "delivery May Street");
        long customerBinding = (Long) shop.binding(PARTNER, "99").orElseThrow().get("id");
        for (String address : List.of("68", "98")) {
            assertThat(addressBinding(address)).containsEntry("parent_id", clay.get("id"))
                    .containsEntry("magento_partner_id", customerBinding);
        }
    }

    @Test
    void aCompanyWithOneAddressHasItAsItsInvoiceContact() {
        shop.importRecord(PARTNER, "104");
        Map<String, Object> drew = partner("104");
        assertThat(drew).containsEntry("is_company", true).containsEntry("name", "Drew France");
        assertThat(addressesOf(drew)).singleElement().satisfies(a -> assertThat(a).containsEntry("type", "invoice")
                .containsEntry("street", "Lake view st").containsEntry("country_code", "FR"));
    }

    @Test
    void theCompanyOfTheBillingAddressNamesThePartner() {
        // In the recordings the company is always the customer's own name; here it is not.
        List<?> book = (List<?>) shop.magento().recorded("customer_address.list", ofCustomer("104"));
        @SuppressWarnings("unchecked")
        Map<String, Object> address = (Map<String, Object>) book.get(0);
        assertThat(address).containsEntry("customer_address_id", "73");
        address.put("company", "  France & Fils ");
        shop.magento().answer("customer_address.list", ofCustomer("104"), book);
        shop.importRecord(PARTNER, "104");
        Map<String, Object> company = partner("104");
        assertThat(company).containsEntry("name", "France & Fils").containsEntry("is_company", true);
        assertThat(addressesOf(company)).singleElement().satisfies(a -> assertThat(a).containsEntry("name", "Drew France"));
    }

    @Test
    void anIndividualsBillingAddressIsMergedIntoThePartner() {
        shop.importRecord(PARTNER, "136");
        Map<String, Object> jane = partner("136");
        assertThat(jane).containsEntry("is_company", false).containsEntry("name", "Jane Doe").containsEntry("type", "contact")
                .containsEntry("street", "10441 Jefferson Blvd, Suite 200").containsEntry("city", "Culver City")
                .containsEntry("zip", "90232").containsEntry("country_code", "US").containsEntry("phone", "888-888-8888");
        assertThat(addressesOf(jane)).isEmpty();
        assertThat(addressBinding("92")).containsEntry("record_id", jane.get("id")).containsEntry("is_default_billing", true);
    }

    @Test
    void anIndividualWithTwoAddressesKeepsBillingAndGetsADeliveryAddress() {
        shop.importRecord(PARTNER, "65");
        Map<String, Object> tay = partner("65");
        assertThat(tay).containsEntry("is_company", false).containsEntry("street", "Canal Street");
        assertThat(addressesOf(tay)).singleElement().satisfies(a -> assertThat(a).containsEntry("type", "delivery")
                .containsEntry("street", "River Street").containsEntry("name", "Tay Ray"));
        assertThat(addressBinding("35")).containsEntry("record_id", tay.get("id"));
        assertThat(addressBinding("97")).containsEntry("parent_id", tay.get("id"));
    }

    @Test
    void theCustomerGroupAndWebsiteAreImportedFirst() {
        shop.importRecord(PARTNER, "65");
        Map<String, Object> vip = shop.binding(PARTNER_CATEGORY, "4").orElseThrow(() -> new AssertionError("group 4 not imported"));
        assertThat(vip).containsEntry("name", "VIP Member");
        assertThat(shop.records("res.partner.category", "name", "VIP Member")).hasSize(1);
        assertThat(shop.binding(PARTNER, "65").orElseThrow()).containsEntry("group_id", vip.get("id"))
                .containsEntry("website_id", shop.binding("magento.website", "1").orElseThrow().get("id"));
    }

    @Test
    void aCustomerWithoutAddressesIsImportedAlone() {
        shop.importRecord(PARTNER, "139");
        Map<String, Object> benjamin = partner("139");
        assertThat(benjamin).containsEntry("email", "benjamin@example.com").containsEntry("name", "Benjamin Le Goff")
                .containsEntry("street", null);
        assertThat(addressesOf(benjamin)).isEmpty();
        assertThat(shop.count(ADDRESS)).isZero();
    }

    @Test
    void aCustomerIsBoundToThePartnerThatHasItsEmail() {
        long existing = shop.inTransaction(s -> s.create("res.partner", Map.of("name", "J. Doe", "email", "janedoe@example.com")));
        shop.importRecord(PARTNER, "136");
        assertThat(shop.binding(PARTNER, "136").orElseThrow()).containsEntry("record_id", existing);
        assertThat(shop.records("res.partner", "email", "janedoe@example.com")).singleElement()
                .satisfies(p -> assertThat(p).containsEntry("name", "Jane Doe"));
    }

    @Test
    void anUnchangedCustomerIsSkippedUnlessForced() {
        shop.importRecord(PARTNER, "136");
        long jane = (Long) partner("136").get("id");
        shop.inTransaction(s -> {
            s.write("res.partner", jane, Map.of("name", "Changed here"));
            return null;
        });
        assertThat(shop.importRecord(PARTNER, "136")).isEqualTo("Already up to date: magento.res.partner 136 of backend shop");
        assertThat(partner("136")).containsEntry("name", "Changed here");
        assertThat(shop.forceImport(PARTNER, "136")).isEqualTo("Updated magento.res.partner 136 of backend shop");
        assertThat(partner("136")).containsEntry("name", "Jane Doe").containsEntry("id", jane);
    }

    @Test
    void aCustomerChangedInMagentoSinceItsLastImportIsUpdated() {
        shop.importRecord(PARTNER, "136");
        @SuppressWarnings("unchecked")
        Map<String, Object> jane = (Map<String, Object>) shop.magento().recorded("customer.info", List.of(136));
        jane.put("updated_at", "2099-01-01 00:00:00");
        jane.put("lastname", "Smith");
        shop.magento().answer("customer.info", List.of(136), jane);
        assertThat(shop.importRecord(PARTNER, "136")).isEqualTo("Updated magento.res.partner 136 of backend shop");
        assertThat(partner("136")).containsEntry("name", "Jane Smith");
    }

    @Test
    void importingAnAddressBookAgainUpdatesItsAddressesInPlace() {
        shop.importRecord(PARTNER, "65");
        List<Map<String, Object>> before = addressesOf(partner("65"));
        shop.forceImport(PARTNER, "65");
        assertThat(addressesOf(partner("65"))).extracting(a -> a.get("id")).isEqualTo(before.stream().map(a -> a.get("id")).toList());
        assertThat(shop.count(ADDRESS)).isEqualTo(2);
        assertThat(shop.count("res.partner")).isEqualTo(2);
    }

    /** The arguments of customer_address.list for one customer's book. */
    static List<?> ofCustomer(String customerId) {
        return List.of(Map.of("customer_id", Map.of("eq", customerId)));
    }
}
