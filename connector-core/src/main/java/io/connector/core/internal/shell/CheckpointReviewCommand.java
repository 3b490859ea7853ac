package io.connector.core.internal.shell;

import io.connector.api.Checkpoints;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.ShellUtil;

@Service
@Command(scope = "connector", name = "checkpoint-review", description = "Marks a checkpoint reviewed, by you")
public class CheckpointReviewCommand implements Action {

    @Reference
    Checkpoints checkpoints;

    @Argument(index = 0, name = "id", required = true, description = "The checkpoint's id")
    long id;

    @Override
    public Object execute() {
        String who = ShellUtil.getCurrentUserName();
        checkpoints.review(id, who == null ? "unknown" : who);
        System.out.println("Checkpoint " + id + " reviewed by " + (who == null ? "unknown" : who));
        return null;
    }
}
