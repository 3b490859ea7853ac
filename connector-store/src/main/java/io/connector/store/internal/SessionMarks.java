package io.connector.store.internal;

import io.connector.api.store.StoreSession;

/**
 * Where a store session's transaction stands, for code of this bundle that remembers lookups
 * (the binder): a mark equal to one taken before means the same transaction, with nothing undone
 * or deleted in between, so what was found then is still there.
 */
public final class SessionMarks {

    private SessionMarks() {
    }

    /** The session's mark; null for a session this store did not make (then nothing is remembered). */
    public static Object of(StoreSession session) {
        return session instanceof JdbcSession jdbc ? new Mark(jdbc.transaction(), jdbc.transaction().forgets) : null;
    }

    /** The transaction by identity, and its count of undone work. */
    private record Mark(StoreTransaction tx, long forgets) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Mark mark && mark.tx == tx && mark.forgets == forgets;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(tx) * 31 + Long.hashCode(forgets);
        }
    }
}
