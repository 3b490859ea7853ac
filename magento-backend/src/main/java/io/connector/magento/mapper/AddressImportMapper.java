package io.connector.magento.mapper;

import static io.connector.magento.mapper.MagentoModifiers.utcDate;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.connector.core.mapper.AbstractImportMapper;
import io.connector.core.mapper.MapContext;
import io.connector.core.mapper.Mapping;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * {@code customer_address.info} as a partner address. Magento keeps every street line in one
 * field, joined with new lines: the first is the street, the others {@code street2}.
 */
@ConsumerType
public abstract class AddressImportMapper extends AbstractImportMapper {

    protected AddressImportMapper() {
        direct("city", "city");
        direct("postcode", "zip");
        direct("region", "region");
        direct("country_id", "country_code");
        direct("telephone", "phone");
        direct(convert("is_default_billing", Boolean.class), "is_default_billing");
        direct(convert("is_default_shipping", Boolean.class), "is_default_shipping");
        direct(utcDate("created_at"), "created_at");
        direct(utcDate("updated_at"), "updated_at");
    }

    @Mapping
    public Map<String, Object> name(MapContext record) {
        Map<String, Object> values = new HashMap<>();
        String person = Stream.of("firstname", "middlename", "lastname").map(record::get).filter(Objects::nonNull)
                .map(Object::toString).filter(s -> !s.isBlank()).collect(Collectors.joining(" "));
        values.put("name", person.isEmpty() ? record.get("company") : person);
        return values;
    }

    @Mapping
    public Map<String, Object> street(MapContext record) {
        Object street = record.get("street");
        Map<String, Object> values = new HashMap<>();
        if (street == null) {
            values.put("street", null);
            values.put("street2", null);
            return values;
        }
        List<String> lines = Arrays.stream(street.toString().split("\\r?\\n")).map(String::trim)
                .filter(line -> !line.isEmpty()).toList();
        values.put("street", lines.isEmpty() ? null : lines.get(0));
        values.put("street2", lines.size() < 2 ? null : String.join(", ", lines.subList(1, lines.size())));
        return values;
    }

    /** Invoice for the default billing address, delivery for the default shipping one, contact otherwise. */
    @Mapping
    public Map<String, Object> type(MapContext record) {
        String type = truthy(record.get("is_default_billing")) ? "invoice"
                : truthy(record.get("is_default_shipping")) ? "delivery" : "contact";
        return Map.of("type", type);
    }

    static boolean truthy(Object value) {
        return value != null && !Boolean.FALSE.equals(value) && !"0".equals(value.toString()) && !value.toString().isBlank()
                && !"false".equals(value.toString());
    }
}
