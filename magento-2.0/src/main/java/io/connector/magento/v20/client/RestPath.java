package io.connector.magento.v20.client;

import java.util.Objects;

/**
 * A resource's path under the API root ({@code .../rest/V1/}), its keys URL-encoded:
 * {@code RestPath.of("products/{}/stockItems/{}", "bla/koe", 190)} is
 * {@code products/bla%2Fkoe/stockItems/190}. A key goes in as one path segment whatever it holds
 * (a SKU may hold a {@code /} or a space); Magento's router decodes each. A web server in front may
 * refuse an encoded {@code /} (Apache unless {@code AllowEncodedSlashes NoDecode}): its 404 is then
 * an error about the route, never a record gone.
 */
public final class RestPath {

    private static final String KEY = "{}";

    private final String encoded;

    private RestPath(String encoded) {
        this.encoded = encoded;
    }

    /** {@code template}'s {@code {}}s replaced by {@code keys}, in order, each encoded. */
    public static RestPath of(String template, Object... keys) {
        Objects.requireNonNull(template, "template");
        if (template.isBlank() || template.startsWith("/") || template.contains("?")) {
            throw new IllegalArgumentException("A path under the API root, without a leading / or a query: '" + template + "'");
        }
        StringBuilder path = new StringBuilder();
        int from = 0;
        int key = 0;
        for (int at = template.indexOf(KEY); at >= 0; at = template.indexOf(KEY, from)) {
            if (key == keys.length) {
                throw new IllegalArgumentException("'" + template + "' has more {} than the " + keys.length + " keys given");
            }
            Object value = keys[key++];
            if (value == null || value.toString().isEmpty()) {
                throw new IllegalArgumentException("key " + key + " of '" + template + "' is " + (value == null ? "null" : "empty"));
            }
            path.append(template, from, at).append(FormEncoding.encode(value.toString()));
            from = at + KEY.length();
        }
        if (key != keys.length) {
            throw new IllegalArgumentException("'" + template + "' has fewer {} than the " + keys.length + " keys given");
        }
        return new RestPath(path.append(template.substring(from)).toString());
    }

    /** The path as sent, keys encoded. */
    @Override
    public String toString() {
        return encoded;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RestPath path && path.encoded.equals(encoded);
    }

    @Override
    public int hashCode() {
        return encoded.hashCode();
    }
}
