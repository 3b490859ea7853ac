package ${package};

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.connector.api.unit.BackendAdapter;
import io.connector.api.unit.BatchImporter;
import io.connector.api.unit.Binder;
import io.connector.api.unit.ChunkResult;
import io.connector.api.unit.ImportMapper;
import io.connector.api.unit.RecordImporter;
import io.connector.core.sync.AbstractBatchImporter;
import io.connector.store.testing.StoreFixture;
import io.connector.store.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The import's units together, as a job runs them, on a real record store (H2, in memory) with this
 * addon's models, and a shop that is a map ({@link FakeStockItems}).
 */
class StockLevelImportTest {

    private final Map<String, Map<String, Object>> shop = new HashMap<>();
    private StoreFixture store;

    @BeforeEach
    void start() {
        store = new StoreFixture(TestDatabase.h2(), "/" + StockLevelModels.FILE);
        assertThat(store.recordStore().modelProblems()).isEmpty();
        shop.put("879", FakeStockItems.item("879", "msj000", "12.0000", "1"));
        shop.put("880", FakeStockItems.item("880", "msj001", "0.0000", "0"));
        shop.put("881", FakeStockItems.item("881", "msj002", "3.0000", "1"));
    }

    @AfterEach
    void stop() {
        store.close();
    }

    /** A new environment, as each job gets one: new unit instances over the same store and shop. */
    private TestEnvironment environment() {
        return new TestEnvironment(store.recordStore(), StockLevelModels.BINDING)
                .with(BackendAdapter.class, () -> new FakeStockItems(shop))
                .with(BatchImporter.class, StockLevelBatchImporter::new)
                .with(RecordImporter.class, StockLevelImporter::new)
                .with(ImportMapper.class, StockLevelImportMapper::new)
                .with(Binder.class, StockLevelBinder::new);
    }

    @Test
    void theBatchDelaysAJobPerChunkOfStockItems() {
        TestEnvironment environment = environment();

        environment.unit(BatchImporter.class).run(Map.of(BatchImporter.CHUNK_SIZE, 2));

        assertThat(environment.delayedJobs()).extracting(TestEnvironment.DelayedJob::function)
                .containsExactly(AbstractBatchImporter.IMPORT_CHUNK, AbstractBatchImporter.IMPORT_RECORD);
        assertThat(environment.delayedJobs().get(0).args()).containsEntry("external_ids", List.of("879", "880"))
                .containsEntry("model", StockLevelModels.BINDING).containsEntry("backend_id", TestEnvironment.SHOP.id());
        assertThat(environment.delayedJobs().get(1).args()).containsEntry("external_id", "881");
    }

    @Test
    void aChunkCreatesEachStockLevelWithItsBinding() {
        ChunkResult result = environment().unit(RecordImporter.class).runChunk(List.of("879", "880"), false);

        assertThat(result.failed()).isEmpty();
        assertThat(result.imported().values()).allMatch(said -> said.startsWith("Created "));
        Map<String, Object> level = level("879");
        assertThat(level).containsEntry("sku", "msj000").containsEntry("in_stock", true);
        assertThat((BigDecimal) level.get("qty")).isEqualByComparingTo("12");
        assertThat(level("880")).containsEntry("in_stock", false);
    }

    @Test
    void aNewImportWritesTheShopsStockOverTheSameRecord() {
        environment().unit(RecordImporter.class).run("879", false);
        long id = levelId("879");
        shop.put("879", FakeStockItems.item("879", "msj000", "7.0000", "1"));

        String said = environment().unit(RecordImporter.class).run("879", false);

        assertThat(said).startsWith("Updated ");
        assertThat(levelId("879")).isEqualTo(id);
        assertThat((BigDecimal) level("879").get("qty")).isEqualByComparingTo("7");
    }

    @Test
    void aProductGoneFromTheShopIsNothingToDo() {
        ChunkResult result = environment().unit(RecordImporter.class).runChunk(List.of("879", "999"), false);

        assertThat(result.failed()).isEmpty();
        assertThat(result.imported().get("999")).startsWith("Record no longer exists");
        long levels = store.recordStore().inTransaction(s -> s.query(StockLevelModels.LOCAL).count());
        assertThat(levels).isEqualTo(1);
    }

    private long levelId(String productId) {
        return environment().binder().toInternal(productId, true).orElseThrow();
    }

    private Map<String, Object> level(String productId) {
        long id = levelId(productId);
        return store.recordStore().inTransaction(s -> s.read(StockLevelModels.LOCAL, id).orElseThrow());
    }
}
