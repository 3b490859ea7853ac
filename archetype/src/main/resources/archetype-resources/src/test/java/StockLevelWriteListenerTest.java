package ${package};

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.connector.api.BackendRecord;
import io.connector.api.BackendRecords;
import io.connector.api.Checkpoints;
import io.connector.api.UnknownBackendException;
import io.connector.api.store.RecordListener;
import io.connector.store.testing.StoreFixture;
import io.connector.store.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The listener on a real record store, hearing the writes as Karaf's whiteboard would have it hear them. */
class StockLevelWriteListenerTest {

    /** A checkpoint as the listener asked for it. */
    record Checkpoint(String backend, String model, Long recordId, String message) {
    }

    private final List<Checkpoint> checkpoints = new ArrayList<>();
    private StoreFixture store;
    private long levelId;

    @BeforeEach
    void start() {
        store = new StoreFixture(TestDatabase.h2(), "/" + StockLevelModels.FILE);
        store.listeners.add(new StockLevelWriteListener(new RecordedCheckpoints(), new OneShop()),
                Map.of(RecordListener.MODEL, StockLevelModels.LOCAL));
        levelId = store.recordStore().inTransaction(s -> {
            long binding = s.noExport().upsertBinding(StockLevelModels.BINDING, TestEnvironment.SHOP.id(), "879",
                    Map.of("sku", "msj000", "qty", 12, "in_stock", true));
            return ((Number) s.read(StockLevelModels.BINDING, binding).orElseThrow().get("record_id")).longValue();
        });
    }

    @AfterEach
    void stop() {
        store.close();
    }

    @Test
    void anImportsWriteAsksForNothing() {
        store.recordStore().inTransaction(s -> {
            s.noExport().write(StockLevelModels.LOCAL, levelId, Map.of("qty", 7));
            return null;
        });

        assertThat(checkpoints).isEmpty();
    }

    @Test
    void anOperatorsWriteAsksForAReviewOnTheShopThatKeepsTheStock() {
        store.recordStore().inTransaction(s -> {
            s.write(StockLevelModels.LOCAL, levelId, Map.of("qty", 3));
            return null;
        });

        assertThat(checkpoints).singleElement().satisfies(checkpoint -> {
            assertThat(checkpoint.backend()).isEqualTo("shop");
            assertThat(checkpoint.model()).isEqualTo(StockLevelModels.LOCAL);
            assertThat(checkpoint.recordId()).isEqualTo(levelId);
            assertThat(checkpoint.message()).contains("(qty)", "next stock-levels import of shop");
        });
    }

    /** What the core's checkpoints would store, kept here. */
    private final class RecordedCheckpoints implements Checkpoints {

        @Override
        public long add(BackendRecord backend, String model, Long recordId, String message) {
            checkpoints.add(new Checkpoint(backend.name(), model, recordId, message));
            return checkpoints.size();
        }

        @Override
        public void review(long id, String who) {
            throw new UnsupportedOperationException("review");
        }
    }

    /** The backend records: shop, which the bindings name. */
    private static final class OneShop implements BackendRecords {

        @Override
        public Collection<BackendRecord> all() {
            return List.of(TestEnvironment.SHOP);
        }

        @Override
        public Optional<BackendRecord> find(String nameOrId) {
            return all().stream().filter(r -> r.id().equals(nameOrId) || r.name().equals(nameOrId)).findFirst();
        }

        @Override
        public BackendRecord get(String nameOrId) throws UnknownBackendException {
            return find(nameOrId).orElseThrow(() -> new UnknownBackendException("No backend record " + nameOrId));
        }
    }
}
