package io.connector.magento.importer;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.connector.api.store.StoreSession;
import io.connector.core.sync.AbstractRecordImporter;
import org.osgi.annotation.versioning.ConsumerType;

/** A customer group: bound to the partner category of the same name when there is one, else created. */
@ConsumerType
public abstract class PartnerCategoryImporter extends AbstractRecordImporter {

    @Override
    protected String updatedAtField() {
        return null;
    }

    @Override
    protected long create(StoreSession session, String externalId, Map<String, Object> values) {
        Map<String, Object> withRecord = new HashMap<>(values);
        Object name = values.get("name");
        Optional<Long> existing = name == null ? Optional.empty()
                : session.query("res.partner.category").where("name", "=", name).order("id").first();
        existing.ifPresent(id -> withRecord.put("record_id", id));
        return super.create(session, externalId, withRecord);
    }
}
