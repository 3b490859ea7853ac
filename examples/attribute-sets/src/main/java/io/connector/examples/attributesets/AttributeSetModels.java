package io.connector.examples.attributesets;

import io.connector.api.store.ConnectorModels;

/**
 * The models this addon declares in {@code connector/models.json}: the annotation makes the build
 * write the manifest header the record store reads when the bundle starts, and a requirement on
 * the store, so the bundle does not resolve without one.
 */
@ConnectorModels("connector/models.json")
public final class AttributeSetModels {

    /** The local record. */
    public static final String SET = "product.attribute.set";
    /** Its binding to a Magento set: the model every unit of the import is registered for. */
    public static final String BINDING = "magento.product.attribute.set";

    private AttributeSetModels() {
    }
}
