package io.connector.jobs.internal.shell;

import java.util.List;

import io.connector.api.job.JobAdmin;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(scope = "connector", name = "job-cancel", description = "Cancels a job that has not run (or failed), and the jobs waiting on it")
public class JobCancelCommand implements Action {

    @Reference
    JobAdmin admin;

    @Argument(index = 0, name = "uuid", required = true, description = "The job's uuid")
    String uuid;

    @Override
    public Object execute() {
        List<String> cancelled = admin.cancel(uuid, JobRetryCommand.who());
        System.out.println("Cancelled " + String.join(", ", cancelled));
        return null;
    }
}
