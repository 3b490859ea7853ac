package io.connector.magento;

/** The Magento service name and the bound models its units serve. */
public interface MagentoModels {

    String SERVICE = "magento";

    String WEBSITE = "magento.website";
    String STORE = "magento.store";
    String STORE_VIEW = "magento.storeview";
    String PARTNER = "magento.res.partner";
    String PARTNER_CATEGORY = "magento.res.partner.category";
    String ADDRESS = "magento.address";
    String PRODUCT_CATEGORY = "magento.product.category";
    String PRODUCT = "magento.product.product";
    String SALE_ORDER = "magento.sale.order";
    String SALE_ORDER_LINE = "magento.sale.order.line";
    String INVOICE = "magento.account.invoice";
    String SHIPMENT = "magento.stock.picking";
}
