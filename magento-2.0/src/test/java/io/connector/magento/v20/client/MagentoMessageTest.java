package io.connector.magento.v20.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class MagentoMessageTest {

    @Test
    void namedParametersFillTheirPlaceholders() {
        assertThat(MagentoMessage.fill("No such entity with %fieldName = %fieldValue", Map.of("fieldName", "id", "fieldValue", 42)))
                .isEqualTo("No such entity with id = 42");
    }

    @Test
    void aListFillsPercentOneTwoAndSoOn() {
        List<Object> parameters = Arrays.asList("a", "b", "c", "d", "e", "f", "g", "h", "i", "j");
        assertThat(MagentoMessage.fill("%1 then %2, and %10 is not %1 followed by 0", parameters))
                .isEqualTo("a then b, and j is not a followed by 0");
    }

    @Test
    void theLongestPlaceholderWinsAndAnUnknownOneStays() {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("field", "x");
        parameters.put("fieldName", "sku");
        assertThat(MagentoMessage.fill("%fieldName, %field, %other, 100%", parameters)).isEqualTo("sku, x, %other, 100%");
    }

    @Test
    void valuesAreWrittenAsPhpWritesThem() {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("qty", 30.0);
        parameters.put("price", 9.5);
        parameters.put("yes", true);
        parameters.put("no", false);
        parameters.put("none", null);
        assertThat(MagentoMessage.fill("%qty %price [%yes] [%no] [%none]", parameters)).isEqualTo("30 9.5 [1] [] []");
    }

    @Test
    void withoutParametersTheMessageIsAsSent() {
        assertThat(MagentoMessage.fill("Consumer is not authorized %resources", null)).isEqualTo("Consumer is not authorized %resources");
        assertThat(MagentoMessage.fill("As is", "not a map")).isEqualTo("As is");
    }
}
