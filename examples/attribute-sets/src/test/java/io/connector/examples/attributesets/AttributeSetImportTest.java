package io.connector.examples.attributesets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.connector.api.unit.BatchImporter;
import io.connector.api.unit.ChunkResult;
import io.connector.api.unit.RecordImporter;
import io.connector.magento.importer.MagentoBatchImporter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The import through the addon's units as the resolver finds them, from the simulator's sets into a real store. */
class AttributeSetImportTest {

    private final AddonShop shop = new AddonShop();

    @AfterEach
    void close() {
        shop.close();
    }

    @Test
    void theBatchDelaysOneChunkOfEverySetOnTheMagentoChannelOrOneJobPerSet() {
        shop.inEnvironment(env -> {
            env.unit(BatchImporter.class).run(Map.of());
            return null;
        });
        assertThat(shop.delayed).singleElement().satisfies(job -> {
            assertThat(job.function()).isEqualTo("import_chunk");
            assertThat(job.channel()).isEqualTo(MagentoBatchImporter.CHANNEL);
            assertThat(job.args()).containsEntry("model", AttributeSetModels.BINDING).containsEntry("backend_id", AddonShop.SHOP_ID)
                    .containsEntry("external_ids", List.of("4", "9", "10", "11", "12", "13"));
        });

        shop.delayed.clear();
        shop.inEnvironment(env -> {
            env.unit(BatchImporter.class).run(Map.of(BatchImporter.CHUNK_SIZE, 1));
            return null;
        });
        assertThat(shop.delayed).extracting(AddonShop.Delayed::function).containsOnly("import_record").hasSize(6);
        assertThat(shop.delayed).extracting(job -> job.args().get("external_id")).containsExactly("4", "9", "10", "11", "12", "13");
    }

    @Test
    void aChunkCreatesTheSetsAndTheirBindingsThenUpdatesThemWithoutACheckpoint() {
        ChunkResult created = importChunk(List.of("4", "10", "13"));
        assertThat(created.failed()).isEmpty();
        assertThat(created.imported().values()).allSatisfy(result -> assertThat(result).startsWith("Created"));
        Map<String, Map<String, Object>> bindings = shop.bindings();
        assertThat(bindings).containsOnlyKeys("4", "10", "13");
        assertThat(bindings.get("10")).containsEntry("name", "Bags & Luggage").containsEntry("magento_name", "Bags & Luggage");
        assertThat(bindings.get("10").get("sync_date")).isNotNull();

        shop.magento.store().attributeSets().set("10", "name", " Bags ");
        ChunkResult updated = importChunk(List.of("4", "10", "13"));
        assertThat(updated.imported().get("10")).startsWith("Updated");
        assertThat(shop.bindings().get("10")).containsEntry("name", "Bags").containsEntry("magento_name", " Bags ")
                .containsEntry("record_id", bindings.get("10").get("record_id"));
        assertThat(shop.store().<Long>inTransaction(s -> s.query(AttributeSetModels.SET).count())).isEqualTo(3L);
        assertThat(shop.checkpoints()).as("the import's own writes are no operator's rename").isEmpty();
    }

    @Test
    void aSetDeletedInMagentoIsNothingToDo() {
        shop.magento.store().attributeSets().remove("12");
        ChunkResult result = importChunk(List.of("11", "12"));
        assertThat(result.failed()).isEmpty();
        assertThat(result.imported().get("12")).contains("no longer exists", "no attribute set 12", "shop");
        assertThat(shop.bindings()).containsOnlyKeys("11");
    }

    private ChunkResult importChunk(List<String> ids) {
        return shop.inEnvironment(env -> env.unit(RecordImporter.class).runChunk(ids, false));
    }
}
