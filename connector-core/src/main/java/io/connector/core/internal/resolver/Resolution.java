package io.connector.core.internal.resolver;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import io.connector.api.ConnectorException;

/**
 * The outcome of one lookup, kept in a snapshot's cache: the unit that serves it, or the error
 * to raise, and every candidate with what became of it (what {@code connector:units} shows).
 */
public final class Resolution {

    private final UnitDescriptor winner;
    private final String winnerLevel;
    private final List<Candidate> candidates;
    private final String error;
    private final Function<String, ConnectorException> errorType;

    private Resolution(UnitDescriptor winner, String winnerLevel, List<Candidate> candidates,
            String error, Function<String, ConnectorException> errorType) {
        this.winner = winner;
        this.winnerLevel = winnerLevel;
        this.candidates = List.copyOf(candidates);
        this.error = error;
        this.errorType = errorType;
    }

    static Resolution found(UnitDescriptor winner, String level, List<Candidate> candidates) {
        return new Resolution(winner, level, candidates, null, null);
    }

    static Resolution failed(String error, Function<String, ConnectorException> errorType,
            List<Candidate> candidates) {
        return new Resolution(null, null, candidates, error, errorType);
    }

    /** The same outcome with the full list of candidates. */
    Resolution withCandidates(List<Candidate> allCandidates) {
        return new Resolution(winner, winnerLevel, allCandidates, error, errorType);
    }

    /**
     * The unit that serves the lookup.
     *
     * @throws ConnectorException the lookup's error, a fresh exception on each call so that its
     *                            stack trace is the caller's
     */
    public UnitDescriptor winner() {
        if (winner == null) {
            throw errorType.apply(error);
        }
        return winner;
    }

    public Optional<UnitDescriptor> winnerIfAny() {
        return Optional.ofNullable(winner);
    }

    /** The backend level the winner is registered on. */
    public Optional<String> winnerLevel() {
        return Optional.ofNullable(winnerLevel);
    }

    public Optional<String> error() {
        return Optional.ofNullable(error);
    }

    public List<Candidate> candidates() {
        return candidates;
    }
}
