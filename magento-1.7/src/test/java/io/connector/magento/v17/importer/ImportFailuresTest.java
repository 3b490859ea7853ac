package io.connector.magento.v17.importer;

import static io.connector.magento.MagentoModels.ADDRESS;
import static io.connector.magento.MagentoModels.PARTNER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.connector.api.BackendRecord;
import io.connector.api.NoUnitException;
import io.connector.api.job.NothingToDoException;
import io.connector.api.job.RetryableJobException;
import io.connector.api.store.StoreException;
import io.connector.api.unit.InvalidDataException;
import io.connector.magento.v17.MagentoFixture;
import io.connector.magento.v17.RecordedMagento;
import io.connector.magento.v17.client.MagentoException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What goes wrong in a record's import: one error naming the backend, model and record, the key
 * never in it, and nothing of the record written.
 */
class ImportFailuresTest {

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
    private Map<String, Object> recorded(String method, int id) {
        return (Map<String, Object>) shop.magento().recorded(method, List.of(id));
    }

    /** Jane Doe (136) as another customer, which the recordings lack. */
    private void addCustomer(int id, Map<String, Object> changes) {
        Map<String, Object> customer = recorded("customer.info", 136);
        customer.put("customer_id", String.valueOf(id));
        customer.putAll(changes);
        shop.magento().answer("customer.info", List.of(id), customer);
    }

    private void assertNothingImported() {
        assertThat(shop.count(PARTNER)).isZero();
        assertThat(shop.count(ADDRESS)).isZero();
        assertThat(shop.count("res.partner")).isZero();
        assertThat(shop.count("magento.website")).as("nor its website, imported in the same transaction").isZero();
    }

    @Test
    void aBrokenAddressFailsTheWholeCustomerNamingTheAddress() {
        List<?> book = (List<?>) shop.magento().recorded("customer_address.list", AddressBookImportTest.ofCustomer("136"));
        @SuppressWarnings("unchecked")
        Map<String, Object> address = (Map<String, Object>) book.get(0);
        assertThat(address).containsEntry("customer_address_id", "92");
        address.put("updated_at", "yesterday");
        shop.magento().answer("customer_address.list", AddressBookImportTest.ofCustomer("136"), book);
        assertThatThrownBy(() -> shop.importRecord(PARTNER, "136")).isInstanceOf(InvalidDataException.class)
                .hasMessage("magento.address 92 of backend shop: updated_at: Unparsable date 'yesterday'");
        assertNothingImported();
    }

    @Test
    void aCustomerWithoutANameIsRefusedByTheStoreAndNothingIsWritten() {
        Map<String, Object> noName = new HashMap<>();
        noName.put("firstname", null);
        noName.put("lastname", null);
        noName.put("email", "no.name@example.com");
        addCustomer(9102, noName);
        assertThatThrownBy(() -> shop.importRecord(PARTNER, "9102")).isInstanceOf(StoreException.class)
                .hasMessageStartingWith("magento.res.partner 9102 of backend shop: ").hasMessageContaining("res.partner.name");
        assertNothingImported();
    }

    @Test
    void aCustomerGoneFromMagentoLeavesNothingToDo() {
        shop.magento().fault("customer.info", List.of(424242), 102, "Customer not exists.");
        assertThatThrownBy(() -> shop.importRecord(PARTNER, "424242")).isInstanceOf(NothingToDoException.class)
                .hasMessage("Record no longer exists: Backend shop: customer.info answered fault 102 (Customer not exists.): "
                        + "the record no longer exists in Magento");
        assertThat(shop.count("res.partner")).isZero();
    }

    @Test
    void anUnreachableShopIsRetryableAndKeepsTheKeySecret() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        BackendRecord down = shop.backendRecord("down", "http://127.0.0.1:" + closedPort, "s3cr3t");
        assertThatThrownBy(() -> shop.importRecord(down, PARTNER, "99", false)).isInstanceOf(RetryableJobException.class)
                .hasMessageStartingWith("Backend down: cannot reach Magento at http://127.0.0.1:" + closedPort
                        + "/index.php/api/xmlrpc").hasMessageNotContaining("s3cr3t");
    }

    @Test
    void aWrongKeyIsAConfigurationErrorThatKeepsTheKeySecret() {
        BackendRecord locked = shop.backendRecord("locked", shop.magento().location(), "wrong-key-42");
        assertThatThrownBy(() -> shop.importRecord(locked, PARTNER, "99", false)).isInstanceOf(MagentoException.class)
                .isNotInstanceOf(RetryableJobException.class)
                .hasMessageStartingWith("Backend locked: Magento refused the API user '" + RecordedMagento.USER + "' (fault 2")
                .hasMessageNotContaining("wrong-key-42");
    }

    @Test
    void anUnknownModelIsAnErrorNamingIt() {
        assertThatThrownBy(() -> shop.importRecord("magento.no.such.model", "1")).isInstanceOf(NoUnitException.class)
                .hasMessageContaining("magento.no.such.model");
    }

    @Test
    void anAddressIsImportedWithItsCustomerOnly() {
        assertThatThrownBy(() -> shop.importRecord(ADDRESS, "92"))
                .hasMessage("Magento addresses are imported with their customer: import the magento.res.partner the address 92 "
                        + "belongs to");
    }
}
