package io.connector.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.connector.api.BackendRecord;
import io.connector.api.BackendRecords;
import io.connector.api.monitoring.ActivityListener.Direction;
import io.connector.api.monitoring.ActivityListener.Outcome;
import org.junit.jupiter.api.Test;

class MetricsTest {

    @Test
    void theTextFormatHasQueueGaugesRunCountersADurationHistogramAndRecordCounters() {
        ActivityMetrics activity = new ActivityMetrics();
        activity.jobEnded("import_record", "root.magento", Outcome.DONE, Duration.ofMillis(3));
        activity.jobEnded("import_record", "root.magento", Outcome.DONE, Duration.ofMillis(40));
        activity.jobEnded("import_record", "root.magento", Outcome.FAILED, Duration.ofSeconds(2));
        activity.recordsSynchronized("b-1", "res.partner", Direction.IMPORTED, 50);
        activity.recordsSynchronized("b-1", "res.partner", Direction.IMPORTED, 7);
        activity.recordsSynchronized("gone", "product.product", Direction.EXPORTED, 1);
        QueueCounts counts = new QueueCounts(() -> Map.of("root", Map.of("pending", 4L), "root.magento", Map.of("failed", 1L)),
                Duration.ofSeconds(5), Clock.systemUTC());
        MetricsServlet servlet = new MetricsServlet(counts, activity, new OneBackend(), security());

        String text = servlet.render();

        assertThat(text).contains("# TYPE connector_jobs gauge\n", "connector_jobs{channel=\"root\",state=\"pending\"} 4\n",
                "connector_jobs{channel=\"root\",state=\"done\"} 0\n", "connector_jobs{channel=\"root.magento\",state=\"failed\"} 1\n",
                "# TYPE connector_job_runs_total counter\n",
                "connector_job_runs_total{function=\"import_record\",outcome=\"done\"} 2\n",
                "connector_job_runs_total{function=\"import_record\",outcome=\"failed\"} 1\n",
                "# TYPE connector_job_duration_seconds histogram\n",
                "connector_job_duration_seconds_bucket{function=\"import_record\",le=\"0.005\"} 1\n",
                "connector_job_duration_seconds_bucket{function=\"import_record\",le=\"0.05\"} 2\n",
                "connector_job_duration_seconds_bucket{function=\"import_record\",le=\"1\"} 2\n",
                "connector_job_duration_seconds_bucket{function=\"import_record\",le=\"2.5\"} 3\n",
                "connector_job_duration_seconds_bucket{function=\"import_record\",le=\"+Inf\"} 3\n",
                "connector_job_duration_seconds_sum{function=\"import_record\"} 2.043\n",
                "connector_job_duration_seconds_count{function=\"import_record\"} 3\n",
                "connector_records_total{backend=\"shop\",model=\"res.partner\",direction=\"imported\"} 57\n",
                "connector_records_total{backend=\"gone\",model=\"product.product\",direction=\"exported\"} 1\n");
        // Every line is a comment or NAME{LABELS} VALUE: what a scraper parses.
        assertThat(text.lines()).allMatch(line -> line.startsWith("# ") || line.matches("[a-z_]+(\\{[^}]*})? [-+0-9.eEInf]+"));
    }

    @Test
    void labelValuesAreEscaped() {
        String text = new PrometheusText().sample("m", Map.of("l", "a\"b\\c\nd"), 1.5).toString();
        assertThat(text).isEqualTo("m{l=\"a\\\"b\\\\c\\nd\"} 1.5\n");
    }

    private static ConsoleSecurity security() {
        return new ConsoleSecurity(ConsoleSecurityTest.config(true, false), (u, p) -> Optional.empty(), Clock.systemUTC());
    }

    private static final class OneBackend implements BackendRecords {
        private final BackendRecord shop = (BackendRecord) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {BackendRecord.class}, (p, m, a) -> switch (m.getName()) {
                    case "id" -> "b-1";
                    case "name" -> "shop";
                    default -> null;
                });

        @Override
        public java.util.Collection<BackendRecord> all() {
            return java.util.List.of(shop);
        }

        @Override
        public Optional<BackendRecord> find(String nameOrId) {
            return Optional.of(shop).filter(b -> b.id().equals(nameOrId) || b.name().equals(nameOrId));
        }

        @Override
        public BackendRecord get(String nameOrId) {
            return find(nameOrId).orElseThrow();
        }
    }
}
