package io.connector.magento.mapper;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.connector.core.mapper.AbstractImportMapper;
import io.connector.core.mapper.MapContext;
import io.connector.core.mapper.Mapping;
import io.connector.magento.MagentoModels;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A Magento customer as a partner, in every version: the customer as the adapters hand it over, in
 * Magento 1's field names ({@code customer.info}: {@code firstname}, {@code dob}, {@code taxvat},
 * {@code group_id}, ...). Customer-specific versions extend it rather than copy it.
 */
@ConsumerType
public abstract class PartnerImportMapper extends AbstractImportMapper {

    protected PartnerImportMapper() {
        direct("email", "email");
        direct("dob", "birthday");
        direct("taxvat", "vat");
        direct(backendToM2o("website_id"), "website_id");
        direct(backendToM2o("group_id"), "group_id");
        direct(MagentoModifiers.utcDate("created_at"), "created_at");
        direct(MagentoModifiers.utcDate("updated_at"), "updated_at");
    }

    /** The customer group, as a category of the partner (imported before the customer). */
    @Mapping
    public Map<String, Object> categories(MapContext record) {
        Object group = record.get("group_id");
        if (group == null || group.toString().isBlank() || !hasEnvironment()) {
            return Map.of();
        }
        return Map.of("category_ids", binder(MagentoModels.PARTNER_CATEGORY).toInternal(group.toString(), true)
                .map(List::of).orElse(List.of()));
    }

    /** First, middle and last name, those that are there. */
    @Mapping
    public Map<String, Object> name(MapContext record) {
        Map<String, Object> values = new HashMap<>();
        String name = Stream.of("firstname", "middlename", "lastname").map(record::get)
                .filter(Objects::nonNull).map(Object::toString).filter(s -> !s.isBlank())
                .collect(Collectors.joining(" "));
        // No name at all is missing data, for the store to refuse, not a partner called "".
        values.put("name", name.isEmpty() ? null : name);
        return values;
    }
}
