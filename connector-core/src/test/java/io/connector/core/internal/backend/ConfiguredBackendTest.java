package io.connector.core.internal.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A backend record as its typed configuration makes it. */
class ConfiguredBackendTest {

    @TempDir
    Path dir;

    private static BackendConfiguration config(String id, String password) {
        return new BackendConfiguration() {
            @Override
            public String name() {
                return "shop1";
            }

            @Override
            public String id() {
                return id;
            }

            @Override
            public String service() {
                return "magento";
            }

            @Override
            public String version() {
                return "1.7";
            }

            @Override
            public String location() {
                return "https://shop.example.com";
            }

            @Override
            public String username() {
                return "odoo";
            }

            @Override
            public String _password() {
                return password;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return BackendConfiguration.class;
            }
        };
    }

    @Test
    void theRecordReadsItsTypedConfigurationAndKeepsOtherPropertiesAsOptions() {
        SecretBox secrets = new SecretBox(dir.resolve("key"));
        String sealed = secrets.seal("s3cr3t");
        Map<String, Object> properties = new HashMap<>(Map.of("service.pid", "io.connector.backend~shop1", "name", "shop1",
                "sale.prefix", "mag-", "timeout", "120", ".password", sealed));
        ConfiguredBackend record = new ConfiguredBackend(config("", sealed), properties, null, secrets);
        assertThat(record.id()).as("no id configured: the PID").isEqualTo("io.connector.backend~shop1");
        assertThat(record.name()).isEqualTo("shop1");
        assertThat(record.backendName()).isEqualTo("magento/1.7");
        assertThat(record.location()).isEqualTo("https://shop.example.com");
        assertThat(record.password()).isEqualTo("s3cr3t");
        assertThat(record.option("sale.prefix")).contains("mag-");
        assertThat(record.option("timeout")).contains("120");
        assertThat(record.option(".password")).as("private properties are no options").isEmpty();
        assertThat(record.toString()).doesNotContain("s3cr3t", sealed);
        assertThat(new ConfiguredBackend(config("b-42", "plain"), properties, null, secrets).id()).isEqualTo("b-42");
    }
}
