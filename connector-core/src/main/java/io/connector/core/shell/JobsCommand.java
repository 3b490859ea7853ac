package io.connector.core.shell;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.connector.api.BackendRecord;
import io.connector.api.BackendRecords;
import io.connector.api.ConnectorException;
import io.connector.core.job.JobAdmin;
import io.connector.core.job.JobState;
import io.connector.core.job.JobView;
import io.connector.core.job.JobWaiter;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.apache.karaf.shell.support.table.ShellTable;

@Service
@Command(scope = "connector", name = "jobs", description = "Lists jobs, newest first, or waits until they are finished")
public class JobsCommand implements Action {

    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);
    private static final int RUNNING_LISTED = 5;

    @Reference
    JobAdmin admin;

    @Reference
    BackendRecords backends;

    @Option(name = "--state", aliases = "-s", description = "waiting, pending, claimed, started, done, failed or cancelled")
    @Completion(value = StringsCompleter.class, values = {"waiting", "pending", "claimed", "started", "done", "failed", "cancelled"})
    String state;

    @Option(name = "--channel", aliases = "-c", description = "Only this channel, e.g. root.magento")
    String channel;

    @Option(name = "--backend", aliases = "-b", description = "Only this backend record's jobs (name or id)")
    @Completion(BackendRecordCompleter.class)
    String backend;

    @Option(name = "--limit", aliases = "-n", description = "At most this many (default 50)")
    int limit = 50;

    @Option(name = "--wait", aliases = "-w", description = "Instead of listing, wait until the jobs (of --backend, or all) are "
            + "finished: none waiting, pending or running, except those blocked behind a failed job; then count those that "
            + "ended meanwhile")
    boolean waitForJobs;

    @Option(name = "--timeout", aliases = "-t", description = "With --wait: give up after this many seconds (default 0: no limit)")
    int timeout;

    @Override
    public Object execute() {
        String backendId = backend == null ? null : backends.get(backend).id();
        if (waitForJobs) {
            if (state != null || channel != null) {
                throw new IllegalArgumentException("--wait takes --backend and --timeout, not --state or --channel");
            }
            return waitFor(backendId);
        }
        if (timeout != 0) {
            throw new IllegalArgumentException("--timeout goes with --wait");
        }
        ShellTable table = new ShellTable();
        table.column("Uuid");
        table.column("Function");
        table.column("State");
        table.column("Channel");
        table.column("Priority");
        table.column("Retry");
        table.column("Created (UTC)");
        table.column("Description / error").maxSize(80);
        for (JobView job : admin.list(state, channel, backendId, limit)) {
            table.addRow().addContent(job.uuid(), job.function(), job.state(), job.channel(), job.priority(),
                    job.retry() + "/" + (job.maxRetries() == 0 ? "∞" : job.maxRetries()), job.createdAt(),
                    job.errorMessage() != null && !"done".equals(job.state()) ? job.errorMessage() : job.description());
        }
        table.emptyTableText("No jobs" + (state == null ? "" : " in state " + state));
        table.print(System.out);
        return null;
    }

    private Object waitFor(String backendId) {
        if (timeout < 0) {
            throw new IllegalArgumentException("--timeout must be 0 (no limit) or more seconds, not " + timeout);
        }
        awaitAndReport(admin, backendId, backend, null, timeout);
        return null;
    }

    /**
     * Waits for the jobs of a backend (all when {@code backendId} is null) created at or after
     * {@code createdSince} (any time when null), printing progress, then the report; a timeout is
     * an error that says what is still running. Shared with {@code connector:import --wait}.
     */
    static void awaitAndReport(JobAdmin admin, String backendId, String backendName, Instant createdSince, int timeout) {
        String again = backendName == null ? "connector:jobs --wait" : "connector:jobs --wait --backend " + backendName;
        JobWaiter.Summary summary;
        try {
            summary = new JobWaiter(admin, PROGRESS_EVERY).await(backendId, createdSince, Duration.ofSeconds(timeout),
                    counts -> System.out.println(counts.progressLine()));
        } catch (InterruptedException e) {
            System.out.println("Interrupted: the jobs go on running; " + again + " waits again");
            Thread.currentThread().interrupt();
            return;
        }
        report(summary).forEach(System.out::println);
        if (summary.timedOut()) {
            for (JobView job : admin.list(JobState.STARTED, null, backendId, RUNNING_LISTED)) {
                System.out.println("Running: " + job.uuid() + "  " + job.function() + "  " + firstLine(job.description()));
            }
            throw new ConnectorException("Timed out after " + timeout + " s; still to go: " + summary.counts().toGoLine()
                    + ". The jobs go on; " + again + " waits again");
        }
    }

    /** The end of a wait: the counts, some failed jobs with their errors, and what to do about them. */
    static List<String> report(JobWaiter.Summary summary) {
        List<String> lines = new ArrayList<>();
        StringBuilder counts = new StringBuilder("Done: ").append(summary.done()).append(", failed: ").append(summary.failed());
        if (summary.cancelled() > 0) {
            counts.append(", cancelled: ").append(summary.cancelled());
        }
        if (summary.blocked() > 0) {
            counts.append(", blocked: ").append(summary.blocked()).append(" (waiting for a failed job)");
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

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String line = message.lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 197) + "..." : line;
    }

    static String backendName(BackendRecords backends, String id) {
        return id == null ? "" : backends.find(id).map(BackendRecord::name).orElse(id);
    }
}
