package io.connector.core.internal.shell;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;

import io.connector.api.job.JobAdmin;
import io.connector.core.internal.imports.ImportLauncher;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(scope = "connector", name = "import", description = "Imports records of a backend: delays the batch jobs (or runs them with --sync)",
        detailedDescription = "WHAT is one of the imports the backend's bundles declare (connector:import BACKEND lists them), "
                + "e.g. metadata, customer-groups, partners, product-categories, products for Magento. An incremental import "
                + "starts where the previous one started, less 30 s, unless --since says where.")
public class ImportCommand implements Action {

    @Reference
    ImportLauncher launcher;

    @Option(name = "--since", description = "Only records changed since this UTC date-time (2026-11-01 or 2026-11-01T08:00:00)")
    String since;

    @Option(name = "--sync", description = "Run the batches now in this shell (the imports of single records are still jobs)")
    boolean sync;

    @Option(name = "--wait", aliases = "-w", description = "Wait until the jobs this import delays (and those they delay) are "
            + "finished, printing progress every 5 s, then count the done and failed ones")
    boolean waitForJobs;

    @Option(name = "--timeout", aliases = "-t", description = "With --wait: give up waiting after this many seconds (default 0: "
            + "no limit); the jobs go on")
    int timeout;

    @Option(name = "--chunk", aliases = "-c", description = "Records per import job (1 to 1000; 1: a job per record); "
            + "default: the backend record's option import.chunk, else 50")
    Integer chunk;

    @Reference
    JobAdmin jobs;

    @Argument(index = 0, name = "backend", required = true, description = "The backend record's name or id")
    @Completion(BackendRecordCompleter.class)
    String backend;

    @Argument(index = 1, name = "what", required = false, description = "What to import; without it, the list of imports")
    @Completion(ImportNameCompleter.class)
    String what;

    @Override
    public Object execute() {
        if (what == null) {
            var record = launcher.backendRecord(backend);
            for (ImportLauncher.Declared d : launcher.imports(record)) {
                System.out.println(d.name() + "\t" + String.join(", ", d.models()) + (d.incremental() ? "\tincremental" + launcher
                        .storedFrom(record, d.name()).map(f -> ", next from " + f.toString().replace('T', ' ')).orElse("") : "")
                        + (d.description().isEmpty() ? "" : "\t" + d.description()));
            }
            return null;
        }
        if (timeout < 0 || timeout != 0 && !waitForJobs) {
            throw new IllegalArgumentException("--timeout takes 0 (no limit) or more seconds, and goes with --wait");
        }
        LocalDateTime from = parseSince(since);
        // The jobs of this import are those of the backend created from now on. Job times come
        // from the clock of the node that delays them: this one for the batches, and for their
        // record jobs whichever node runs a batch (kept in step by NTP). A margin would count the
        // failures of an import that ended a moment ago as this one's.
        Instant createdSince = Instant.now();
        ImportLauncher.Started started = launcher.start(backend, what, from, sync, chunk);
        String range = started.from().map(f -> " changed since " + f.toString().replace('T', ' ') + " UTC").orElse("");
        if (sync) {
            started.messages().forEach(System.out::println);
        } else {
            System.out.println("Import " + what + range + " of " + started.backend().name() + ": "
                    + (started.jobUuids().size() == 1 ? "job " : "jobs, in this order: ") + String.join(" ", started.jobUuids()));
        }
        if (waitForJobs) {
            jobs.awaitAndReport(started.backend().id(), backend, createdSince, Duration.ofSeconds(timeout), System.out::println);
        }
        return null;
    }

    static LocalDateTime parseSince(String since) {
        if (since == null) {
            return null;
        }
        String text = since.trim().replace(' ', 'T');
        try {
            return text.length() == 10 ? java.time.LocalDate.parse(text).atStartOfDay() : LocalDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--since '" + since + "' is not a date-time; write 2026-11-01 or 2026-11-01T08:00:00 (UTC)");
        }
    }
}
