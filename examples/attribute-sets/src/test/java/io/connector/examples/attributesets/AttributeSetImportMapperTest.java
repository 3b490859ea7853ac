package io.connector.examples.attributesets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import io.connector.api.unit.InvalidDataException;
import org.junit.jupiter.api.Test;

class AttributeSetImportMapperTest {

    private final AttributeSetImportMapper mapper = new AttributeSetImportMapper();

    @Test
    void theBindingKeepsMagentosNameAndTheSetGetsItTidied() {
        assertThat(mapper.mapRecord(Map.of("set_id", "10", "name", "  Bags   &  Luggage ")).values(true))
                .containsOnly(Map.entry("magento_name", "  Bags   &  Luggage "), Map.entry("name", "Bags & Luggage"));
    }

    @Test
    void aSetWithoutANameIsInvalidData() {
        Map<String, Object> unnamed = new HashMap<>(Map.of("set_id", "10"));
        unnamed.put("name", null);
        assertThatThrownBy(() -> mapper.mapRecord(unnamed).values(true)).isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("no name");
        assertThatThrownBy(() -> mapper.mapRecord(Map.of("set_id", "10", "name", " ")).values(true))
                .isInstanceOf(InvalidDataException.class);
    }
}
