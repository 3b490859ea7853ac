package io.connector.core.internal.resolver;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import io.connector.api.Backend;

/** A backend of one registry snapshot, linked to its parent in the same snapshot. */
public final class DeclaredBackend implements Backend {

    private final BackendInfo info;
    private DeclaredBackend parent;
    private List<Backend> chain;

    DeclaredBackend(BackendInfo info) {
        this.info = info;
    }

    /** Links the parent; called while the snapshot is being built, never after. */
    void link(DeclaredBackend parent) {
        this.parent = parent;
    }

    /** Computes the chain once the whole graph is linked; a cycle stops at the repeated backend. */
    void freeze() {
        List<Backend> backends = new ArrayList<>();
        for (DeclaredBackend b = this; b != null && !backends.contains(b); b = b.parent) {
            backends.add(b);
        }
        chain = Collections.unmodifiableList(backends);
    }

    @Override
    public String name() {
        return info.name();
    }

    @Override
    public String service() {
        return info.service();
    }

    @Override
    public String version() {
        return info.version();
    }

    @Override
    public Optional<Backend> parent() {
        return Optional.ofNullable(parent);
    }

    @Override
    public List<Backend> chain() {
        return chain;
    }

    /** The declared parent name, even when no bundle declares that parent. */
    public String parentName() {
        return info.parent();
    }

    public String description() {
        return info.description();
    }

    public String bundle() {
        return info.bundle();
    }

    /** Backends are equal by name: environments compare backends of different snapshots. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Backend other && other.name().equals(name());
    }

    @Override
    public int hashCode() {
        return name().hashCode();
    }

    @Override
    public String toString() {
        return name();
    }
}
