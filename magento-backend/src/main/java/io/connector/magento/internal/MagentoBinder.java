package io.connector.magento.internal;

import io.connector.api.UnitFor;
import io.connector.api.unit.Binder;
import io.connector.magento.MagentoModels;
import io.connector.store.binder.StoreBinder;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** Bindings of every Magento model, in the record store, for every Magento version. */
@Component(service = Binder.class, scope = ServiceScope.PROTOTYPE)
@UnitFor(service = MagentoModels.SERVICE, model = {MagentoModels.WEBSITE, MagentoModels.STORE, MagentoModels.STORE_VIEW,
    MagentoModels.PARTNER_CATEGORY, MagentoModels.PARTNER, MagentoModels.ADDRESS, MagentoModels.PRODUCT_CATEGORY,
    MagentoModels.PRODUCT, MagentoModels.SALE_ORDER, MagentoModels.SALE_ORDER_LINE, MagentoModels.INVOICE, MagentoModels.SHIPMENT})
public class MagentoBinder extends StoreBinder {
}
