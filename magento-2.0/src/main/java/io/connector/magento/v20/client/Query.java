package io.connector.magento.v20.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Query parameters, in order, immutable: {@code Query.of("fields", "id")}. Names and values are
 * encoded as {@link FormEncoding} says, brackets included ({@code searchCriteria%5BpageSize%5D=50}):
 * PHP decodes a name before it reads its brackets as array keys, and the reference sends them so.
 */
public final class Query {

    /** No parameters. */
    public static final Query NONE = new Query(List.of());

    private final List<Map.Entry<String, String>> parameters;

    private Query(List<Map.Entry<String, String>> parameters) {
        this.parameters = parameters;
    }

    public static Query of(String name, Object value) {
        return NONE.and(name, value);
    }

    /** This query and one more parameter; a null value is sent empty ({@code name=}). */
    public Query and(String name, Object value) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("A query parameter needs a name");
        }
        List<Map.Entry<String, String>> more = new ArrayList<>(parameters);
        more.add(Map.entry(name, value == null ? "" : value.toString()));
        return new Query(List.copyOf(more));
    }

    /** This query and then {@code other}'s parameters. */
    public Query and(Query other) {
        List<Map.Entry<String, String>> more = new ArrayList<>(parameters);
        more.addAll(other.parameters);
        return new Query(List.copyOf(more));
    }

    public boolean isEmpty() {
        return parameters.isEmpty();
    }

    /** The parameters as given, not encoded. */
    public List<Map.Entry<String, String>> parameters() {
        return parameters;
    }

    /** As it follows the {@code ?} of a URL. */
    public String encoded() {
        return parameters.stream().map(p -> FormEncoding.encode(p.getKey()) + "=" + FormEncoding.encode(p.getValue()))
                .collect(Collectors.joining("&"));
    }

    @Override
    public String toString() {
        return encoded();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Query query && query.parameters.equals(parameters);
    }

    @Override
    public int hashCode() {
        return parameters.hashCode();
    }
}
