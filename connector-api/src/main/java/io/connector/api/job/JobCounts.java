package io.connector.api.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How far a set of jobs got: the unfinished ones by state, those that ended, and how many of the
 * waiting ones are blocked behind a failed job (they never run unless an operator steps in).
 */
public record JobCounts(long waiting, long pending, long claimed, long started, long done, long failed, long cancelled,
        long blocked) {

    /** The counts of a map state -> jobs, as the job table gives them. */
    public static JobCounts of(Map<String, Long> byState, long blocked) {
        return new JobCounts(byState.getOrDefault(JobState.WAITING, 0L), byState.getOrDefault(JobState.PENDING, 0L),
                byState.getOrDefault(JobState.CLAIMED, 0L), byState.getOrDefault(JobState.STARTED, 0L),
                byState.getOrDefault(JobState.DONE, 0L), byState.getOrDefault(JobState.FAILED, 0L),
                byState.getOrDefault(JobState.CANCELLED, 0L), blocked);
    }

    /** The jobs that will still run, the blocked ones left out. */
    public long toGo() {
        // The blocked count comes from a second statement: a job blocked meanwhile must not make this negative.
        return Math.max(0, waiting + pending + claimed + started - blocked);
    }

    public boolean finished() {
        return toGo() == 0;
    }

    /** E.g. {@code 42 done, 1 failed, 957 to go}, with the cancelled and blocked ones when there are. */
    public String progressLine() {
        StringBuilder line = new StringBuilder().append(done).append(" done, ").append(failed).append(" failed");
        if (cancelled > 0) {
            line.append(", ").append(cancelled).append(" cancelled");
        }
        if (blocked > 0) {
            line.append(", ").append(blocked).append(" blocked");
        }
        return line.append(", ").append(toGo()).append(" to go").toString();
    }

    /** The jobs still to go by state, e.g. {@code 2 started, 950 pending, 5 waiting}; empty when none. */
    public String toGoLine() {
        List<String> parts = new ArrayList<>();
        add(parts, started, JobState.STARTED);
        add(parts, claimed, JobState.CLAIMED);
        add(parts, pending, JobState.PENDING);
        add(parts, Math.max(0, waiting - blocked), JobState.WAITING);
        return String.join(", ", parts);
    }

    private static void add(List<String> parts, long count, String state) {
        if (count > 0) {
            parts.add(count + " " + state);
        }
    }
}
