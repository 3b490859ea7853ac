package io.connector.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Exports one record to a backend on an operator's word: the shell's {@code connector:export},
 * the web console. The export goes through the same job function as the one a write of the
 * record delays, so both export a record alike. The connector core registers it.
 */
@ProviderType
public interface Exports {

    /** The export job delayed: which binding it exports, and the job's uuid. */
    record Delayed(String backendName, String bindingModel, long bindingId, String jobUuid) {
    }

    /**
     * Delays the export of a record to a backend record (by name or id).
     *
     * @param model a binding model (e.g. {@code magento.sale.order}) with a binding id, or a local model
     *            ({@code sale.order}) with a record id, whose binding on the backend is exported (made when the model
     *            has one binding model and the record none yet)
     * @param fields only these changed fields; empty for the whole record
     * @throws ConnectorException naming what is wrong: the backend, the model, the record, a field, a binding that
     *             cannot be told
     */
    Delayed delay(String backend, String model, long id, List<String> fields);
}
