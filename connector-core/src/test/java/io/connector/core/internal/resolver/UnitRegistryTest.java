package io.connector.core.internal.resolver;

import static io.connector.core.internal.resolver.TestUnits.magentoChain;
import static io.connector.core.internal.resolver.TestUnits.unit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connector.api.NoUnitException;
import io.connector.api.UnknownBackendException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The registry as service events drive it: every change publishes a snapshot with a fresh cache. */
class UnitRegistryTest {

    private static final String MAPPER = "io.connector.api.unit.ImportMapper";
    private static final String PARTNER = "magento.res.partner";

    private final UnitRegistry registry = new UnitRegistry();

    @BeforeEach
    void declareBackends() {
        int key = 0;
        for (BackendInfo backend : magentoChain()) {
            registry.backendDeclared("backend-" + key++, backend);
        }
    }

    @Test
    void registeringAReplacingUnitChangesTheCachedAnswer() {
        UnitDescriptor standard = unit("Standard").on("magento/1.7").build();
        registry.unitRegistered("standard", standard);
        assertThat(resolve()).isEqualTo(standard);

        UnitDescriptor addon = unit("Addon").on("magento/1.7").replacing("Standard").build();
        registry.unitRegistered("addon", addon);
        assertThat(resolve()).isEqualTo(addon);

        registry.unitUnregistered("addon");
        assertThat(resolve()).isEqualTo(standard);
    }

    @Test
    void modifiedPropertiesReplaceTheUnit() {
        registry.unitRegistered("u", unit("U").models("magento.product").build());
        assertThatThrownBy(this::resolve).isInstanceOf(NoUnitException.class);
        UnitDescriptor modified = unit("U").models(PARTNER).build();
        registry.unitRegistered("u", modified);
        assertThat(resolve()).isEqualTo(modified);
    }

    @Test
    void anUnchangedRegistryKeepsItsSnapshotAndCache() {
        registry.unitRegistered("u", unit("U").build());
        RegistrySnapshot before = registry.current();
        registry.unitUnregistered("never-registered");
        assertThat(registry.current()).isSameAs(before);
        assertThat(before.resolve("magento", MAPPER, PARTNER)).isSameAs(registry.current().resolve("magento", MAPPER, PARTNER));
    }

    @Test
    void withdrawingABackendCutsTheChain() {
        UnitDescriptor root = unit("Root").on("magento").build();
        registry.unitRegistered("root", root);
        assertThat(resolve()).isEqualTo(root);
        registry.backendWithdrawn("backend-1"); // magento/1.7
        assertThatThrownBy(this::resolve).isInstanceOf(UnknownBackendException.class);
        assertThat(registry.current().backend("magento/1.7-specific").orElseThrow().chain()).hasSize(1);
    }

    @Test
    void backendsAreFoundByName() {
        assertThat(registry.get("magento/1.7").parent().orElseThrow().name()).isEqualTo("magento");
        assertThat(registry.find("magento/3")).isEmpty();
        assertThat(registry.all()).hasSize(4);
        assertThatThrownBy(() -> registry.get("magneto")).isInstanceOf(UnknownBackendException.class)
                .hasMessageContaining("Declared backends: magento, magento/1.7");
    }

    private UnitDescriptor resolve() {
        return registry.current().resolve("magento/1.7", MAPPER, PARTNER).winner();
    }
}
