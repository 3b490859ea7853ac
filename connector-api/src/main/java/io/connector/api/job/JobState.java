package io.connector.api.job;

import java.util.List;

/** The states of a job. */
public final class JobState {

    public static final String WAITING = "waiting";
    public static final String PENDING = "pending";
    public static final String CLAIMED = "claimed";
    public static final String STARTED = "started";
    public static final String DONE = "done";
    public static final String FAILED = "failed";
    public static final String CANCELLED = "cancelled";

    public static final List<String> ALL = List.of(WAITING, PENDING, CLAIMED, STARTED, DONE, FAILED, CANCELLED);

    private JobState() {
    }
}
