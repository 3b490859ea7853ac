package io.connector.examples.attributesets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.connector.api.unit.RecordImporter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The consumer, hearing the writes of imported sets in a real store. */
class AttributeSetRenameListenerTest {

    private final AddonShop shop = new AddonShop();
    private long shoes;

    @BeforeEach
    void importShoes() {
        shop.inEnvironment(env -> env.unit(RecordImporter.class).run("9", false));
        shoes = ((Number) shop.bindings().get("9").get("record_id")).longValue();
    }

    @AfterEach
    void close() {
        shop.close();
    }

    @Test
    void anOperatorsRenameAsksForAReviewInItsTransaction() {
        rename("Footwear");
        assertThat(shop.checkpoints()).singleElement().satisfies(checkpoint -> {
            assertThat(checkpoint).containsEntry("backend_id", AddonShop.SHOP_ID).containsEntry("model", AttributeSetModels.SET)
                    .containsEntry("record_id", shoes).containsEntry("state", "need-review");
            assertThat(checkpoint.get("message").toString()).contains("'Footwear'", "Magento keeps 'Shoes'", "set 9", "attribute-sets");
        });

        try {
            shop.store().inTransaction(s -> {
                s.write(AttributeSetModels.SET, shoes, Map.of("name", "Sneakers"));
                throw new IllegalStateException("the operator's transaction fails");
            });
        } catch (IllegalStateException expected) {
            // its checkpoint went with it
        }
        assertThat(shop.checkpoints()).hasSize(1);
    }

    @Test
    void writesThatRenameNothingOrComeFromAnImportPass() {
        rename("Shoes");
        shop.store().inTransaction(s -> {
            s.write(AttributeSetModels.SET, shoes, Map.of());
            s.noExport().write(AttributeSetModels.SET, shoes, Map.of("name", "Footwear"));
            return null;
        });
        shop.inEnvironment(env -> env.unit(RecordImporter.class).run("9", false));
        assertThat(shop.checkpoints()).isEmpty();
        assertThat(shop.store().inTransaction(s -> s.read(AttributeSetModels.SET, List.of(shoes), List.of("name"))).get(0))
                .as("the import named it as Magento does again").containsEntry("name", "Shoes");
    }

    private void rename(String name) {
        shop.store().inTransaction(s -> {
            s.write(AttributeSetModels.SET, shoes, Map.of("name", name));
            return null;
        });
    }
}
