package io.connector.magento.importer;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.connector.api.UnitFor;
import io.connector.api.store.StoreSession;
import io.connector.api.unit.RecordImporter;
import io.connector.core.sync.AbstractRecordImporter;
import io.connector.magento.MagentoModels;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** A customer group: bound to the partner category of the same name when there is one, else created. */
@Component(service = RecordImporter.class, scope = ServiceScope.PROTOTYPE)
@UnitFor(service = MagentoModels.SERVICE, model = MagentoModels.PARTNER_CATEGORY)
public class PartnerCategoryImporter extends AbstractRecordImporter {

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
