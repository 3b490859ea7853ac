package io.connector.benchmarks.importbench;

import java.util.List;

/**
 * The reference connector's requests for one record or one search, in its protocol: the
 * protocol-specific half of {@link ReferenceImport}, which times them, runs one job per record
 * on the import's thread count and counts ({@link XmlRpcReferenceCalls} for Magento 1's XML-RPC,
 * {@link RestReferenceCalls} for Magento 2's REST). Safe for the jobs' threads.
 */
interface ReferenceCalls {

    /** The websites, which the reference reads from its own database (imported with the metadata): untimed. */
    List<String> websites();

    /** One website's customer ids, as the reference's batch import searches them. */
    List<String> customerIds(String website);

    /** One customer's job; answers how many addresses it read. */
    int customer(String id);

    /** Every product's id, as the reference's batch import lists them. */
    List<String> productIds();

    /** One product's job; answers whether the reference keeps the product (not skipped, not refused). */
    boolean product(String id);
}
