package io.connector.magento.importer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.connector.api.ConnectorException;
import io.connector.magento.MagentoModels;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Customers, website by website as the reference does: a Magento customer belongs to one website,
 * and a shop may share customers across websites or not.
 */
@ConsumerType
public abstract class PartnerBatchImporter extends MagentoBatchImporter {

    @Override
    public void run(Map<String, Object> filters) {
        Map<String, Object> remoteFilters = new HashMap<>(filters);
        int chunkSize = takeChunkSize(remoteFilters);
        for (String website : websites()) {
            Map<String, Object> byWebsite = new HashMap<>(remoteFilters);
            byWebsite.put("website_id", Map.of("in", List.of(website)));
            importAll(search(byWebsite), chunkSize);
        }
    }

    private List<String> websites() {
        List<String> websites = environment().store().inTransaction(s -> s.query(MagentoModels.WEBSITE)
                .where("backend_id", "=", backendRecord().id()).order("id").read("external_id")).stream()
                .map(row -> (String) row.get("external_id")).toList();
        if (websites.isEmpty()) {
            throw new ConnectorException("Backend " + backendRecord().name() + " has no Magento website yet: run "
                    + "connector:import " + backendRecord().name() + " metadata first");
        }
        return websites;
    }
}
