package io.connector.itests.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.features;

import java.lang.management.ManagementFactory;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.inject.Inject;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import io.connector.api.Checkpoints;
import io.connector.api.job.JobAdmin;
import io.connector.api.job.JobFunction;
import io.connector.api.job.JobQueue;
import io.connector.itests.magento.MagentoTestSupport;
import io.connector.itests.web.ConsoleClient.Answer;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The web console through real HTTP on Pax Web, in a Karaf with the feature installed: each role
 * against what it may and may not do, each kind of error, the session cookie and its guard, the
 * metrics, health and per-channel JMX attributes, and an import started and followed.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class WebConsoleIT extends MagentoTestSupport {

    private static final String PORT = "itest.http.port";
    private static final String FLAKY = "itest_console_flaky";

    @Inject
    protected JobQueue queue;

    @Inject
    protected JobAdmin admin;

    @Inject
    protected Checkpoints checkpoints;

    @Inject
    protected ConfigurationAdmin configurations;

    private final AtomicBoolean fixed = new AtomicBoolean();
    private ServiceRegistration<JobFunction> flaky;
    private ConsoleClient http;

    @Configuration
    public Option[] config() {
        String port = freePort();
        List<Option> options = karafWithSimulator();
        options.add(features(featuresUrl(), "connector-web"));
        options.add(systemProperty(PORT).value(port));
        options.add(editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", port));
        // One user per role, and one the realm knows without any role of the console.
        options.add(editConfigurationFilePut("etc/users.properties", "vera", "vera-pw,viewer"));
        options.add(editConfigurationFilePut("etc/users.properties", "max", "max-pw,manager"));
        options.add(editConfigurationFilePut("etc/users.properties", "ada", "ada-pw,admin"));
        options.add(editConfigurationFilePut("etc/users.properties", "sam", "sam-pw,ssh"));
        return options.toArray(new Option[0]);
    }

    @Before
    public void setUp() throws Exception {
        http = new ConsoleClient(jettyPort());
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(JobFunction.NAME, FLAKY);
        flaky = bundleContext.registerService(JobFunction.class, context -> {
            if (!fixed.get()) {
                throw new IllegalStateException("the shop said no to order " + context.args().get("order"));
            }
            return "order " + context.args().get("order") + " accepted";
        }, properties);
        if (backends.find("shop").isEmpty()) {
            addShop("shop", "magento/1.7");
        }
        awaitConsole();
    }

    /**
     * The port Jetty was configured with. Usually the free port written to etc/ before boot; but
     * when the feature installs at boot before file install has read that file, Karaf writes the
     * feature's appended configuration as a new file, and Jetty listens on the feature's 8181.
     */
    private int jettyPort() throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            var properties = configurations.getConfiguration("org.ops4j.pax.web", "?").getProperties();
            Object port = properties == null ? null : properties.get("org.osgi.service.http.port");
            if (port != null) {
                return Integer.parseInt(port.toString().trim());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("No org.ops4j.pax.web configuration with a port within 60 s");
            }
            Thread.sleep(200);
        }
    }

    @After
    public void tearDown() {
        flaky.unregister();
    }

    /** Pax Web registers the whiteboard's servlets a moment after the bundle started. */
    private void awaitConsole() throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            try {
                if (http.anonymous().get("/health").status() != 404 && http.as("vera", "vera-pw").get("/api/me").status() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // Jetty not listening yet.
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The console did not answer at /connector within 60 s");
            }
            Thread.sleep(200);
        }
    }

    private String failedJob(int order) throws Exception {
        String uuid = queue.job(FLAKY).arg("order", order).backend(backends.get("shop").id()).description("Send order " + order).delay();
        await(() -> admin.get(uuid).state().equals("failed"));
        return uuid;
    }

    @Test
    public void withoutALoginOnlyThePageLoginAndHealthAnswer() throws Exception {
        http.anonymous();
        Answer page = http.get("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("<title>Connector console</title>", "console.js");
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'self'");
        assertThat(http.get("/console.js").body()).contains("X-Connector-Console");

        Answer me = http.get("/api/me");
        assertThat(me.status()).isEqualTo(401);
        assertThat(me.header("WWW-Authenticate")).startsWith("Basic realm=\"Connector\"");
        assertThat(me.error()).contains("Log in first", "karaf realm");
        assertThat(http.get("/api/jobs").status()).isEqualTo(401);
        assertThat(http.get("/metrics").status()).isEqualTo(401);
        assertThat(http.get("/health").status()).isIn(200, 503);

        assertThat(http.as("vera", "wrong").get("/api/jobs").status()).isEqualTo(401);
        assertThat(http.as("nobody", "x").get("/api/jobs").status()).isEqualTo(401);
        Answer noRole = http.as("sam", "sam-pw").get("/api/jobs");
        assertThat(noRole.status()).isEqualTo(403);
        assertThat(noRole.error()).contains("User 'sam' may not GET /api/jobs", "admin, manager, viewer", "it has ssh");
        assertThat(http.anonymous().post("/api/login", "{\"user\":\"sam\",\"password\":\"sam-pw\"}").status()).isEqualTo(403);
    }

    @Test
    public void aViewerReadsJobsWithTheirErrorsAndHistoryButOnlyAManagerRetriesThem() throws Exception {
        String uuid = failedJob(42);

        http.as("vera", "vera-pw");
        List<Map<String, Object>> failed = http.get("/api/jobs?state=failed&function=" + FLAKY).list();
        assertThat(failed).extracting(j -> j.get("uuid")).contains(uuid);
        assertThat(failed.get(0)).containsEntry("error_message", "the shop said no to order 42").doesNotContainKey("error_trace");
        assertThat(http.get("/api/jobs?function=no_such_function").list()).isEmpty();

        Map<String, Object> job = http.get("/api/jobs/" + uuid).object();
        assertThat(job).containsEntry("state", "failed").containsEntry("function", FLAKY).containsEntry("args", Map.of("order", 42));
        assertThat((String) job.get("error_trace")).contains("IllegalStateException: the shop said no to order 42");
        assertThat(((List<?>) job.get("history")).stream().map(e -> String.valueOf(((Map<?, ?>) e).get("state"))).toList())
                .contains("created", "failed");

        Answer refused = http.post("/api/jobs/" + uuid + "/retry", null);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.error()).contains("'vera' may not POST /api/jobs/" + uuid + "/retry", "manager");
        assertThat(admin.get(uuid).state()).isEqualTo("failed");

        fixed.set(true);
        Map<String, Object> retried = http.as("max", "max-pw").post("/api/jobs/" + uuid + "/retry", null).object();
        assertThat(retried.get("state")).isIn("pending", "claimed", "started", "done");
        await(() -> admin.get(uuid).state().equals("done"));
        assertThat(admin.get(uuid).result()).isEqualTo("order 42 accepted");
        assertThat(admin.get(uuid).history()).extracting(e -> e.note()).anySatisfy(note ->
                assertThat(note).contains("max (web console)"));

        fixed.set(false);
        String other = failedJob(43);
        assertThat(http.post("/api/jobs/" + other + "/done", null).object()).containsEntry("state", "done")
                .containsEntry("done_by", "max (web console)");
    }

    @Test
    public void errorsAreJsonAndSayWhatWasWrong() throws Exception {
        http.as("max", "max-pw");
        Answer unknownJob = http.get("/api/jobs/no-such-uuid");
        assertThat(unknownJob.status()).isEqualTo(404);
        assertThat(unknownJob.header("Content-Type")).startsWith("application/json");
        assertThat(unknownJob.error()).isEqualTo("No job with uuid no-such-uuid");

        assertThat(http.get("/api/jobs?state=sleeping").error()).contains("Unknown job state 'sleeping'");
        assertThat(http.get("/api/jobs?state=sleeping").status()).isEqualTo(400);
        assertThat(http.get("/api/jobs?limit=0").error()).contains("'limit' takes 1 to 1000, not 0");
        assertThat(http.get("/api/jobs?limit=many").error()).contains("'limit' must be a whole number, not 'many'");
        assertThat(http.get("/api/nothing-here").status()).isEqualTo(404);
        Answer wrongMethod = http.delete("/api/jobs");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.error()).contains("takes GET");

        Answer unknownBackend = http.get("/api/backends/atlantis/imports");
        assertThat(unknownBackend.status()).isEqualTo(404);
        assertThat(unknownBackend.error()).contains("atlantis", "shop");
        Answer unknownImport = http.post("/api/backends/shop/imports/everything", "{}");
        assertThat(unknownImport.status()).isEqualTo(400);
        assertThat(unknownImport.error()).contains("Unknown import 'everything'", "partners");
        assertThat(http.post("/api/backends/shop/imports/customer-groups", "{\"since\":\"yesterday\"}").error())
                .contains("'since' must be a date and time");
        Answer badJson = http.post("/api/backends/shop/imports/partners", "{not json");
        assertThat(badJson.status()).isEqualTo(400);
        assertThat(badJson.error()).startsWith("The request body is not valid JSON");
        assertThat(http.post("/api/backends/shop/imports/partners", "[1]").error()).contains("must be a JSON object");

        assertThat(http.post("/api/backends/shop/exports", "{\"model\":\"no.such.model\",\"id\":1}").error())
                .contains("No model no.such.model");
        assertThat(http.post("/api/backends/shop/exports", "{\"model\":\"res.partner\",\"id\":\"first\"}").error())
                .contains("Field 'id' must be");
        assertThat(http.post("/api/backends/shop/exports", "{\"model\":\"res.partner\",\"id\":987654}").error())
                .contains("No res.partner 987654");
        assertThat(http.as("vera", "vera-pw").post("/api/backends/shop/exports", "{\"model\":\"res.partner\",\"id\":1}")
                .status()).isEqualTo(403);
        http.as("max", "max-pw");
        assertThat(http.get("/api/records/no.such.model").error()).contains("Unknown model 'no.such.model'");
        assertThat(http.get("/api/bindings/shop/res.partner").error()).contains("not a binding model");
        assertThat(http.post("/api/checkpoints/abc/review", null).error()).contains("checkpoint id is a number");
    }

    @Test
    public void onlyAnAdminManagesBackendsAndNoAnswerShowsAPassword() throws Exception {
        String body = "{\"name\":\"second\",\"backend\":\"magento/1.7\",\"location\":\"" + simulator()
                + "\",\"username\":\"api\",\"password\":\"hunter2-secret\",\"options\":{\"sale.prefix\":\"web-\"}}";
        assertThat(http.as("max", "max-pw").post("/api/backends", body).status()).isEqualTo(403);
        Answer added = http.as("ada", "ada-pw").post("/api/backends", body);
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.object()).containsEntry("name", "second").containsEntry("backend", "magento/1.7")
                .containsEntry("credentials_set", true).containsEntry("status", "ok");
        assertThat(http.post("/api/backends", body).error()).contains("already configured");
        assertThat(http.post("/api/backends", body.replace("magento/1.7", "magento/9.9").replace("second", "third")).error())
                .contains("Unknown backend version 'magento/9.9'");
        assertThat(http.post("/api/backends", "{\"name\":\"fourth\"}").error()).contains("needs the field 'backend'");

        Answer list = http.as("vera", "vera-pw").get("/api/backends");
        assertThat(list.list()).extracting(b -> b.get("name")).contains("shop", "second");
        assertThat(list.body()).doesNotContain("hunter2-secret", SHOP_KEY_MARKER);
        assertThat(http.delete("/api/backends/second").status()).isEqualTo(403);
        assertThat(http.as("ada", "ada-pw").delete("/api/backends/second").object()).containsEntry("removed", "second");
        assertThat(backends.find("second")).isEmpty();
    }

    /** The simulator's API key: no answer of the console may carry it. */
    private static final String SHOP_KEY_MARKER = io.connector.itests.magento.SimulatorLauncher.API_KEY;

    @Test
    public void aManagerStartsAnImportAndFollowsItToItsBindingsRecordsAndMetrics() throws Exception {
        assertThat(http.as("vera", "vera-pw").post("/api/backends/shop/imports/customer-groups", "{}").status()).isEqualTo(403);
        List<Map<String, Object>> offered = http.get("/api/backends/shop/imports").list();
        assertThat(offered).extracting(i -> i.get("name")).contains("metadata", "customer-groups", "partners");

        Map<String, Object> started = http.as("max", "max-pw").post("/api/backends/shop/imports/customer-groups", "{}").object();
        assertThat(started).containsEntry("backend", "shop").containsEntry("import", "customer-groups");
        assertThat((List<?>) started.get("jobs")).hasSize(1);
        await(() -> {
            try {
                List<Map<String, Object>> imports = http.get("/api/progress").list();
                return imports.stream().anyMatch(i -> "shop".equals(i.get("backend")) && Boolean.TRUE.equals(i.get("finished"))
                        && ((Number) i.get("done")).intValue() >= 1);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        Map<String, Object> bindings = http.get("/api/bindings/shop/magento.res.partner.category?limit=2").object();
        assertThat(((Number) bindings.get("total")).intValue()).isGreaterThanOrEqualTo(2);
        assertThat((List<?>) bindings.get("records")).hasSize(2);
        // An export on the manager's word: its job, delayed for the binding named.
        long binding = ((Number) ((Map<?, ?>) ((List<?>) bindings.get("records")).get(0)).get("id")).longValue();
        Map<String, Object> export = http.as("max", "max-pw").post("/api/backends/shop/exports",
                "{\"model\":\"magento.res.partner.category\",\"id\":" + binding + ",\"fields\":[\"name\"]}").object();
        assertThat(export).containsEntry("backend", "shop").containsEntry("binding_model", "magento.res.partner.category")
                .containsEntry("binding_id", (int) binding);
        String exportJob = (String) export.get("job");
        assertThat(admin.get(exportJob).function()).isEqualTo("export_record");
        assertThat(admin.get(exportJob).description()).contains("(web console)");
        // No exporter for categories on magento/1.7: the job fails and is retried, so a runner may claim it again
        // between a look at its state and a cancel. Cancel whenever it is not running, until it is left cancelled.
        await(() -> {
            String state = admin.get(exportJob).state();
            if (state.equals("done") || state.equals("cancelled")) {
                return true;
            }
            if (!state.equals("started") && !state.equals("claimed")) {
                try {
                    admin.cancel(exportJob, "itest");
                } catch (io.connector.api.ConnectorException claimedMeanwhile) {
                    // Claimed again since the look: the next round cancels it.
                }
            }
            return false;
        });
        http.as("vera", "vera-pw");
        Map<String, Object> page = http.get("/api/records/res.partner.category?offset=1&limit=1").object();
        assertThat(page).containsEntry("offset", 1).containsEntry("limit", 1);
        assertThat((List<?>) page.get("records")).hasSize(1);

        Map<String, Object> overview = http.get("/api/overview").object();
        assertThat(overview).containsKeys("channels", "activity", "imports", "failed", "states");
        assertThat((List<?>) overview.get("activity")).hasSize(60);
        assertThat(((Map<?, ?>) overview.get("channels")).keySet()).extracting(String::valueOf).contains("root");

        String metrics = http.as("vera", "vera-pw").get("/metrics").body();
        assertThat(metrics).contains("# TYPE connector_jobs gauge", "connector_jobs{channel=\"root\",state=\"done\"} ",
                "connector_job_duration_seconds_bucket{function=\"import_batch\",le=\"+Inf\"} ",
                "connector_job_runs_total{function=\"import_batch\",outcome=\"done\"} ",
                "connector_records_total{backend=\"shop\",model=\"magento.res.partner.category\",direction=\"imported\"} ");
    }

    @Test
    public void checkpointsAreReviewedByAManager() throws Exception {
        long id = checkpoints.add(backends.get("shop"), "res.partner", null, "Check the new store view 'fr'");
        http.as("vera", "vera-pw");
        assertThat(http.get("/api/checkpoints").list()).extracting(c -> ((Number) c.get("id")).longValue()).contains(id);
        assertThat(http.post("/api/checkpoints/" + id + "/review", null).status()).isEqualTo(403);
        Map<String, Object> reviewed = http.as("max", "max-pw").post("/api/checkpoints/" + id + "/review", null).object();
        assertThat(reviewed).containsEntry("state", "reviewed").containsEntry("reviewed_by", "max (web console)");
        assertThat(http.get("/api/checkpoints").list()).extracting(c -> ((Number) c.get("id")).longValue()).doesNotContain(id);
    }

    @Test
    public void thePagesSessionCookieNeedsThePagesHeaderForChanges() throws Exception {
        Answer login = http.anonymous().post("/api/login", "{\"user\":\"max\",\"password\":\"max-pw\"}");
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.object()).containsEntry("user", "max").containsEntry("may_manage", true).containsEntry("may_administer", false);
        String setCookie = login.header("Set-Cookie");
        assertThat(setCookie).contains("HttpOnly", "SameSite=Strict", "Path=/connector");
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));

        String uuid = failedJob(44);
        assertThat(http.withCookie(cookie, false).get("/api/me").object()).containsEntry("user", "max");
        Answer forged = http.post("/api/jobs/" + uuid + "/cancel", null);
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.error()).contains("X-Connector-Console", "cross-site");
        assertThat(admin.get(uuid).state()).isEqualTo("failed");
        assertThat(http.withCookie(cookie, true).post("/api/jobs/" + uuid + "/cancel", null).object().get("cancelled"))
                .isEqualTo(List.of(uuid));

        assertThat(http.post("/api/logout", null).status()).isEqualTo(200);
        assertThat(http.get("/api/me").status()).isEqualTo(401);
        assertThat(http.anonymous().post("/api/login", "{\"user\":\"max\",\"password\":\"nope\"}").error())
                .isEqualTo("Wrong user or password");
    }

    @Test
    public void healthListsEveryCheckAndFailedJobsOverTheThresholdMakeIt503() throws Exception {
        http.anonymous();
        Answer health = http.get("/health");
        Map<String, Object> body = health.object();
        assertThat(((List<?>) body.get("checks")).stream().map(c -> String.valueOf(((Map<?, ?>) c).get("name"))).toList())
                .contains("database", "migrations", "job-runner", "failed-jobs");

        org.osgi.service.cm.Configuration config = configurations.getConfiguration("io.connector.web", "?");
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("health.failed.jobs.max", 1);
        properties.put("counts.cache.seconds", 0);
        try {
            failedJob(45);
            failedJob(46);
            config.update(properties);
            await(() -> {
                try {
                    return http.get("/health").status() == 503;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Answer down = http.get("/health");
            assertThat(down.object()).containsEntry("status", "DOWN");
            assertThat(down.body()).contains("failed jobs, over the threshold of 1");
        } finally {
            config.delete();
            admin.list("failed", null, null, FLAKY, 100).forEach(j -> admin.cancel(j.uuid(), "itest"));
        }
        await(() -> {
            try {
                return http.anonymous().get("/health").status() == 200;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    public void jmxHasFlatCountsPerChannel() throws Exception {
        failedJob(47);
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName root = new ObjectName("io.connector:type=JobQueue,channel=root");
        await(() -> server.isRegistered(root));
        await(() -> {
            try {
                return ((Number) server.getAttribute(root, "Failed")).longValue() >= 1;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        for (String attribute : new String[] {"Waiting", "Pending", "Claimed", "Started", "Done", "Cancelled"}) {
            assertThat(server.getAttribute(root, attribute)).as(attribute).isInstanceOf(Long.class);
        }
    }

    @Test
    public void jettyListensOnTheLoopbackAddressOnly() throws Exception {
        Object addresses = configurations.getConfiguration("org.ops4j.pax.web", null).getProperties()
                .get("org.ops4j.pax.web.listening.addresses");
        assertThat(addresses).isEqualTo("127.0.0.1");
    }
}
