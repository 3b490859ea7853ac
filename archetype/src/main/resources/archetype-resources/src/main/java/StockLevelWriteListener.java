package ${package};

import java.util.Map;

import io.connector.api.BackendRecords;
import io.connector.api.Checkpoints;
import io.connector.api.store.RecordEvent;
import io.connector.api.store.RecordListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * An operator's write of a stock level (connector:record-write, the web console, code) asks for a
 * review: the shop keeps the stock, so the next import writes Magento's back over it. The
 * checkpoint is added in the writer's transaction: it exists if and only if the write commits.
 * Imports write "no export" and are not heard.
 */
@Component(service = RecordListener.class, property = RecordListener.MODEL + "=" + StockLevelModels.LOCAL)
public class StockLevelWriteListener implements RecordListener {

    private final Checkpoints checkpoints;
    private final BackendRecords backendRecords;

    @Activate
    public StockLevelWriteListener(@Reference Checkpoints checkpoints, @Reference BackendRecords backendRecords) {
        this.checkpoints = checkpoints;
        this.backendRecords = backendRecords;
    }

    @Override
    public void onRecordWrite(RecordEvent event) {
        if (event.noExport()) {
            return;
        }
        for (Map<String, Object> binding : event.session().query(StockLevelModels.BINDING)
                .where("record_id", "=", event.id()).read("backend_id")) {
            backendRecords.find(String.valueOf(binding.get("backend_id"))).ifPresent(backend -> checkpoints.add(backend,
                    StockLevelModels.LOCAL, event.id(), StockLevelModels.LOCAL + " " + event.id() + " was changed here ("
                            + String.join(", ", event.values().keySet()) + "), but the shop keeps the stock: the next "
                            + StockLevelImport.NAME + " import of " + backend.name() + " writes Magento's back"));
        }
    }
}
