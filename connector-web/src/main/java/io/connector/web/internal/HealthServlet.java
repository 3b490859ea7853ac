package io.connector.web.internal;

import java.io.IOException;
import java.io.Serial;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import io.connector.api.job.JobState;
import io.connector.api.monitoring.HealthCheck;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /connector/health}: 200 when every health check the installed bundles registered holds,
 * and failed jobs are under the configured threshold; 503 otherwise. The answer lists each check
 * with what it found, so the reasons of a 503 are in it.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/health")
// A name of its own: Pax Web 8 takes one servlet per name in a context, and without one all four are
// "javax.servlet.Servlet": only the first registered would answer, the others wait forever.
@HttpWhiteboardServletName("connector-health")
@HttpWhiteboardContextSelect(ConsoleContext.SELECT)
public final class HealthServlet extends HttpServlet {

    @Serial
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(HealthServlet.class);
    static final String FAILED_JOBS = "failed-jobs";

    private final transient Map<String, HealthCheck> checks = new ConcurrentSkipListMap<>();
    private final transient QueueCounts counts;
    private final transient ConsoleSecurity security;

    @Activate
    public HealthServlet(@Reference QueueCounts counts, @Reference ConsoleSecurity security) {
        this.counts = counts;
        this.security = security;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addCheck(HealthCheck check, Map<String, Object> properties) {
        checks.put(name(check, properties), check);
    }

    void removeCheck(HealthCheck check, Map<String, Object> properties) {
        checks.remove(name(check, properties), check);
    }

    private static String name(HealthCheck check, Map<String, Object> properties) {
        Object name = properties.get(HealthCheck.NAME);
        return name == null ? check.getClass().getName() : name.toString();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!security.config().health_anonymous()) {
            try {
                ApiServlet.check((Operator) request.getAttribute(ConsoleSecurity.OPERATOR), Operator.Grant.VIEW, "read the health");
            } catch (ApiException e) {
                Json.error(response, e.status(), e.getMessage());
                return;
            }
        }
        Map<String, Object> health = health();
        Json.write(response, "UP".equals(health.get("status")) ? 200 : 503, health);
    }

    Map<String, Object> health() {
        List<Map<String, Object>> results = new ArrayList<>();
        boolean healthy = true;
        for (Map.Entry<String, HealthCheck> check : checks.entrySet()) {
            HealthCheck.Result result = run(check.getKey(), check.getValue());
            healthy &= result.healthy();
            results.add(entry(check.getKey(), result));
        }
        HealthCheck.Result failed = failedJobs();
        healthy &= failed.healthy();
        results.add(entry(FAILED_JOBS, failed));
        Map<String, Object> health = new LinkedHashMap<>();
        health.put("status", healthy ? "UP" : "DOWN");
        health.put("checks", results);
        return health;
    }

    private static HealthCheck.Result run(String name, HealthCheck check) {
        try {
            HealthCheck.Result result = check.check();
            return result == null ? HealthCheck.Result.unhealthy("The check gave no answer") : result;
        } catch (RuntimeException e) {
            // A check must not throw; one that does is a problem of its own, which must not hide the others.
            LOG.warn("Health check {} threw", name, e);
            return HealthCheck.Result.unhealthy("The check failed: " + e);
        }
    }

    /** Failed jobs wait for an operator: too many of them is a connector that does not do its work. */
    private HealthCheck.Result failedJobs() {
        int max = security.config().health_failed_jobs_max();
        long failed;
        try {
            failed = counts.inState(JobState.FAILED);
        } catch (RuntimeException e) {
            return HealthCheck.Result.unhealthy("Cannot count the failed jobs: " + e.getMessage());
        }
        if (max > 0 && failed > max) {
            return HealthCheck.Result.unhealthy(failed + " failed jobs, over the threshold of " + max
                    + " (retry or cancel them: connector:jobs --state failed)");
        }
        return HealthCheck.Result.healthy(failed + " failed jobs" + (max > 0 ? ", threshold " + max : ""));
    }

    private static Map<String, Object> entry(String name, HealthCheck.Result result) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", name);
        entry.put("healthy", result.healthy());
        entry.put("message", result.message());
        return entry;
    }
}
