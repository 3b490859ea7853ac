package ${package};

import io.connector.api.store.ConnectorModels;

/**
 * The models this addon declares, in {@value FILE}: a product's stock level, and its binding to
 * the shop's stock item. {@code @ConnectorModels} makes the build write the {@code Connector-Models}
 * header: the store reads the file whenever the bundle starts.
 */
@ConnectorModels(StockLevelModels.FILE)
public final class StockLevelModels {

    /** The models file, a class path resource of the bundle. */
    public static final String FILE = "connector/stock-levels.json";

    /** The local model. */
    public static final String LOCAL = "stock.level";

    /** The binding model: what the units are registered for, and what the import names. */
    public static final String BINDING = "magento.stock.level";

    private StockLevelModels() {
    }
}
