package io.connector.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.connector.api.store.RecordEvent;
import io.connector.api.store.RecordListener;
import io.connector.store.testing.StoreFixture;
import io.connector.store.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The store's binder as units get it through an environment, and checkpoints, on the core's
 * models and whichever database a subclass gives them.
 */
abstract class StoreUnitsContract {

    StoreFixture fixture;
    io.connector.store.internal.JdbcRecordStore store;

    abstract TestDatabase database();

    @BeforeEach
    void openStore() {
        fixture = new StoreFixture(database(), "/connector/models.json", "/test-models.json");
        store = fixture.store;
    }

    @AfterEach
    void closeStore() {
        if (fixture != null) {
            fixture.close();
        }
    }

    /** Backend "shop" and its binder for shop.res.partner, as a backend bundle registers them. */
    final io.connector.core.internal.resolver.UnitRegistry units = new io.connector.core.internal.resolver.UnitRegistry();

    @BeforeEach
    void registerShopBinder() {
        units.backendDeclared("shop", new io.connector.core.internal.resolver.BackendInfo("shop", "", "", "", "test", 0, 1));
        units.unitRegistered("binder", io.connector.core.internal.resolver.TestUnits.unit("ShopBinder")
                .type(io.connector.api.unit.Binder.class.getName()).on("shop").models("shop.res.partner")
                .instances(ShopBinder::new).build());
    }

    <T> T tx(io.connector.api.store.StoreWork<T> work) {
        return store.inTransaction(work);
    }

    Map<String, Object> get(String model, long id) {
        return tx(s -> s.read(model, id)).orElseThrow();
    }

    @Test
    void theBinderLinksExternalIdsToBindingsAndRecordsPerBackend() {
        var environments = new io.connector.core.internal.environment.ConnectorEnvironmentFactory(units, store);
        var shop1 = new TestBackendRecord("b1", units.get("shop"));
        var shop2 = new TestBackendRecord("b2", units.get("shop"));
        long binding = tx(s -> s.upsertBinding("shop.res.partner", "b1", "0", Map.of("name", "Zero")));
        long partner = (Long) get("shop.res.partner", binding).get("record_id");
        try (var env = environments.open(shop1, "shop.res.partner"); var other = environments.open(shop2, "shop.res.partner")) {
            var binder = env.binder();
            assertThat(binder.toInternal("0")).as("\"0\" is a valid id").contains(binding);
            assertThat(binder.toInternal("0", true)).contains(partner);
            assertThat(binder.toInternal("1")).isEmpty();
            assertThat(other.binder().toInternal("0")).as("another backend record's bindings").isEmpty();
            assertThat(binder.toExternal(binding, false)).contains("0");
            assertThat(binder.toExternal(partner, true)).contains("0");
            assertThat(other.binder().toExternal(partner, true)).isEmpty();
            assertThat(binder.unwrapBinding(binding)).isEqualTo(partner);
            assertThat(binder.unwrapModel()).isEqualTo("res.partner");

            List<Boolean> exported = new ArrayList<>();
            RecordListener export = new RecordListener() {
                @Override
                public void onRecordWrite(RecordEvent e) {
                    exported.add(e.noExport());
                }
            };
            fixture.listeners.add(export, Map.of("model", "shop.res.partner"));
            long fresh = tx(s -> s.create("shop.res.partner", Map.of("backend_id", "b1", "name", "New")));
            binder.bind("42", fresh);
            assertThat(binder.toInternal("42")).contains(fresh);
            assertThat(get("shop.res.partner", fresh).get("sync_date")).isNotNull();
            assertThat(exported).as("bind fires no export").containsExactly(true);
            fixture.listeners.remove(export);
        }
    }

    @Test
    void theBinderRemembersWhatItFoundInATransactionAndForgetsItWhenWorkIsUndone() {
        var environments = new io.connector.core.internal.environment.ConnectorEnvironmentFactory(units, store);
        var shop = new TestBackendRecord("b1", units.get("shop"));
        long kept = tx(s -> s.upsertBinding("shop.res.partner", "b1", "7", Map.of("name", "Kept")));
        try (var env = environments.open(shop, "shop.res.partner")) {
            var binder = env.binder();
            tx(s -> {
                long lookups = lookups();
                for (int i = 0; i < 5; i++) {
                    assertThat(binder.toInternal("7")).contains(kept);
                }
                if (lookups >= 0) {
                    assertThat(lookups() - lookups).as("one query for five lookups in a transaction").isEqualTo(1);
                }

                // A binding found inside work that is then undone is not found after it.
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.inSavepoint(inner -> {
                    inner.upsertBinding("shop.res.partner", "b1", "8", Map.of("name", "Undone"));
                    assertThat(binder.toInternal("8")).isPresent();
                    throw new IllegalStateException("undo");
                })).hasMessage("undo");
                assertThat(binder.toInternal("8")).isEmpty();
                assertThat(binder.toInternal("7")).contains(kept);
                return null;
            });
            tx(s -> {
                s.delete("shop.res.partner", kept);
                assertThat(binder.toInternal("7")).as("deleted in this transaction").isEmpty();
                return null;
            });
        }
    }

    /** How often the binder's lookup ran, where the database counts it (H2); -1 elsewhere. */
    private long lookups() {
        return tx(s -> store.inSqlTransaction(sql -> {
            if (!sql.connection().getMetaData().getDatabaseProductName().contains("H2")) {
                return -1L;
            }
            try (var st = sql.connection().createStatement()) {
                st.execute("SET QUERY_STATISTICS TRUE");
                try (var rows = st.executeQuery("SELECT COALESCE(SUM(EXECUTION_COUNT), 0) FROM INFORMATION_SCHEMA.QUERY_STATISTICS "
                        + "WHERE SQL_STATEMENT LIKE 'SELECT \"id\" FROM \"shop_res_partner\" WHERE \"backend_id\"%'")) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        }));
    }

    @Test
    void checkpointsAreRecordedAndReviewedOnce() {
        var checkpoints = new io.connector.core.internal.checkpoint.StoreCheckpoints(store);
        var shop = new TestBackendRecord("b1", null);
        long id = checkpoints.add(shop, "magento.storeview", 7L, "New store view 'French'");
        assertThat(get("connector.checkpoint", id)).containsEntry("backend_id", "b1").containsEntry("model", "magento.storeview")
                .containsEntry("record_id", 7L).containsEntry("state", "need-review").containsEntry("reviewed_by", null);
        checkpoints.review(id, "alice");
        assertThat(get("connector.checkpoint", id)).containsEntry("state", "reviewed").containsEntry("reviewed_by", "alice");
        assertThatThrownBy(() -> checkpoints.review(id, "bob")).hasMessageStartingWith("Checkpoint " + id + " was already reviewed by alice");
        assertThatThrownBy(() -> checkpoints.review(987654, "bob")).hasMessage("No checkpoint with id 987654");
    }

    static final class ShopBinder extends io.connector.store.binder.StoreBinder {
    }

    record TestBackendRecord(String id, io.connector.api.Backend backend) implements io.connector.api.BackendRecord {
        public String name() {
            return "shop " + id;
        }

        public String location() {
            return "http://127.0.0.1:1";
        }

        public String username() {
            return "";
        }

        public String password() {
            return "";
        }

        public java.util.Optional<String> option(String key) {
            return java.util.Optional.empty();
        }
    }
}
