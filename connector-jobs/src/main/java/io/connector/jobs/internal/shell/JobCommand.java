package io.connector.jobs.internal.shell;

import io.connector.api.BackendRecords;
import io.connector.api.job.JobView;
import io.connector.jobs.internal.JobAdminService;
import io.connector.jobs.internal.sql.JobReads;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Service
@Command(scope = "connector", name = "job", description = "Shows a job: arguments, result, error and stack trace, history")
public class JobCommand implements Action {

    /** The queue's own: its detail says whether an identity key holds only until the claim. */
    @Reference
    JobAdminService admin;

    @Reference
    BackendRecords backends;

    @Argument(index = 0, name = "uuid", required = true, description = "The job's uuid")
    String uuid;

    @Override
    public Object execute() {
        JobReads.Detail detail = admin.detail(uuid);
        JobView job = detail.view();
        line("Uuid", job.uuid());
        line("Function", job.function());
        line("Description", job.description());
        line("State", job.state() + (job.doneBy() != null ? " (set by " + job.doneBy() + ")" : ""));
        line("Channel", job.channel());
        line("Priority", Integer.toString(job.priority()));
        line("Not before", job.eta() == null ? "" : job.eta() + " UTC");
        line("Retries", job.retry() + " of " + (job.maxRetries() == 0 ? "unlimited" : job.maxRetries()));
        line("Backend", JobsCommand.backendName(backends, job.backendId()));
        line("Identity key", identityKey(job.identityKey(), detail.keyUntilClaim()));
        line("Arguments", job.args());
        line("Worker", job.worker());
        line("Result", job.result());
        if (job.errorClass() != null || job.errorMessage() != null) {
            line("Error", (job.errorClass() == null ? "" : job.errorClass() + ": ") + job.errorMessage());
        }
        System.out.println();
        ShellTable history = new ShellTable();
        history.column("At (UTC)");
        history.column("State");
        history.column("Worker");
        history.column("Note").maxSize(100);
        for (JobView.Event event : job.history()) {
            history.addRow().addContent(event.at(), event.state(), event.worker(), event.note());
        }
        history.print(System.out);
        if (job.errorTrace() != null) {
            System.out.println();
            System.out.println(job.errorTrace());
        }
        return null;
    }

    /** The key, and when it holds only until a worker claims the job, that it does. */
    static String identityKey(String key, boolean untilClaim) {
        return key == null ? null : untilClaim ? key + " (until claimed)" : key;
    }

    private static void line(String label, String value) {
        System.out.printf("%-13s %s%n", label + ":", value == null ? "" : value);
    }
}
