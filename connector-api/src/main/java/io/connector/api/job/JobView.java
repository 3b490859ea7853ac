package io.connector.api.job;

import java.time.LocalDateTime;
import java.util.List;

/** A job as operators see it: its row, and its history merged from the row's times and the history table. */
public record JobView(String uuid, String function, String state, String channel, int priority, LocalDateTime eta,
        int retry, int maxRetries, String description, String args, String backendId, String identityKey,
        String worker, LocalDateTime createdAt, LocalDateTime startedAt, LocalDateTime endedAt, String result,
        String errorClass, String errorMessage, String errorTrace, String doneBy, List<Event> history) {

    /** One state change: when, to what, by which worker, and why. */
    public record Event(LocalDateTime at, String state, String worker, String note) {
    }
}
