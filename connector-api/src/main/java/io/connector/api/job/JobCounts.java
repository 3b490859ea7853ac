package io.connector.api.job;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How far a set of jobs got: the unfinished ones by state, those that ended, how many of the
 * waiting ones are blocked behind a failed job (they never run unless an operator steps in), and
 * how many pending ones are postponed: due later than {@link #POSTPONED_AFTER} from now (an order
 * waiting for its payment), which a wait for the jobs to finish does not wait for.
 */
public record JobCounts(long waiting, long pending, long claimed, long started, long done, long failed, long cancelled,
        long blocked, long postponed) {

    /** A pending job due later than this from now is postponed. */
    public static final Duration POSTPONED_AFTER = Duration.ofMinutes(2);

    /** Counts without postponed jobs, as before they were told apart. */
    public JobCounts(long waiting, long pending, long claimed, long started, long done, long failed, long cancelled,
            long blocked) {
        this(waiting, pending, claimed, started, done, failed, cancelled, blocked, 0);
    }

    /** The counts of a map state -> jobs, as the job table gives them. */
    public static JobCounts of(Map<String, Long> byState, long blocked) {
        return of(byState, blocked, 0);
    }

    public static JobCounts of(Map<String, Long> byState, long blocked, long postponed) {
        return new JobCounts(byState.getOrDefault(JobState.WAITING, 0L), byState.getOrDefault(JobState.PENDING, 0L),
                byState.getOrDefault(JobState.CLAIMED, 0L), byState.getOrDefault(JobState.STARTED, 0L),
                byState.getOrDefault(JobState.DONE, 0L), byState.getOrDefault(JobState.FAILED, 0L),
                byState.getOrDefault(JobState.CANCELLED, 0L), blocked, postponed);
    }

    /** The jobs that will still run soon, the blocked and postponed ones left out. */
    public long toGo() {
        // The blocked and postponed counts come from other statements: a job blocked or postponed
        // meanwhile must not make this negative.
        return Math.max(0, waiting + pending + claimed + started - blocked - postponed);
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
        if (postponed > 0) {
            line.append(", ").append(postponed).append(" postponed");
        }
        return line.append(", ").append(toGo()).append(" to go").toString();
    }

    /** The jobs still to go by state, e.g. {@code 2 started, 950 pending, 5 waiting}; empty when none. */
    public String toGoLine() {
        List<String> parts = new ArrayList<>();
        add(parts, started, JobState.STARTED);
        add(parts, claimed, JobState.CLAIMED);
        add(parts, Math.max(0, pending - postponed), JobState.PENDING);
        add(parts, Math.max(0, waiting - blocked), JobState.WAITING);
        return String.join(", ", parts);
    }

    private static void add(List<String> parts, long count, String state) {
        if (count > 0) {
            parts.add(count + " " + state);
        }
    }
}
