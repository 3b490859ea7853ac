package io.connector.jobs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import io.connector.api.job.JobFunction;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Constants;

/** Several functions of one name: the standard OSGi order picks the one that runs, the next takes over. */
class JobFunctionsTest {

    private final JobFunctions functions = new JobFunctions();

    private JobFunction named(String result, int ranking, long serviceId) {
        JobFunction function = context -> result;
        Map<String, Object> properties = new HashMap<>(Map.of(JobFunction.NAME, "sync", Constants.SERVICE_ID, serviceId));
        if (ranking != 0) {
            properties.put(Constants.SERVICE_RANKING, ranking);
        }
        functions.add(function, properties);
        return function;
    }

    private Object winner() throws Exception {
        return functions.get("sync").orElseThrow().function().run(null);
    }

    @Test
    void theHighestRankingRunsThenTheOldestService() throws Exception {
        named("second registered", 0, 12);
        named("first registered", 0, 11);
        assertThat(winner()).as("equal ranking: the lowest service.id").isEqualTo("first registered");
        named("ranked", 5, 30);
        assertThat(winner()).as("a higher ranking wins whatever its id").isEqualTo("ranked");
        assertThat(functions.candidates("sync")).hasSize(3);
    }

    @Test
    void whenTheWinnerGoesTheNextTakesOverAndTheNameGoesWithTheLast() throws Exception {
        JobFunction ranked = named("ranked", 5, 30);
        JobFunction plain = named("plain", 0, 31);
        functions.remove(ranked, Map.of());
        assertThat(winner()).isEqualTo("plain");
        functions.remove(plain, Map.of());
        assertThat(functions.get("sync")).isEmpty();
        assertThat(functions.names()).doesNotContain("sync");
    }

    @Test
    void aFunctionWithABadTimeoutOrNoNameIsIgnored() {
        functions.add(context -> null, Map.of(JobFunction.NAME, "slow", JobFunction.TIMEOUT, "soon"));
        functions.add(context -> null, Map.of());
        assertThat(functions.names()).isEmpty();
    }
}
