package io.connector.itests.magento;

import java.util.HashMap;
import java.util.Map;

import io.connector.magento.simulator.GeneratorSpec;
import io.connector.magento.simulator.MagentoSimulator;

/**
 * A generated shop of {@value #CUSTOMERS} customers behind a bad network and a busy PHP: of its
 * HTTP requests 10% answer 503, 5% are reset, 2% come back cut short and 2% as a PHP error page;
 * every session expires after 50 calls. The draws are seeded, so a run fails the same requests
 * for the same requests. Only the driver loads this class; the container reaches it over HTTP.
 */
public final class FaultyShop {

    public static final int CUSTOMERS = 1000;
    private static final Map<Integer, MagentoSimulator> SHOPS = new HashMap<>();

    private FaultyShop() {
    }

    /**
     * The location (the base URL; {@code /stats} beside the API) of shop number {@code n}, started
     * once: each its own customers and its own draws of faults.
     */
    public static synchronized String url(int n) {
        return SHOPS.computeIfAbsent(n, number -> {
            MagentoSimulator simulator = MagentoSimulator.builder().user(SimulatorLauncher.USER).apiKey(SimulatorLauncher.API_KEY)
                    .recordCalls(false).generate(new GeneratorSpec(CUSTOMERS, 0, 0, 0, 100 + number)).start();
            simulator.faults().seed(number).serviceUnavailable(0.10).connectionResets(0.05).truncatedBodies(0.02)
                    .malformedBodies(0.02).expireSessionsAfterCalls(50);
            Runtime.getRuntime().addShutdownHook(new Thread(simulator::close));
            return simulator;
        }).url();
    }
}
