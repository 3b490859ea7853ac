package io.connector.examples.attributesets;

import io.connector.api.DeclareImport;
import io.connector.api.ImportDeclaration;
import io.connector.magento.MagentoModels;
import org.osgi.service.component.annotations.Component;

/**
 * What an operator types to run the import: {@code connector:import --wait shop attribute-sets}.
 * The launcher runs the batch importer of each model named; not incremental, since a set has no
 * change date to start from.
 */
@Component(service = ImportDeclaration.class)
@DeclareImport(service = MagentoModels.SERVICE, name = "attribute-sets", order = 7, models = AttributeSetModels.BINDING,
        description = "Product attribute sets (example addon)")
public final class AttributeSetImport implements ImportDeclaration {
}
