package io.connector.magento.v20.internal.adapter;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;

import io.connector.api.Backend;
import io.connector.api.BackendRecord;
import io.connector.api.Environment;
import io.connector.api.unit.AbstractUnit;
import io.connector.magento.v20.RecordedMagento2;
import io.connector.magento.v20.client.Magento2Clients;
import io.connector.magento.v20.internal.client.Magento2ClientPool;

/** Adapters of a backend record on the recorded Magento 2 shop, each in an environment that knows only its record and model. */
final class RecordedShopAdapters {

    private record Shop(String location, String password) implements BackendRecord {

        @Override
        public String id() {
            return "b1";
        }

        @Override
        public String name() {
            return "shop2";
        }

        @Override
        public Backend backend() {
            throw new UnsupportedOperationException();
        }

        @Override
        public String username() {
            return null;
        }

        @Override
        public Optional<String> option(String key) {
            return Optional.empty();
        }
    }

    final Magento2Clients clients = new Magento2ClientPool();
    private final BackendRecord shop;

    RecordedShopAdapters(RecordedMagento2 magento) {
        this(magento.location());
    }

    /** On the shop at {@code location}, with the recordings' token. */
    RecordedShopAdapters(String location) {
        shop = new Shop(location, RecordedMagento2.TOKEN);
    }

    /** {@code unit}, placed in an environment of {@code model}: what the resolver does before a unit works. */
    <T extends AbstractUnit> T on(String model, T unit) {
        Map<String, Object> attributes = Map.of();
        unit.setEnvironment((Environment) Proxy.newProxyInstance(Environment.class.getClassLoader(), new Class<?>[] {Environment.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "backendRecord" -> shop;
                    case "model" -> model;
                    case "attributes" -> attributes;
                    case "toString" -> "environment of " + model;
                    default -> throw new UnsupportedOperationException(method.getName() + " is not needed by an adapter");
                }));
        return unit;
    }
}
