package io.connector.magento.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line, in this JVM and as its own process. */
class MainTest {

    private static final Pattern READY = Pattern.compile("Magento simulator listening on (http://127\\.0\\.0\\.1:(\\d+)/index\\.php/api/xmlrpc)");

    @Test
    void theMainClassStartsAProcessThatAnswers() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--port", "0", "--user", "demo", "--key", "secret", "--generate", "customers=3,products=2,categories=2")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertThat(line).isNotNull().matches(READY);
            Matcher ready = READY.matcher(line);
            assertThat(ready.matches()).isTrue();
            XmlRpcClient client = new XmlRpcClient(ready.group(1));
            String session = client.login("demo", "secret");
            assertThat(client.call(session, "ol_customer.search", Map.of())).isEqualTo(List.of("1", "2", "3"));
        } finally {
            process.destroy();
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
        }
    }

    @Test
    void optionsSeedLoadSaveAndSetFaults(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MagentoSimulator first = Main.start(new String[] {"--port", "0", "--seed", "cassettes", CassetteReplayTest.cassettes().toString(),
                "--generate", "customers=2", "--save", dir.toString(), "--session-calls", "5", "--latency", "1", "--fail-503", "0"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
        try {
            assertThat(out.toString(StandardCharsets.UTF_8).trim()).isEqualTo("Magento simulator listening on " + first.endpoint());
            assertThat(first.faults().sessionCallLimit()).isEqualTo(5);
            assertThat(first.faults().latencyMillis()).isEqualTo(1);
            assertThat(first.store().customers().ids()).contains("136", "140", "141");
        } finally {
            first.stop();
        }
        MagentoSimulator second = Main.start(new String[] {"--data", dir.toString()}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream()));
        try {
            assertThat(second.store().counts()).isEqualTo(first.store().counts());
        } finally {
            second.stop();
        }
    }

    @Test
    void callsAreKeptForGetCallsOnlyWithRecordCalls() throws Exception {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        MagentoSimulator off = Main.start(new String[] {"--port", "0", "--generate", "customers=2"}, quiet, quiet);
        try {
            new XmlRpcClient(off.endpoint()).login();
            assertThat(off.recordsCalls()).as("a long run keeps nothing unless asked").isFalse();
            JsonClient.Answer refused = new JsonClient(off.url()).get("/calls");
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.json().get("error").asText()).contains("--record-calls");
        } finally {
            off.stop();
        }
        MagentoSimulator on = Main.start(new String[] {"--port", "0", "--record-calls", "--generate", "customers=2"}, quiet, quiet);
        try {
            XmlRpcClient client = new XmlRpcClient(on.endpoint());
            client.call(client.login(), "ol_customer.search", Map.of());
            JsonClient.Answer calls = new JsonClient(on.url()).get("/calls");
            assertThat(calls.status()).isEqualTo(200);
            assertThat(calls.json()).extracting(c -> c.get("method").asText()).containsExactly("login", "ol_customer.search");
            assertThat(calls.json().get(1).get("args")).isEqualTo(JsonClient.parse("[{}]"));
        } finally {
            on.stop();
        }
    }

    @Test
    void theTokenAndAMagento2RecordingAreOptionsToo() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        MagentoSimulator shop = Main.start(new String[] {"--port", "0", "--token", "T0k3n", "--seed", RecordedRestTest.cassettes().toString()},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertThat(shop.token()).isEqualTo("T0k3n");
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("REST API at " + shop.restUrl() + " (Authorization: Bearer T0k3n)");
            RestClient.Answer customer = new RestClient(shop.url(), "T0k3n").get("customers/5");
            assertThat(customer.json().get("email").asText()).isEqualTo("drew@france.com");
            assertThat(new RestClient(shop).get("customers/5").status()).isEqualTo(200);
            assertThat(new RestClient(shop.url(), MagentoSimulator.DEFAULT_TOKEN).get("customers/5").status()).isEqualTo(401);
        } finally {
            shop.stop();
        }
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        assertThatThrownBy(() -> Main.start(new String[] {"--token", " "}, quiet, quiet)).hasMessageContaining("token");
    }

    @Test
    void wrongOptionsSayWhatIsWrong() {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        assertThatThrownBy(() -> Main.start(new String[] {"--prot", "1"}, quiet, quiet)).hasMessageContaining("--prot");
        assertThatThrownBy(() -> Main.start(new String[] {"--port"}, quiet, quiet)).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> Main.start(new String[] {"--fail-503", "2"}, quiet, quiet)).hasMessageContaining("between 0 and 1");
        ByteArrayOutputStream help = new ByteArrayOutputStream();
        assertThat(Main.start(new String[] {"--help"}, new PrintStream(help, true, StandardCharsets.UTF_8), quiet)).isNull();
        assertThat(help.toString(StandardCharsets.UTF_8)).contains("--generate", "--record-calls", "--token");
    }
}
