package io.connector.benchmarks.importbench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One timed phase of the import benchmark: wall time, this JVM's CPU time, and what the Magento
 * simulator was asked meanwhile (its {@code /stats}, reset when the phase starts), printed as one
 * {@code phase ...} line of {@code key=value} pairs that {@code scripts/bench-import} reads.
 */
final class Measure {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "PUT", "DELETE");

    private final String statsUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private long startNanos;
    private long startCpu;

    /** @param statsUrl the simulator's base URL ({@code http://127.0.0.1:8092}), or null to count nothing */
    Measure(String statsUrl) {
        this.statsUrl = statsUrl;
    }

    /** The simulator's base URL from its XML-RPC endpoint. */
    static String baseUrl(String endpoint) {
        URI uri = URI.create(endpoint);
        return uri.getScheme() + "://" + uri.getAuthority();
    }

    void start() {
        stats("POST", "/stats/reset");
        startCpu = cpuNanos();
        startNanos = System.nanoTime();
    }

    /**
     * Ends the phase and prints its line: {@code phase NAME method=M records=N rows=R skipped=K seconds=S
     * cpu=C commits=K requests=Q path.X=n...}; {@code commits} is left out when {@code commits < 0}; a path's spaces
     * are {@code %20}.
     */
    void end(String phase, String method, long records, long rows, long skipped, long commits) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        double cpu = (cpuNanos() - startCpu) / 1e9;
        JsonNode stats = stats("GET", "/stats");
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "phase %s method=%s records=%d rows=%d skipped=%d seconds=%.3f cpu=%.3f", phase, method, records, rows, skipped,
                seconds, cpu));
        if (commits >= 0) {
            line.append(" commits=").append(commits);
        }
        if (stats != null) {
            line.append(" requests=").append(stats.path("requests").asLong());
            Map<String, Long> paths = new TreeMap<>();
            stats.path("paths").fields().forEachRemaining(e -> paths.put(e.getKey(), e.getValue().asLong()));
            stats.path("methods").fields().forEachRemaining(e -> paths.put(methodKey(e.getKey()), e.getValue().asLong()));
            // A REST route has a space ("GET customers/{id}"): written %20, as the line's words are split on spaces.
            paths.forEach((path, count) -> line.append(" path.").append(path.replace(" ", "%20")).append('=').append(count));
        }
        System.out.println(line);
    }

    /**
     * A request's method among the counts: {@code xmlrpc.multiCall} for an XML-RPC method,
     * {@code http.GET} for a REST request's HTTP method ({@code scripts/bench-import} says them so too).
     */
    static String methodKey(String method) {
        return (HTTP_METHODS.contains(method) ? "http." : "xmlrpc.") + method;
    }

    private JsonNode stats(String verb, String path) {
        if (statsUrl == null) {
            return null;
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(statsUrl + path)).timeout(Duration.ofSeconds(10));
        request = verb.equals("POST") ? request.POST(HttpRequest.BodyPublishers.noBody()) : request.GET();
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(statsUrl + path + " answered HTTP " + response.statusCode()
                        + ": is the simulator one with /stats (rebuilt)?");
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the simulator's counts at " + statsUrl + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
