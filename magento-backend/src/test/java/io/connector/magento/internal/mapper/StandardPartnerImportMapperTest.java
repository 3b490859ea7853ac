package io.connector.magento.internal.mapper;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class StandardPartnerImportMapperTest {

    @Test
    void mapsACustomerAsMagentoSendsIt() {
        Map<String, Object> customer = new HashMap<>(Map.of("customer_id", "136", "email", "john@example.com",
                "firstname", "John", "middlename", "", "lastname", "Doe", "dob", "1980-02-03 00:00:00",
                "taxvat", "FR12345678901", "created_in", "Default Store View", "gender", "123"));
        assertThat(new StandardPartnerImportMapper().mapRecord(customer).values(true))
                .containsEntry("name", "John Doe")
                .containsEntry("email", "john@example.com")
                .containsEntry("birthday", "1980-02-03 00:00:00")
                .containsEntry("vat", "FR12345678901")
                .doesNotContainKeys("created_in", "gender");
    }

    @Test
    void aMissingMiddleNameLeavesNoGap() {
        Map<String, Object> customer = new HashMap<>(Map.of("firstname", "Ada", "lastname", "Lovelace"));
        customer.put("middlename", null);
        assertThat(new StandardPartnerImportMapper().mapRecord(customer).values(true)).containsEntry("name", "Ada Lovelace");
    }
}
