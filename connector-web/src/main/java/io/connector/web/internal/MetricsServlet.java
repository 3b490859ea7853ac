package io.connector.web.internal;

import java.io.IOException;
import java.io.Serial;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import io.connector.api.BackendRecords;
import io.connector.api.job.JobState;
import io.connector.web.internal.Operator.Grant;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code /connector/metrics} in Prometheus' text format: the queue's jobs per channel and state
 * (from the database, so the same on every node), and what this node ran and synchronized.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/metrics")
// A name of its own: Pax Web 8 takes one servlet per name in a context, and without one all four are
// "javax.servlet.Servlet": only the first registered would answer, the others wait forever.
@HttpWhiteboardServletName("connector-metrics")
@HttpWhiteboardContextSelect(ConsoleContext.SELECT)
public final class MetricsServlet extends HttpServlet {

    @Serial
    private static final long serialVersionUID = 1L;

    private final transient QueueCounts counts;
    private final transient ActivityMetrics activity;
    private final transient BackendRecords backends;
    private final transient ConsoleSecurity security;

    @Activate
    public MetricsServlet(@Reference QueueCounts counts, @Reference ActivityMetrics activity,
            @Reference BackendRecords backends, @Reference ConsoleSecurity security) {
        this.counts = counts;
        this.activity = activity;
        this.backends = backends;
        this.security = security;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!security.config().metrics_anonymous()) {
            try {
                ApiServlet.check((Operator) request.getAttribute(ConsoleSecurity.OPERATOR), Grant.VIEW, "read the metrics");
            } catch (ApiException e) {
                Json.error(response, e.status(), e.getMessage());
                return;
            }
        }
        byte[] body = render().getBytes(StandardCharsets.UTF_8);
        response.setStatus(200);
        response.setContentType(PrometheusText.CONTENT_TYPE);
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    String render() {
        PrometheusText text = new PrometheusText();
        text.family("connector_jobs", "gauge", "Jobs in the queue by channel and state, counted in the database: every node's");
        counts.byChannel().forEach((channel, states) -> JobState.ALL.forEach(state ->
                text.sample("connector_jobs", labels("channel", channel, "state", state), states.getOrDefault(state, 0L))));

        text.family("connector_job_runs_total", "counter", "Jobs this node ran, by function and outcome (done, retried, failed)");
        group(activity.runs).entrySet().stream().sorted(Map.Entry.comparingByKey(java.util.Comparator
                .comparing(ActivityMetrics.RunKey::function).thenComparing(ActivityMetrics.RunKey::outcome)))
                .forEach(entry -> text.sample("connector_job_runs_total", labels("function", entry.getKey().function(),
                        "outcome", entry.getKey().outcome()), entry.getValue()));

        text.family("connector_job_duration_seconds", "histogram", "How long the jobs this node ran took, by function");
        new TreeMap<>(activity.durations).forEach((function, histogram) -> {
            long cumulative = 0;
            for (int i = 0; i < ActivityMetrics.BUCKETS.length; i++) {
                cumulative += histogram.buckets[i].sum();
                text.sample("connector_job_duration_seconds_bucket", labels("function", function, "le",
                        PrometheusText.bound(ActivityMetrics.BUCKETS[i])), cumulative);
            }
            long total = histogram.count.sum();
            text.sample("connector_job_duration_seconds_bucket", labels("function", function, "le", "+Inf"), total);
            text.sample("connector_job_duration_seconds_sum", labels("function", function), histogram.sum.sum());
            text.sample("connector_job_duration_seconds_count", labels("function", function), total);
        });

        text.family("connector_records_total", "counter", "Records this node imported or exported, by backend and model");
        Map<String, String> names = new TreeMap<>();
        backends.all().forEach(b -> names.put(b.id(), b.name()));
        activity.records.entrySet().stream().sorted(Map.Entry.comparingByKey(java.util.Comparator
                .comparing(ActivityMetrics.RecordKey::backendId).thenComparing(ActivityMetrics.RecordKey::model)
                .thenComparing(ActivityMetrics.RecordKey::direction))).forEach(entry -> {
                    ActivityMetrics.RecordKey key = entry.getKey();
                    text.sample("connector_records_total", labels("backend", names.getOrDefault(key.backendId(), key.backendId()),
                            "model", key.model(), "direction", key.direction()), entry.getValue().sum());
                });
        return text.toString();
    }

    private static <K> Map<K, Long> group(Map<K, java.util.concurrent.atomic.LongAdder> adders) {
        Map<K, Long> values = new LinkedHashMap<>();
        adders.forEach((key, adder) -> values.put(key, adder.sum()));
        return values;
    }

    private static Map<String, String> labels(String... pairs) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            labels.put(pairs[i], pairs[i + 1]);
        }
        return labels;
    }
}
