package io.connector.core.internal.environment;

import static io.connector.core.internal.resolver.TestUnits.magentoChain;
import static io.connector.core.internal.resolver.TestUnits.unit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;

import io.connector.api.Backend;
import io.connector.api.BackendRecord;
import io.connector.api.ConnectorException;
import io.connector.api.Environment;
import io.connector.api.UnknownBackendException;
import io.connector.api.unit.AbstractUnit;
import io.connector.api.unit.Binder;
import io.connector.api.unit.ImportMapper;
import io.connector.core.internal.resolver.BackendInfo;
import io.connector.core.internal.resolver.TestUnits.CountingSource;
import io.connector.core.internal.resolver.UnitDescriptor;
import io.connector.core.internal.resolver.UnitRegistry;
import io.connector.core.mapper.AbstractImportMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConnectorEnvironmentTest {

    private static final String MAPPER = ImportMapper.class.getName();
    private static final String PARTNER = "magento.res.partner";

    /** A mapper that says which unit it is, so tests can tell instances of different units apart. */
    static final class NamedMapper extends AbstractImportMapper {
        final String unitName;

        NamedMapper(String unitName) {
            this.unitName = unitName;
        }
    }

    static final class TestBinder extends AbstractUnit implements Binder {
        @Override
        public Optional<Long> toInternal(String externalId, boolean unwrap) {
            return Optional.empty();
        }

        @Override
        public Optional<String> toExternal(long id, boolean wrap) {
            return Optional.empty();
        }

        @Override
        public void bind(String externalId, long bindingId) {
        }

        @Override
        public long unwrapBinding(long bindingId) {
            return bindingId;
        }

        @Override
        public String unwrapModel() {
            return "res.partner";
        }
    }

    record Shop(String id, String name, Backend backend) implements BackendRecord {
        @Override
        public String location() {
            return "http://shop.example";
        }

        @Override
        public String username() {
            return "test";
        }

        @Override
        public String password() {
            return "";
        }

        @Override
        public Optional<String> option(String key) {
            return Optional.empty();
        }
    }

    private final UnitRegistry registry = new UnitRegistry();
    private final ConnectorEnvironmentFactory factory = new ConnectorEnvironmentFactory(registry);
    private BackendRecord shop;

    @BeforeEach
    void declareBackends() {
        int key = 0;
        for (BackendInfo backend : magentoChain()) {
            registry.backendDeclared("backend-" + key++, backend);
        }
        shop = new Shop("b1", "Madison Island", registry.get("magento/1.7"));
    }

    private UnitDescriptor register(String name, String backend, String... replacing) {
        UnitDescriptor unit = unit(name).on(backend).replacing(replacing).instances(() -> new NamedMapper(name)).build();
        registry.unitRegistered(name, unit);
        return unit;
    }

    private static String unitName(ImportMapper mapper) {
        return ((NamedMapper) mapper).unitName;
    }

    @Test
    void aUnitWorksInTheEnvironmentThatObtainedIt() {
        register("Standard", "magento");
        try (Environment env = factory.open(shop, PARTNER, Map.of("lang", "fr_FR"))) {
            ImportMapper mapper = env.unit(ImportMapper.class);
            assertThat(mapper.environment()).isSameAs(env);
            assertThat(env.unit(ImportMapper.class)).as("one instance per environment and type").isSameAs(mapper);
            assertThat(env.backend().name()).isEqualTo("magento/1.7");
            assertThat(env.backendRecord()).isSameAs(shop);
        }
    }

    @Test
    void unitsForOtherModelsGetAnEnvironmentForThatModelWithTheSameAttributes() {
        registry.unitRegistered("binder", unit("Binder").type(Binder.class.getName()).models("magento.res.partner.category")
                .instances(TestBinder::new).build());
        try (Environment env = factory.open(shop, PARTNER, Map.of("lang", "fr_FR"))) {
            Binder binder = env.binder("magento.res.partner.category");
            assertThat(binder.environment().model()).isEqualTo("magento.res.partner.category");
            assertThat(binder.environment().attributes()).containsEntry("lang", "fr_FR");
            assertThat(binder.environment().backendRecord()).isSameAs(shop);
            assertThat(env.forModel("magento.res.partner.category").binder()).isSameAs(binder);
            assertThatThrownBy(env::binder).hasMessageStartingWith("No unit of type io.connector.api.unit.Binder for model 'magento.res.partner'");
        }
    }

    @Test
    void anEnvironmentKeepsTheViewItWasOpenedWith() {
        register("Standard", "magento/1.7");
        try (Environment running = factory.open(shop, PARTNER)) {
            register("Addon", "magento/1.7", "Standard");
            assertThat(unitName(running.unit(ImportMapper.class))).as("opened before the addon").isEqualTo("Standard");
            try (Environment next = factory.open(shop, PARTNER)) {
                assertThat(unitName(next.unit(ImportMapper.class))).isEqualTo("Addon");
            }
        }
    }

    @Test
    void anObtainedUnitKeepsWorkingAfterItsServiceIsGone() {
        UnitDescriptor standard = register("Standard", "magento/1.7");
        try (Environment env = factory.open(shop, PARTNER)) {
            ImportMapper mapper = env.unit(ImportMapper.class);
            ((CountingSource) standard.source()).unregister();
            registry.unitUnregistered("Standard");
            assertThat(mapper.mapRecord(Map.of("a", 1)).values(true)).isEmpty();
            assertThat(env.unit(ImportMapper.class)).isSameAs(mapper);
        }
    }

    @Test
    void aUnitGoneBeforeItWasObtainedIsLookedUpAgainInTheCurrentRegistry() {
        register("Root", "magento");
        UnitDescriptor standard = register("Standard", "magento/1.7");
        try (Environment env = factory.open(shop, PARTNER)) {
            ((CountingSource) standard.source()).unregister();
            registry.unitUnregistered("Standard");
            assertThat(unitName(env.unit(ImportMapper.class))).isEqualTo("Root");
        }
    }

    @Test
    void closingReleasesEveryInstanceAndEndsTheEnvironment() {
        UnitDescriptor standard = register("Standard", "magento");
        registry.unitRegistered("binder", unit("Binder").type(Binder.class.getName()).models("other")
                .instances(TestBinder::new).build());
        Environment env = factory.open(shop, PARTNER);
        ImportMapper mapper = env.unit(ImportMapper.class);
        Binder binder = env.binder("other");
        env.close();
        assertThat(((CountingSource) standard.source()).released).containsExactly(mapper);
        assertThat(((CountingSource) registry.current().units().stream().filter(u -> u.name().equals("Binder"))
                .findFirst().orElseThrow().source()).released).containsExactly(binder);
        assertThatThrownBy(() -> env.unit(ImportMapper.class)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void aSingletonUnitIsRefusedWithTheFix() {
        registry.unitRegistered("single", unit("Single").singleton().instances(() -> new NamedMapper("Single")).build());
        try (Environment env = factory.open(shop, PARTNER)) {
            assertThatThrownBy(() -> env.unit(ImportMapper.class)).isInstanceOf(ConnectorException.class)
                    .hasMessageContaining("Single [test.bundle 1.0.0 (42)] is not prototype-scoped")
                    .hasMessageContaining("@Component(scope = ServiceScope.PROTOTYPE)");
        }
    }

    @Test
    void aUnitOfTheWrongClassIsAClearError() {
        registry.unitRegistered("odd", unit("Odd").instances(Object::new).build());
        try (Environment env = factory.open(shop, PARTNER)) {
            assertThatThrownBy(() -> env.unit(ImportMapper.class)).isInstanceOf(ConnectorException.class)
                    .hasMessageContaining("Odd [test.bundle 1.0.0 (42)] is registered as " + MAPPER);
        }
    }

    @Test
    void aBackendRecordOfAnUndeclaredBackendIsRefused() {
        Backend gone = registry.get("magento/2.0");
        registry.backendWithdrawn("backend-3");
        assertThatThrownBy(() -> factory.open(new Shop("b2", "Old shop", gone), PARTNER))
                .isInstanceOf(UnknownBackendException.class)
                .hasMessage("Backend record 'Old shop' is of backend magento/2.0, which no installed bundle declares. "
                        + "Declared backends: magento, magento/1.7, magento/1.7-specific");
    }

    @Test
    void aUnitNotObtainedFromAnEnvironmentSaysSo() {
        assertThatThrownBy(() -> new NamedMapper("x").environment()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("was not obtained through an Environment");
    }
}
