package io.connector.systemtests;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A backend record as an operator writes it by hand, etc/io.connector.backend-NAME.cfg (the
 * factory configuration connector-core reads, BackendConfiguration), as connector:backend-add
 * writes it too. The same {@code id} on every node makes them one backend record: the bindings and
 * jobs refer to it.
 */
record BackendFile(String name, String id, String service, String version, String location, String username,
        String password, Map<String, String> options) {

    static BackendFile magento17(String name, String id, String location) {
        return new BackendFile(name, id, "magento", "1.7", location, "odoo", "odoo42", Map.of());
    }

    /** Its file in etc/: factory PID, '-', name (what Karaf's file install takes for a factory configuration). */
    String fileName() {
        return "io.connector.backend-" + name + ".cfg";
    }

    /** The file's properties; {@code .password} in clear, which the core takes as it is (it seals what it writes itself). */
    Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("name", name);
        properties.put("id", id);
        properties.put("service", service);
        properties.put("version", version);
        properties.put("location", location);
        properties.put("username", username);
        properties.put(".password", password);
        properties.putAll(options);
        return properties;
    }
}
