package io.connector.examples.attributesets;

import java.util.Map;

import io.connector.api.Checkpoints;
import io.connector.api.store.RecordEvent;
import io.connector.api.store.RecordListener;
import org.osgi.service.component.annotations.Component;

/**
 * A consumer: when an operator renames a set (shell, console, code), asks for a review, since
 * nothing exports sets: Magento keeps its name and the next import brings it back. The import's
 * own writes are marked "no export" and pass. The checkpoint is written in the writer's session,
 * as the importers write theirs: it commits with the rename or not at all, and the listener needs
 * no service (a reference to one built on the store would tie it into the store's start).
 */
@Component(service = RecordListener.class, property = RecordListener.MODEL + "=" + AttributeSetModels.SET)
public final class AttributeSetRenameListener implements RecordListener {

    @Override
    public void onRecordWrite(RecordEvent event) {
        Object name = event.values().get("name");
        if (name == null || event.noExport()) {
            return;
        }
        var session = event.session();
        for (Map<String, Object> binding : session.query(AttributeSetModels.BINDING).where("record_id", "=", event.id())
                .read("backend_id", "external_id", "magento_name")) {
            if (!name.equals(binding.get("magento_name"))) {
                session.create(Checkpoints.MODEL, Map.of("backend_id", binding.get("backend_id"), "model", AttributeSetModels.SET,
                        "record_id", event.id(), "message", "Attribute set renamed here to '" + name + "': Magento keeps '"
                                + binding.get("magento_name") + "' (set " + binding.get("external_id")
                                + ") and the next import of attribute-sets names it so again"));
            }
        }
    }
}
