package io.connector.magento.specific.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class SpecificPartnerImportMapperTest {

    private static Map<String, Object> customer(String gender) {
        return Map.of("firstname", "Jane", "lastname", "Roe", "email", "jane@example.com",
                "created_in", "French Store View", "gender", gender);
    }

    @Test
    void extendsTheStandardMappingWithCreatedInAndGender() {
        assertThat(new SpecificPartnerImportMapper().mapRecord(customer("124")).values(true))
                .containsEntry("name", "Jane Roe")
                .containsEntry("email", "jane@example.com")
                .containsEntry("created_in", "French Store View")
                .containsEntry("gender", "female");
        assertThat(new SpecificPartnerImportMapper().mapRecord(customer("123")).values(true)).containsEntry("gender", "male");
    }

    @Test
    void anUnknownGenderIsLeftEmpty() {
        assertThat(new SpecificPartnerImportMapper().mapRecord(customer("0")).values(true)).containsEntry("gender", null);
    }
}
