package io.connector.jobs.internal.shell;

import io.connector.api.job.JobAdmin;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(scope = "connector", name = "job-done", description = "Sets a job done by hand (recording who); the jobs waiting on it go on")
public class JobDoneCommand implements Action {

    @Reference
    JobAdmin admin;

    @Argument(index = 0, name = "uuid", required = true, description = "The job's uuid")
    String uuid;

    @Override
    public Object execute() {
        String who = JobRetryCommand.who();
        admin.markDone(uuid, who);
        System.out.println("Job " + uuid + " set done by " + who);
        return null;
    }
}
