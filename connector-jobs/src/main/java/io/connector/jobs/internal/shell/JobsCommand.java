package io.connector.jobs.internal.shell;

import java.time.Duration;

import io.connector.api.BackendRecord;
import io.connector.api.BackendRecords;
import io.connector.api.job.JobAdmin;
import io.connector.api.job.JobState;
import io.connector.api.job.JobView;
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
        admin.awaitAndReport(backendId, backend, null, Duration.ofSeconds(timeout), System.out::println);
        return null;
    }

    static String backendName(BackendRecords backends, String id) {
        return id == null ? "" : backends.find(id).map(BackendRecord::name).orElse(id);
    }
}
