package io.connector.web.internal;

import java.util.Set;

/**
 * Who is logged in, with the roles the {@code karaf} realm gave them. The console grants what the
 * shell's command ACL grants the same roles: viewer reads; manager also runs imports, exports,
 * jobs and reviews; admin also manages backends.
 */
public record Operator(String name, Set<String> roles) {

    /** What a request needs, from least to most. */
    public enum Grant {
        VIEW("viewer", "manager", "admin"),
        MANAGE("manager", "admin"),
        ADMINISTER("admin");

        private final Set<String> roles;

        Grant(String... roles) {
            this.roles = Set.of(roles);
        }

        /** The roles that hold this grant, for the error that says what was missing. */
        public Set<String> roles() {
            return roles;
        }
    }

    public Operator {
        roles = Set.copyOf(roles);
    }

    public boolean may(Grant grant) {
        return roles.stream().anyMatch(grant.roles::contains);
    }

    public boolean mayView() {
        return may(Grant.VIEW);
    }
}
