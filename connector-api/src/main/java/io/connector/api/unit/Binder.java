package io.connector.api.unit;

import java.util.Optional;

import io.connector.api.ConnectorUnit;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Links remote ids to local records for one backend record and one bound model. External ids
 * are text: {@code "0"} is a valid id.
 */
@ConsumerType
public interface Binder extends ConnectorUnit {

    /** The binding id for the external id. */
    default Optional<Long> toInternal(String externalId) {
        return toInternal(externalId, false);
    }

    /** The binding id, or with {@code unwrap} the id of the local record it binds. */
    Optional<Long> toInternal(String externalId, boolean unwrap);

    /**
     * The binding ids of many external ids, those that have one: what {@link #toInternal(String)}
     * answers for each, in as few round trips as the binder can (a chunk of records looks its
     * bindings up together).
     */
    default java.util.Map<String, Long> toInternal(java.util.Collection<String> externalIds) {
        java.util.Map<String, Long> found = new java.util.LinkedHashMap<>();
        for (String externalId : externalIds) {
            toInternal(externalId).ifPresent(id -> found.put(externalId, id));
        }
        return found;
    }

    /**
     * The external id of a binding, or with {@code wrap} of the binding of this backend that
     * binds the local record {@code id}.
     */
    Optional<String> toExternal(long id, boolean wrap);

    /** Records the external id and the sync date on a binding, without firing an export. */
    void bind(String externalId, long bindingId);

    /** The local record a binding binds. */
    long unwrapBinding(long bindingId);

    /** The local model behind the bound model, e.g. {@code res.partner} for {@code magento.res.partner}. */
    String unwrapModel();
}
