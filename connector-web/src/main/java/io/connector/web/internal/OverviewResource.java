package io.connector.web.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.connector.api.BackendRecord;
import io.connector.api.BackendRecords;
import io.connector.api.job.JobAdmin;
import io.connector.api.job.JobCounts;
import io.connector.api.job.JobState;
import io.connector.api.job.JobView;
import io.connector.web.internal.Operator.Grant;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * What the page's overview shows, live: jobs per channel and state (as connector:channels counts
 * them), jobs done and failed per minute, the imports under way with their progress, and the
 * failed jobs.
 */
@Component(service = OverviewResource.class)
public final class OverviewResource {

    /** The function of an import's batch jobs: the newest one of a backend marks where its import started. */
    static final String IMPORT_BATCH = "import_batch";
    /** An import whose batch started longer ago than this is no longer shown as under way. */
    static final Duration IMPORT_SHOWN_FOR = Duration.ofHours(24);

    private final JobAdmin admin;
    private final QueueCounts counts;
    private final BackendRecords backends;
    private final Clock clock;

    @Activate
    public OverviewResource(@Reference JobAdmin admin, @Reference QueueCounts counts, @Reference BackendRecords backends) {
        this(admin, counts, backends, Clock.systemUTC());
    }

    OverviewResource(JobAdmin admin, QueueCounts counts, BackendRecords backends, Clock clock) {
        this.admin = admin;
        this.counts = counts;
        this.backends = backends;
        this.clock = clock;
    }

    void routes(Router router) {
        router.get("/api/channels", Grant.VIEW, call -> channels());
        router.get("/api/activity", Grant.VIEW, call -> activity(call.intParam("minutes", 60, 1, 24 * 60)));
        router.get("/api/progress", Grant.VIEW, call -> progress());
        router.get("/api/overview", Grant.VIEW, call -> {
            Map<String, Object> overview = new LinkedHashMap<>();
            overview.put("at", LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.SECONDS));
            overview.put("me", SessionResource.describe(call.operator()));
            overview.put("states", JobState.ALL);
            overview.put("channels", channels());
            overview.put("activity", activity(60));
            overview.put("imports", progress());
            overview.put("failed", admin.list(JobState.FAILED, null, null, call.intParam("failed", 20, 1, 200))
                    .stream().map(this::failedJob).toList());
            return overview;
        });
    }

    /** Channel -> state -> jobs, every state listed. */
    Map<String, Map<String, Long>> channels() {
        Map<String, Map<String, Long>> channels = new TreeMap<>();
        counts.byChannel().forEach((channel, states) -> {
            Map<String, Long> all = new LinkedHashMap<>();
            JobState.ALL.forEach(state -> all.put(state, states.getOrDefault(state, 0L)));
            channels.put(channel, all);
        });
        return channels;
    }

    /** Every minute of the window, oldest first, with the jobs done and failed in it (zero when none). */
    List<Map<String, Object>> activity(int minutes) {
        LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.MINUTES);
        LocalDateTime first = now.minusMinutes(minutes - 1L);
        Map<LocalDateTime, JobAdmin.Minute> ended = new TreeMap<>();
        admin.endedPerMinute(first.toInstant(ZoneOffset.UTC)).forEach(m -> ended.put(m.minute(), m));
        List<Map<String, Object>> series = new ArrayList<>();
        for (LocalDateTime minute = first; !minute.isAfter(now); minute = minute.plusMinutes(1)) {
            JobAdmin.Minute m = ended.get(minute);
            series.add(Map.of("minute", minute.toString(), "done", m == null ? 0 : m.done(), "failed", m == null ? 0 : m.failed()));
        }
        return series;
    }

    /**
     * Per backend, the newest import of the last day: its batch job, and how far the jobs created
     * since it started got (its batches, chunks and records, with whatever else the backend
     * queued meanwhile: jobs do not say which import made them).
     */
    List<Map<String, Object>> progress() {
        List<Map<String, Object>> imports = new ArrayList<>();
        Instant since = clock.instant().minus(IMPORT_SHOWN_FOR);
        for (BackendRecord backend : backends.all()) {
            List<JobView> batches = admin.list(null, null, backend.id(), IMPORT_BATCH, 1);
            if (batches.isEmpty() || batches.get(0).createdAt().toInstant(ZoneOffset.UTC).isBefore(since)) {
                continue;
            }
            JobView batch = batches.get(0);
            // Ended since the batch was created too: count() counts finished jobs only from a time it is
            // given (null counts none of them, and an import would show "0 done" to its end).
            Instant start = batch.createdAt().toInstant(ZoneOffset.UTC);
            JobCounts jobs = admin.count(backend.id(), start, start);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("backend", backend.name());
            entry.put("backend_id", backend.id());
            entry.put("description", batch.description());
            entry.put("started_at", batch.createdAt());
            entry.put("finished", jobs.finished());
            entry.put("done", jobs.done());
            entry.put("failed", jobs.failed());
            entry.put("cancelled", jobs.cancelled());
            entry.put("to_go", jobs.toGo());
            entry.put("blocked", jobs.blocked());
            entry.put("progress", jobs.progressLine());
            imports.add(entry);
        }
        return imports;
    }

    private Map<String, Object> failedJob(JobView job) {
        Map<String, Object> view = JobsResource.summary(job);
        view.put("backend", job.backendId() == null ? null
                : backends.find(job.backendId()).map(BackendRecord::name).orElse(job.backendId()));
        return view;
    }
}
