package io.connector.benchmarks.importbench;

import java.util.List;
import java.util.Map;

/**
 * What {@link LoopImport} reads from the shop, with exactly the requests the import of its
 * protocol makes: the protocol-specific half of the loop ({@link XmlRpcLoopShop} for Magento 1's
 * XML-RPC, {@link RestLoopShop} for Magento 2's REST). Records come back in the shape
 * {@link LoopRows} writes: Magento 1's field names ({@code customer_id}, {@code customer_address_id},
 * {@code is_default_billing}, a street as lines in one text, a region's name, a product's
 * {@code product_id} its external id), as the import's adapters hand them to the shared importers.
 * Safe for the loop's threads.
 */
interface LoopShop extends AutoCloseable {

    /** A Magento website, its external id, name and code. */
    record Website(String id, String name, String code) {
    }

    /** A customer group, its external id and code (its name). */
    record Group(String id, String code) {
    }

    /** A product category and, below it, its children. */
    record Category(String id, String name, List<Category> children) {
    }

    /** "XML-RPC" or "REST", for messages. */
    String protocol();

    // What the import's earlier steps bring in, read untimed by LoopSetup.

    List<Website> websites();

    List<Group> customerGroups();

    /** The category tree from its root. */
    Category categoryTree();

    // The timed phases.

    /** The ids of one website's customers, as the import's batch step searches them. */
    List<String> customerIds(String website);

    /** One chunk's customers with their addresses, read as the import's chunk job reads them. */
    List<LoopRows.Customer> customers(List<String> ids);

    /** A customer read on its own, as the import's job of its own for a held or failed record reads it. */
    LoopRows.Customer customer(String id);

    /** Every product's external id, as the import's batch step lists them. */
    List<String> productIds();

    /** One chunk's products, read as the import's chunk job reads them. */
    List<Map<String, Object>> products(List<String> ids);

    /** A product read on its own. */
    Map<String, Object> product(String id);

    @Override
    void close();
}
