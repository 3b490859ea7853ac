package io.connector.jobs.internal.shell;

import io.connector.api.BackendRecords;
import io.connector.api.job.JobAdmin;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.ShellUtil;

@Service
@Command(scope = "connector", name = "job-retry", description = "Puts a failed or cancelled job back to pending, retries from "
        + "zero; with --postponed, runs now the jobs postponed for later (orders waiting for their payment or a payment rule)")
public class JobRetryCommand implements Action {

    @Reference
    JobAdmin admin;

    @Reference
    BackendRecords backends;

    @Option(name = "--failed", description = "Every failed job")
    boolean failed;

    @Option(name = "--postponed", description = "Every job postponed by more than two minutes (of --backend, or all): due now")
    boolean postponed;

    @Option(name = "--backend", aliases = "-b", description = "With --postponed: only this backend record's jobs (name or id)")
    String backend;

    @Argument(index = 0, name = "uuid", description = "The job's uuid")
    String uuid;

    @Override
    public Object execute() {
        String who = who();
        if ((failed ? 1 : 0) + (postponed ? 1 : 0) + (uuid != null ? 1 : 0) != 1) {
            throw new IllegalArgumentException("Give a job uuid, --failed or --postponed");
        }
        if (backend != null && !postponed) {
            throw new IllegalArgumentException("--backend goes with --postponed");
        }
        if (postponed) {
            String backendId = backend == null ? null : backends.get(backend).id();
            System.out.println(admin.runPostponed(backendId, who) + " postponed jobs due now");
        } else if (failed) {
            System.out.println(admin.retryFailed(who) + " failed jobs put back to pending");
        } else {
            admin.retry(uuid, who);
            System.out.println("Job " + uuid + " put back to pending");
        }
        return null;
    }

    static String who() {
        String user = ShellUtil.getCurrentUserName();
        return user == null ? "unknown" : user;
    }
}
