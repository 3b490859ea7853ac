package io.connector.itests.magento;

import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.features;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import javax.inject.Inject;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.connector.api.BackendRecords;
import io.connector.itests.ConnectorTestSupport;
import org.ops4j.pax.exam.Option;

/**
 * What the Magento container tests share: a Karaf with {@code connector-magento} that knows where
 * the simulator (running in the test driver) listens, backends configured on it, and the shell's
 * JSON output read back as data.
 */
public abstract class MagentoTestSupport extends ConnectorTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SIMULATOR_URL = "itest.magento.url";

    @Inject
    protected BackendRecords backends;

    /** Karaf with the Magento features, told the simulator's address (started here if it is not yet). */
    protected static List<Option> karafWithSimulator() {
        List<Option> options = karaf();
        options.add(systemProperty(SIMULATOR_URL).value(SimulatorLauncher.url()));
        options.add(features(featuresUrl(), "connector-magento"));
        return options;
    }

    /** The simulator's XML-RPC address, inside the container. */
    protected static String simulator() {
        return System.getProperty(SIMULATOR_URL);
    }

    /** Configures backend record {@code name} of {@code backend} (e.g. magento/1.7) on the simulator, and waits for it. */
    protected void addShop(String name, String backend) throws Exception {
        execute("connector:backend-add --location " + simulator() + " --username " + SimulatorLauncher.USER
                + " --password " + SimulatorLauncher.API_KEY + " " + name + " " + backend);
        await(() -> backends.find(name).isPresent());
    }

    /** What a command printed with --json: one array of objects. */
    protected List<Map<String, Object>> json(String command) throws Exception {
        return JSON.readValue(execute(command), new TypeReference<List<Map<String, Object>>>() { });
    }

    protected static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not true within 30 s");
            }
            Thread.sleep(100);
        }
    }
}
