package io.connector.core.internal.resolver;

/**
 * (backend, type, model): the key of the resolution cache and of the per-level index. Written
 * out rather than a record so that the hash is computed once: a cached lookup is one hash probe.
 */
final class LookupKey {

    private final String backend;
    private final String type;
    private final String model;
    private final int hash;

    LookupKey(String backend, String type, String model) {
        this.backend = backend;
        this.type = type;
        this.model = model;
        this.hash = (backend.hashCode() * 31 + type.hashCode()) * 31 + model.hashCode();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof LookupKey k && k.hash == hash && k.backend.equals(backend)
                && k.type.equals(type) && k.model.equals(model);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
