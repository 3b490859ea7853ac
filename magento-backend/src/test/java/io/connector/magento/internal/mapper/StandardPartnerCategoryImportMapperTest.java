package io.connector.magento.internal.mapper;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class StandardPartnerCategoryImportMapperTest {

    @Test
    void theCustomerGroupCodeIsTheCategoryName() {
        Map<String, Object> group = Map.of("customer_group_id", "1", "customer_group_code", "General", "tax_class_id", "3");
        assertThat(new StandardPartnerCategoryImportMapper().mapRecord(group).values(true)).containsExactly(Map.entry("name", "General"));
    }
}
