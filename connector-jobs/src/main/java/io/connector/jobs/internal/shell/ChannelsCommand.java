package io.connector.jobs.internal.shell;

import java.util.Map;

import io.connector.api.job.JobAdmin;
import io.connector.jobs.internal.ChannelTree;
import io.connector.jobs.internal.JobChannels;
import io.connector.jobs.internal.runner.JobRunner;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Service
@Command(scope = "connector", name = "channels", description = "Job channels: capacity, running, pending, failed")
public class ChannelsCommand implements Action {

    @Reference
    JobAdmin admin;

    @Reference
    JobChannels channels;

    @Reference(optional = true)
    JobRunner runner;

    @Override
    public Object execute() {
        ChannelTree tree = channels.current();
        ShellTable table = new ShellTable();
        table.column("Channel");
        table.column("Capacity");
        table.column("Options");
        table.column("Running");
        table.column("Pending");
        table.column("Waiting");
        table.column("Failed");
        table.column("Done");
        for (Map.Entry<String, Map<String, Long>> channel : admin.counts().entrySet()) {
            Map<String, Long> states = channel.getValue();
            ChannelTree.Channel config = tree.isKnown(channel.getKey()) ? tree.resolve(channel.getKey()) : null;
            table.addRow().addContent(channel.getKey(), config == null ? "not configured (runs in root)" : config.capacity(),
                    config == null ? "" : (config.sequential() ? "sequential " : "")
                            + (config.throttle().isZero() ? "" : "throttle=" + config.throttle().toSeconds()),
                    states.getOrDefault("claimed", 0L) + states.getOrDefault("started", 0L), states.getOrDefault("pending", 0L),
                    states.getOrDefault("waiting", 0L), states.getOrDefault("failed", 0L), states.getOrDefault("done", 0L));
        }
        table.print(System.out);
        if (runner == null || !runner.running()) {
            System.out.println("WARNING: this node runs no jobs (runner.enabled=false or the runner is not up)");
        }
        return null;
    }
}
