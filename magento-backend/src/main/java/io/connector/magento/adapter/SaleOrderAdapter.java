package io.connector.magento.adapter;

import java.util.Optional;

import io.connector.api.unit.BackendAdapter;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Sales orders: searched by creation date and store view (an order is imported once, when it is
 * new), read with their lines, payment and addresses; an edited order's chain walked; a status set.
 */
@ConsumerType
public interface SaleOrderAdapter extends BackendAdapter {

    /** The import's filter naming the store view whose orders are searched (its Magento id). */
    String STORE_VIEW_FILTER = "magento_storeview_id";

    /** The external id of the order {@code externalId} was edited from, or empty at the chain's start. */
    Optional<String> parentOf(String externalId);

    /**
     * Sets the status of order {@code externalId}, with a comment for its history when given
     * (null comment and notify: none).
     */
    void addComment(String externalId, String status, String comment, Boolean notify);

    /** The status of order {@code externalId}. */
    String statusOf(String externalId);
}
