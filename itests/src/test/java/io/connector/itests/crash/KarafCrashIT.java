package io.connector.itests.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.LongPredicate;

import org.junit.After;
import org.junit.Test;
import org.ops4j.pax.tinybundles.core.TinyBundles;

/**
 * A real Karaf node, killed with SIGKILL while jobs run, then started again: every job must run
 * to done, and its side effect (a row written in its transaction) exist exactly once. The node's
 * H2 database is opened with AUTO_SERVER so that the test can count while Karaf holds it.
 */
public class KarafCrashIT {

    private Path home;

    @After
    public void killKaraf() throws Exception {
        if (home != null && Files.exists(home.resolve("karaf.pid"))) {
            kill(Files.readString(home.resolve("karaf.pid")).trim());
        }
    }

    @Test
    public void aKilledKarafRecoversItsJobsAndRunsEachExactlyOnce() throws Exception {
        home = unpackKaraf();
        String url = "jdbc:h2:file:" + home.resolve("data/connector/store") + ";WRITE_DELAY=0;AUTO_SERVER=TRUE";
        configure(url);
        // The test opens the database only while Karaf has it open: with AUTO_SERVER, the first
        // process to open it serves it, and it must be Karaf.
        start(1);
        awaitCount(url, "SELECT COUNT(*) FROM \"test_crash_effect\"", n -> n >= 8, "jobs done before the kill");
        long doneBefore = count(url, "SELECT COUNT(*) FROM \"connector_job\" WHERE \"state\" = 'done'");
        kill(Files.readString(home.resolve("karaf.pid")).trim());
        assertThat(doneBefore).as("killed while jobs were done").isBetween(8L, (long) CrashProbe.JOBS - 1);

        start(2);
        java.util.regex.Matcher tookBack = java.util.regex.Pattern.compile("Took back (\\d+) jobs that this node \\(crash-node\\)")
                .matcher(Files.readString(home.resolve("data/log/karaf.log")));
        assertThat(tookBack.find()).as("the restarted node takes back what it held").isTrue();
        long heldBefore = Long.parseLong(tookBack.group(1));
        assertThat(heldBefore).isPositive();
        awaitCount(url, "SELECT COUNT(*) FROM \"connector_job\" WHERE \"state\" = 'done'", n -> n == CrashProbe.JOBS,
                "every job done after the restart");
        assertThat(count(url, "SELECT COUNT(*) FROM \"test_crash_effect\"")).as("one side effect per job")
                .isEqualTo(CrashProbe.JOBS);
        assertThat(count(url, "SELECT COUNT(DISTINCT \"job\") FROM \"test_crash_effect\"")).isEqualTo(CrashProbe.JOBS);
        assertThat(count(url, "SELECT COUNT(*) FROM \"connector_job\" WHERE \"retry\" = 1")).as("the held ones were retried")
                .isEqualTo(heldBefore);
    }

    private Path unpackKaraf() throws Exception {
        String repository = System.getProperty("org.ops4j.pax.url.mvn.localRepository", System.getProperty("user.home") + "/.m2/repository");
        Path tarball = Path.of(repository, "org/apache/karaf/apache-karaf/4.4.10/apache-karaf-4.4.10.tar.gz");
        Path target = Path.of(System.getProperty("itest.target", "target"), "crash", UUID.randomUUID().toString());
        Files.createDirectories(target);
        run(List.of("tar", "xzf", tarball.toString(), "-C", target.toString(), "--strip-components=1"), target);
        return target;
    }

    private void configure(String url) throws Exception {
        String repo = new File(System.getProperty("itest.repo", "target/itest-repo")).getAbsoluteFile().toURI().toString();
        append("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.defaultRepositories=${karaf.home.uri}system@id=system.repository@snapshots,"
                + repo + "@id=itest@snapshots\norg.ops4j.pax.url.mvn.repositories=\norg.ops4j.pax.url.mvn.offline=true\n"
                + "org.ops4j.pax.url.mvn.localRepository=" + System.getProperty("org.ops4j.pax.url.mvn.localRepository", "") + "\n");
        append("etc/org.apache.karaf.shell.cfg", "sshPort=" + freePort() + "\nsshHost=127.0.0.1\n");
        append("etc/org.apache.karaf.management.cfg", "rmiRegistryPort=" + freePort() + "\nrmiServerPort=" + freePort() + "\n");
        String features = "mvn:io.connector/karaf-features/" + System.getProperty("itest.version", "0.2.0-SNAPSHOT") + "/xml/features";
        Path featuresCfg = home.resolve("etc/org.apache.karaf.features.cfg");
        String cfg = Files.readString(featuresCfg)
                .replace("featuresRepositories = \\", "featuresRepositories = " + features + ", \\")
                .replace("featuresBoot = \\", "featuresBoot = connector-core, \\");
        Files.writeString(featuresCfg, cfg);
        Files.writeString(home.resolve("etc/org.ops4j.datasource-connector.cfg"), "dataSourceName=connector\n"
                + "osgi.jdbc.driver.class=org.h2.Driver\nurl=" + url + "\nuser=sa\npassword=\npool=hikari\nxa=false\n");
        Files.writeString(home.resolve("etc/io.connector.jobs.cfg"), "channels=root:4\nnode.id=crash-node\nlease.seconds=10\n"
                + "poll.interval.ms=100\nbatch.size=1\n");
        String models = "{\"models\": {\"test.crash_effect\": {\"fields\": {\"job\": {\"type\": \"text\", \"required\": true}}}}}";
        try (InputStream bundle = TinyBundles.bundle()
                .add(CrashProbe.class)
                .add("crash-models.json", new ByteArrayInputStream(models.getBytes(StandardCharsets.UTF_8)))
                .set("Bundle-ManifestVersion", "2")
                .set("Bundle-SymbolicName", "io.connector.itests.crash")
                .set("Bundle-Version", "1.0.0")
                .set("Bundle-Activator", CrashProbe.class.getName())
                .set("Connector-Models", "crash-models.json")
                .set("Import-Package", "io.connector.api.job;version=\"[1.0,2)\",io.connector.api.store;version=\"[1.0,2)\","
                        + "org.osgi.framework,org.osgi.util.tracker")
                .build(TinyBundles.withClassicBuilder())) {
            Files.copy(bundle, home.resolve("deploy/crash-probe.jar"));
        }
    }

    /** Starts Karaf and waits until its job runner has started for the {@code time}-th time. */
    private void start(int time) throws Exception {
        Files.deleteIfExists(home.resolve("karaf.pid"));
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/start").toString()).directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(home.resolve("start.log").toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.start().waitFor(60, TimeUnit.SECONDS);
        Path log = home.resolve("data/log/karaf.log");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).split("Job runner crash-node#", -1).length - 1 >= time) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Karaf's job runner did not start within 120 s; see " + log);
    }

    private void kill(String pid) throws Exception {
        run(List.of("kill", "-9", pid), home);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline && new ProcessBuilder("kill", "-0", pid).start().waitFor() == 0) {
            Thread.sleep(100);
        }
        Files.deleteIfExists(home.resolve("karaf.pid"));
    }

    private void awaitCount(String url, String sql, LongPredicate done, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        long last = -1;
        while (System.nanoTime() < deadline) {
            try {
                last = count(url, sql);
                if (done.test(last)) {
                    return;
                }
            } catch (SQLException notYet) {
                // Karaf is still starting: the database or its tables are not there yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Not within 180 s: " + what + " (last count " + last + "); see " + home.resolve("data/log"));
    }

    private static long count(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private void append(String file, String lines) throws IOException {
        Files.writeString(home.resolve(file), "\n" + lines, StandardOpenOption.APPEND);
    }

    private static void run(List<String> command, Path directory) throws Exception {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(command + " failed");
        }
    }

    private static String freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return Integer.toString(socket.getLocalPort());
        }
    }
}
