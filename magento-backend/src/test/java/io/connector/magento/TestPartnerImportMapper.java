package io.connector.magento;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.connector.core.mapper.AbstractImportMapper;
import io.connector.core.mapper.MapContext;
import io.connector.core.mapper.Mapping;

/**
 * The partner mapper of these tests. The generic backend registers none: each version brings its
 * own ({@code magento-1.7}'s Magento17PartnerImportMapper), and magento-1.7 depends on this module,
 * so it cannot be a test dependency here without a Maven cycle. This one maps what the address
 * book rules read (name, e-mail), and the website and group through their bindings, so that a
 * customer imported before its group or website fails instead of passing unnoticed.
 */
final class TestPartnerImportMapper extends AbstractImportMapper {

    TestPartnerImportMapper() {
        direct("email", "email");
        direct(backendToM2o("website_id"), "website_id");
        direct(backendToM2o("group_id"), "group_id");
    }

    /** No name at all is left to the store to refuse, as the real mappers do. */
    @Mapping
    public Map<String, Object> name(MapContext record) {
        String name = Stream.of("firstname", "lastname").map(record::get).filter(Objects::nonNull).map(Object::toString)
                .filter(s -> !s.isBlank()).collect(Collectors.joining(" "));
        Map<String, Object> values = new HashMap<>();
        values.put("name", name.isEmpty() ? null : name);
        return values;
    }
}
