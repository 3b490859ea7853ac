package ${package};

import io.connector.api.DeclareImport;
import io.connector.api.ImportDeclaration;
import io.connector.magento.MagentoModels;
import org.osgi.service.component.annotations.Component;

/**
 * What operators type to import the stock levels of a shop: {@code connector:import --wait SHOP
 * stock-levels}. Not incremental: a stock item has no change date to start from. After the
 * imports magento-backend declares (order 1 to 6) in "import everything".
 */
@Component(service = ImportDeclaration.class)
@DeclareImport(service = MagentoModels.SERVICE, name = StockLevelImport.NAME, order = 20,
        models = StockLevelModels.BINDING, description = "Each product's stock in the shop")
public final class StockLevelImport implements ImportDeclaration {

    public static final String NAME = "stock-levels";
}
