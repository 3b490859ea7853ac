package io.connector.magento.simulator;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * The simulator as a program, for the demo and for trying the connector by hand:
 *
 * <pre>
 * java -jar magento-simulator/target/magento-simulator.jar --port 8069 \
 *     --seed ../shared/magento/cassettes/1.9 --generate customers=10000,products=2000,categories=50
 * </pre>
 *
 * Prints one line, "Magento simulator listening on http://127.0.0.1:PORT/index.php/api/xmlrpc",
 * once it answers, and runs until it is stopped (Ctrl-C, SIGTERM).
 */
public final class Main {

    static final String USAGE = String.join("\n",
            "Usage: java -jar magento-simulator.jar [options]",
            "  --port P                 port to listen on; 0 (the default) for any free one",
            "  --host H                 address to listen on; 127.0.0.1 by default",
            "  --user U --key K         the API user and key login accepts; odoo / odoo42 by default",
            "  --token T                the REST API's token (Authorization: Bearer T); " + MagentoSimulator.DEFAULT_TOKEN + " by default",
            "  --seed [cassettes] DIR   load the records recorded Magento traffic in DIR (or one cassette) answered:",
            "                           Magento 1 XML-RPC or Magento 2 REST recordings",
            "  --data DIR               load a data directory (one JSON file per table)",
            "  --generate SPEC          add generated records: customers=N,products=N,categories=N[,orders=N][,seed=S]",
            "  --save DIR               write the store, once filled, as a data directory",
            "  --latency MS             wait this long before each answer",
            "  --fail-503 SHARE         answer HTTP 503 to this share (0..1) of requests",
            "  --resets SHARE           close the connection without an answer for this share",
            "  --malformed SHARE        answer a body that is not XML for this share",
            "  --truncated SHARE        answer half a body for this share",
            "  --session-calls N        sessions expire after N calls (fault 5)",
            "  --record-calls           keep every API call answered, to read at GET /calls (off: a long run",
            "                           would keep them all); GET /records and /stats answer either way",
            "Data sources apply in the order given.");

    private Main() {
    }

    public static void main(String[] args) {
        MagentoSimulator simulator;
        try {
            simulator = start(args, System.out, System.err);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        } catch (UncheckedIOException e) {
            // A port in use, a missing cassette or data directory: say which, without a stack trace.
            System.err.println("Magento simulator cannot start: " + e.getCause().getMessage());
            System.exit(1);
            return;
        }
        if (simulator == null) {
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.stop();
            stopped.countDown();
        }, "magento-simulator-stop"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Starts a simulator from command-line arguments and prints the ready line on {@code out};
     * null after printing the usage for {@code --help}. Wrong arguments throw
     * IllegalArgumentException with what is wrong.
     */
    static MagentoSimulator start(String[] args, PrintStream out, PrintStream err) {
        // Off unless asked: a demo or a benchmark runs for hours, and would keep every call.
        MagentoSimulator.Builder builder = MagentoSimulator.builder().recordCalls(false);
        // Faults apply once the simulator exists, whatever their place among the options.
        List<Consumer<FaultInjection>> faultSettings = new ArrayList<>();
        Path save = null;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "--help", "-h" -> {
                    out.println(USAGE);
                    return null;
                }
                case "--port" -> builder.port(integer(option, value(args, ++i, option)));
                case "--host" -> builder.host(value(args, ++i, option));
                case "--user" -> builder.user(value(args, ++i, option));
                case "--key" -> builder.apiKey(value(args, ++i, option));
                case "--token" -> builder.token(value(args, ++i, option));
                case "--seed" -> {
                    String dir = value(args, ++i, option);
                    // "--seed cassettes DIR" names the kind of source; "--seed DIR" is the same.
                    if (dir.equals("cassettes") && i + 1 < args.length && !args[i + 1].startsWith("--")) {
                        dir = args[++i];
                    }
                    builder.seedFromCassettes(Path.of(dir));
                }
                case "--data" -> builder.loadData(Path.of(value(args, ++i, option)));
                case "--generate" -> builder.generate(GeneratorSpec.parse(value(args, ++i, option)));
                case "--save" -> save = Path.of(value(args, ++i, option));
                case "--latency" -> {
                    long millis = integer(option, value(args, ++i, option));
                    faultSettings.add(f -> f.latencyMillis(millis));
                }
                case "--fail-503" -> {
                    double share = share(option, value(args, ++i, option));
                    faultSettings.add(f -> f.serviceUnavailable(share));
                }
                case "--resets" -> {
                    double share = share(option, value(args, ++i, option));
                    faultSettings.add(f -> f.connectionResets(share));
                }
                case "--malformed" -> {
                    double share = share(option, value(args, ++i, option));
                    faultSettings.add(f -> f.malformedBodies(share));
                }
                case "--truncated" -> {
                    double share = share(option, value(args, ++i, option));
                    faultSettings.add(f -> f.truncatedBodies(share));
                }
                case "--record-calls" -> builder.recordCalls(true);
                case "--session-calls" -> {
                    int calls = integer(option, value(args, ++i, option));
                    faultSettings.add(f -> f.expireSessionsAfterCalls(calls));
                }
                default -> throw new IllegalArgumentException("Unknown option '" + option + "'");
            }
        }
        MagentoSimulator simulator = builder.start();
        faultSettings.forEach(setting -> setting.accept(simulator.faults()));
        if (save != null) {
            try {
                simulator.store().save(save);
            } catch (IOException e) {
                simulator.stop();
                throw new IllegalArgumentException("Cannot write the data directory " + save + ": " + e.getMessage(), e);
            }
        }
        err.println("Magento simulator data: " + simulator.store().counts());
        err.println("Magento simulator REST API at " + simulator.restUrl() + " (Authorization: Bearer " + simulator.token() + ")");
        out.println("Magento simulator listening on " + simulator.endpoint());
        out.flush();
        return simulator;
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static int integer(String option, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a whole number, not '" + text + "'");
        }
    }

    private static double share(String option, String text) {
        try {
            double share = Double.parseDouble(text);
            if (share < 0 || share > 1) {
                throw new NumberFormatException();
            }
            return share;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a share between 0 and 1, not '" + text + "'");
        }
    }
}
