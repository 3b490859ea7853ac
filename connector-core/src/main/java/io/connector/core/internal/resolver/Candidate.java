package io.connector.core.internal.resolver;

/**
 * A unit that could have served a (backend, type, model) lookup and what became of it.
 *
 * @param level  the backend level it is registered on
 * @param status what became of it
 * @param reason why, in words, e.g. "replaced by ..." or "inherited from magento"
 */
public record Candidate(UnitDescriptor unit, String level, Status status, String reason) {

    /** What became of it and why, in one phrase, e.g. "wins, inherited from magento". */
    public String label() {
        return switch (status) {
            case WINS -> "wins, " + reason;
            case LOWER_RANKING -> "loses, " + reason;
            case AMBIGUOUS -> "AMBIGUOUS, " + reason;
            case REPLACED, OVERRIDDEN -> reason;
        };
    }

    public enum Status {
        /** It serves the lookup. */
        WINS,
        /** A unit on its level declares {@code replacing} it. */
        REPLACED,
        /** A unit on its level ranks higher. */
        LOWER_RANKING,
        /** Its level is above the level that has a unit. */
        OVERRIDDEN,
        /** Another unit on its level ranks the same: nothing wins. */
        AMBIGUOUS
    }
}
