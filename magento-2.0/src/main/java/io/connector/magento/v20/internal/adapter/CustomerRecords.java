package io.connector.magento.v20.internal.adapter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import io.connector.magento.importer.PartnerImporter;

/**
 * A Magento 2 customer in the shared field names: {@code customer_id}; its addresses, which
 * Magento 2 embeds, under {@link PartnerImporter#EMBEDDED_ADDRESSES}, each with
 * {@code customer_address_id}, its street lines in one text, its region's name as the region and
 * the default flags as Magento 1 names them.
 */
final class CustomerRecords {

    private CustomerRecords() {
    }

    static Map<String, Object> customer(Map<String, Object> customer) {
        Map<String, Object> record = new LinkedHashMap<>(customer);
        record.put("customer_id", record.remove("id"));
        record.put(PartnerImporter.EMBEDDED_ADDRESSES, addresses(customer));
        return record;
    }

    /**
     * The customer's addresses. A default address is flagged on the address and named by the
     * customer's {@code default_billing} / {@code default_shipping} (an address id as text); either says it.
     */
    static List<Map<String, Object>> addresses(Map<String, Object> customer) {
        List<Map<String, Object>> addresses = new ArrayList<>();
        if (!(customer.get("addresses") instanceof List<?> list)) {
            return addresses;
        }
        String billing = Objects.toString(customer.get("default_billing"), null);
        String shipping = Objects.toString(customer.get("default_shipping"), null);
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> given)) {
                continue;
            }
            Map<String, Object> address = new LinkedHashMap<>();
            given.forEach((key, value) -> address.put(String.valueOf(key), value));
            String id = Objects.toString(address.remove("id"), null);
            address.put("customer_address_id", id);
            address.put("is_default_billing", flag(address.remove("default_billing")) || id != null && id.equals(billing));
            address.put("is_default_shipping", flag(address.remove("default_shipping")) || id != null && id.equals(shipping));
            if (address.get("street") instanceof List<?> lines) {
                address.put("street", lines.stream().filter(Objects::nonNull).map(Object::toString).collect(Collectors.joining("\n")));
            }
            if (address.get("region") instanceof Map<?, ?> region) {
                Object name = region.get("region");
                address.put("region", name == null || name.toString().isBlank() ? null : name.toString());
            }
            addresses.add(address);
        }
        return addresses;
    }

    private static boolean flag(Object value) {
        return Boolean.TRUE.equals(value) || "1".equals(String.valueOf(value)) || "true".equals(String.valueOf(value));
    }
}
