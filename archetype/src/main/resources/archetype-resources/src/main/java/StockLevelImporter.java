package ${package};

import io.connector.api.UnitFor;
import io.connector.api.unit.RecordImporter;
import io.connector.core.sync.AbstractRecordImporter;
import io.connector.magento.MagentoModels;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * Imports one stock item, or a chunk of them read in one call: the base reads, locks, maps,
 * creates or updates the binding and its stock level, and binds, in the job's transaction.
 */
@Component(service = RecordImporter.class, scope = ServiceScope.PROTOTYPE)
@UnitFor(service = MagentoModels.SERVICE, model = StockLevelModels.BINDING)
public class StockLevelImporter extends AbstractRecordImporter {

    /** A stock item has no change date, so none is ever "already up to date": each import writes it. */
    @Override
    protected String updatedAtField() {
        return null;
    }
}
