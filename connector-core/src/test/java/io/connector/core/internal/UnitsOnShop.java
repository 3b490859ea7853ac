package io.connector.core.internal;

import java.util.function.Supplier;

import io.connector.api.ConnectorUnit;
import io.connector.core.internal.environment.ConnectorEnvironmentFactory;
import io.connector.core.internal.resolver.BackendInfo;
import io.connector.core.internal.resolver.TestUnits;
import io.connector.core.internal.resolver.UnitRegistry;
import io.connector.store.testing.StoreFixture;
import io.connector.store.testing.TestDatabase;

/**
 * What the tests of the core's job functions share: a real store on H2 with the test models, a
 * backend {@code shop} with the units a test registers on it, its record {@code b1}, a queue that
 * keeps what was delayed, and the core's environment factory over them.
 */
public final class UnitsOnShop implements AutoCloseable {

    public final StoreFixture fixture = new StoreFixture(TestDatabase.h2(), "/connector/models.json", "/test-models.json");
    public final UnitRegistry units = new UnitRegistry();
    public final KeptJobs jobs = new KeptJobs();
    public final TestShop shop;
    public final ConnectorEnvironmentFactory environments;

    public UnitsOnShop() {
        units.backendDeclared("shop", new BackendInfo("shop", "", "", "", "test", 0, 1));
        shop = new TestShop("b1", "Madison Island", units.get("shop"));
        environments = new ConnectorEnvironmentFactory(units, fixture.store, jobs);
    }

    /** Registers a unit of {@code type} on {@code shop} for {@code models}, made by {@code instances}. */
    public <T extends ConnectorUnit> UnitsOnShop register(Class<T> type, Supplier<? extends T> instances, String... models) {
        String name = type.getSimpleName();
        units.unitRegistered(name, TestUnits.unit(name).type(type.getName()).on("shop").models(models)
                .instances(instances::get).build());
        return this;
    }

    @Override
    public void close() {
        fixture.close();
    }
}
