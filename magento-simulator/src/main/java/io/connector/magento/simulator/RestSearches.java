package io.connector.magento.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** What every search route does: each record in its Magento 2 form, the {@link SearchCriteria} applied, the page answered. */
final class RestSearches {

    /** A record's Magento 2 form by its id; null when it went away meanwhile. */
    @FunctionalInterface
    interface View {
        JsonNode of(String id) throws RestError;
    }

    private RestSearches() {
    }

    /**
     * @param ids     the candidates, in Magento's default order
     * @param aliases other names a filter may give a field (entity_id for id)
     */
    static JsonNode search(RestRequest request, List<String> ids, View view, Map<String, String> aliases) throws RestError {
        SearchCriteria criteria = SearchCriteria.parse(request.query());
        List<JsonNode> views = new ArrayList<>(ids.size());
        for (String id : ids) {
            JsonNode json = view.of(id);
            if (json != null) {
                views.add(json);
            }
        }
        SearchCriteria.Page<JsonNode> page = criteria.apply(views, json -> SearchCriteria.fieldsOf(json, aliases));
        return criteria.result(page.items(), page.totalCount());
    }
}
