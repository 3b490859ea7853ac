package io.connector.magento.v20.internal.adapter;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;

import io.connector.api.Backend;
import io.connector.api.BackendRecord;
import io.connector.api.Environment;
import io.connector.api.store.Query;
import io.connector.api.store.RecordStore;
import io.connector.api.store.StoreSession;
import io.connector.api.store.StoreWork;
import io.connector.api.unit.AbstractUnit;
import io.connector.magento.MagentoModels;
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
    /** The store views the store has ({@code magento.storeview} rows), as an adapter reads them. */
    final java.util.List<Map<String, Object>> storeViews = new java.util.ArrayList<>();

    /** A store whose every query reads {@link #storeViews}: all an adapter asks of the store is its store views. */
    private RecordStore storeViews() {
        Object[] query = new Object[1];
        query[0] = Proxy.newProxyInstance(Query.class.getClassLoader(), new Class<?>[] {Query.class},
                (proxy, method, args) -> method.getName().equals("read") ? java.util.List.copyOf(storeViews) : query[0]);
        StoreSession session = (StoreSession) Proxy.newProxyInstance(StoreSession.class.getClassLoader(),
                new Class<?>[] {StoreSession.class}, (proxy, method, args) -> {
                    if (method.getName().equals("query") && MagentoModels.STORE_VIEW.equals(args[0])) {
                        return query[0];
                    }
                    throw new UnsupportedOperationException(method.getName() + " " + java.util.Arrays.toString(args));
                });
        return (RecordStore) Proxy.newProxyInstance(RecordStore.class.getClassLoader(), new Class<?>[] {RecordStore.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("inTransaction")) {
                        return ((StoreWork<?>) args[0]).run(session);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
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
                    case "store" -> storeViews();
                    case "toString" -> "environment of " + model;
                    default -> throw new UnsupportedOperationException(method.getName() + " is not needed by an adapter");
                }));
        return unit;
    }
}
