package io.connector.jobs.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.connector.api.ConnectorException;
import io.connector.api.job.JobAdmin;
import io.connector.api.job.JobState;
import io.connector.api.job.JobView;

/**
 * A wait for jobs as the shell shows it, shared by {@code connector:jobs --wait} and
 * {@code connector:import --wait}: progress lines, then the counts, some failed jobs with their
 * errors and what to do about them; a timeout is an error that says what is still running.
 */
final class WaitReport {

    private static final int RUNNING_LISTED = 5;

    private final JobAdmin admin;
    private final JobWaiter waiter;

    WaitReport(JobAdmin admin, JobWaiter waiter) {
        this.admin = admin;
        this.waiter = waiter;
    }

    void awaitAndReport(String backendId, String backendName, Instant createdSince, Duration timeout, Consumer<String> out) {
        String again = backendName == null ? "connector:jobs --wait" : "connector:jobs --wait --backend " + backendName;
        JobWaiter.Summary summary;
        try {
            summary = waiter.await(backendId, createdSince, timeout, counts -> out.accept(counts.progressLine()));
        } catch (InterruptedException e) {
            out.accept("Interrupted: the jobs go on running; " + again + " waits again");
            Thread.currentThread().interrupt();
            return;
        }
        lines(summary).forEach(out);
        if (summary.timedOut()) {
            for (JobView job : admin.list(JobState.STARTED, null, backendId, RUNNING_LISTED)) {
                out.accept("Running: " + job.uuid() + "  " + job.function() + "  " + firstLine(job.description()));
            }
            throw new ConnectorException("Timed out after " + timeout.toSeconds() + " s; still to go: "
                    + summary.counts().toGoLine() + ". The jobs go on; " + again + " waits again");
        }
    }

    /** The end of a wait: the counts, some failed jobs with their errors, and what to do about them. */
    static List<String> lines(JobWaiter.Summary summary) {
        List<String> lines = new ArrayList<>();
        StringBuilder counts = new StringBuilder("Done: ").append(summary.done()).append(", failed: ").append(summary.failed());
        if (summary.cancelled() > 0) {
            counts.append(", cancelled: ").append(summary.cancelled());
        }
        if (summary.blocked() > 0) {
            counts.append(", blocked: ").append(summary.blocked()).append(" (waiting for a failed job)");
        }
        if (summary.counts().postponed() > 0) {
            counts.append(", postponed: ").append(summary.counts().postponed())
                    .append(" (to run later, e.g. orders waiting for their payment: connector:jobs --state pending)");
        }
        lines.add(counts.toString());
        for (JobView job : summary.failures()) {
            lines.add("  " + job.uuid() + "  " + firstLine(job.errorMessage()));
        }
        if (summary.failed() > summary.failures().size()) {
            lines.add("  ... and " + (summary.failed() - summary.failures().size()) + " more: connector:jobs --state failed");
        }
        if (summary.failed() > 0) {
            lines.add("Retry the failed jobs with connector:job-retry --failed"
                    + (summary.blocked() > 0 ? "; the blocked ones run once the jobs they wait for are done" : ""));
        } else if (summary.blocked() > 0) {
            lines.add("The blocked jobs wait for jobs that failed before: connector:jobs --state failed lists them, "
                    + "connector:job-retry --failed retries them");
        }
        return lines;
    }

    static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String line = message.lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 197) + "..." : line;
    }
}
