package io.connector.jobs.internal.shell;

import io.connector.api.job.JobAdmin;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.ShellUtil;

@Service
@Command(scope = "connector", name = "job-retry", description = "Puts a failed or cancelled job back to pending, retries from zero")
public class JobRetryCommand implements Action {

    @Reference
    JobAdmin admin;

    @Option(name = "--failed", description = "Every failed job")
    boolean failed;

    @Argument(index = 0, name = "uuid", description = "The job's uuid")
    String uuid;

    @Override
    public Object execute() {
        String who = who();
        if (failed == (uuid != null)) {
            throw new IllegalArgumentException("Give a job uuid or --failed");
        }
        if (failed) {
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
