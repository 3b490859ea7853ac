package io.connector.magento.internal;

import io.connector.api.DeclareImport;
import io.connector.api.ImportDeclaration;
import io.connector.magento.MagentoModels;
import org.osgi.service.component.annotations.Component;

/** What an operator can import from any Magento shop, in the order the reference imports a shop. */
final class MagentoImports {

    private MagentoImports() {
    }

    @Component(service = ImportDeclaration.class)
    @DeclareImport(service = MagentoModels.SERVICE, name = "metadata", order = 1,
            models = {MagentoModels.WEBSITE, MagentoModels.STORE, MagentoModels.STORE_VIEW},
            description = "Websites, stores and store views")
    public static final class Metadata implements ImportDeclaration {
    }

    @Component(service = ImportDeclaration.class)
    @DeclareImport(service = MagentoModels.SERVICE, name = "customer-groups", order = 2,
            models = MagentoModels.PARTNER_CATEGORY, description = "Customer groups, as partner categories")
    public static final class CustomerGroups implements ImportDeclaration {
    }

    @Component(service = ImportDeclaration.class)
    @DeclareImport(service = MagentoModels.SERVICE, name = "partners", order = 3, incremental = true,
            models = MagentoModels.PARTNER, description = "Customers and their address books, website by website")
    public static final class Partners implements ImportDeclaration {
    }

    @Component(service = ImportDeclaration.class)
    @DeclareImport(service = MagentoModels.SERVICE, name = "product-categories", order = 4, incremental = true,
            models = MagentoModels.PRODUCT_CATEGORY, description = "The category tree")
    public static final class ProductCategories implements ImportDeclaration {
    }

    @Component(service = ImportDeclaration.class)
    @DeclareImport(service = MagentoModels.SERVICE, name = "products", order = 5, incremental = true,
            models = MagentoModels.PRODUCT, description = "Products, after their categories")
    public static final class Products implements ImportDeclaration {
    }

    @Component(service = ImportDeclaration.class)
    @DeclareImport(service = MagentoModels.SERVICE, name = "sale-orders", order = 6, incremental = true, ownDates = true,
            models = MagentoModels.SALE_ORDER, description = "New sale orders, store view by store view, each from its own date")
    public static final class SaleOrders implements ImportDeclaration {
    }
}
