package io.connector.itests;

import static org.ops4j.pax.exam.CoreOptions.maven;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.systemTimeout;
import static org.ops4j.pax.exam.CoreOptions.vmOptions;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedExceptionAction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;
import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.ops4j.pax.exam.options.MavenArtifactUrlReference;
import org.osgi.framework.BundleContext;

/**
 * What every container test shares: a real Karaf 4.4 booted offline from the staged
 * {@code target/itest-repo}, and a way to run shell commands as an administrator.
 */
public abstract class ConnectorTestSupport {

    private static final String FEATURES_URL_PROPERTY = "itest.features.url";

    @Inject
    protected BundleContext bundleContext;

    @Inject
    protected SessionFactory sessionFactory;

    /**
     * The connector features repository: computed from the build in the test's JVM, handed to the
     * container as a system property.
     */
    protected static String featuresUrl() {
        String url = System.getProperty(FEATURES_URL_PROPERTY);
        return url != null ? url
                : "mvn:io.connector/karaf-features/" + MavenVersions.of("io.connector", "karaf-features") + "/xml/features";
    }

    /** The container, without the connector features: each test class adds what it needs. */
    protected static List<Option> karaf() {
        MavenArtifactUrlReference karafUrl = maven().groupId("org.apache.karaf").artifactId("apache-karaf")
                .type("tar.gz").versionAsInProject();
        String repo = new File(System.getProperty("itest.repo", "target/itest-repo")).getAbsoluteFile().toURI().toString();
        String pid = "etc/org.ops4j.pax.url.mvn.cfg";
        List<Option> options = new ArrayList<>(Arrays.asList(
                karafDistributionConfiguration().frameworkUrl(karafUrl).name("Apache Karaf")
                        .unpackDirectory(new File(System.getProperty("itest.target", "target"), "exam"))
                        .useDeployFolder(false),
                keepRuntimeFolder(),
                logLevel(LogLevel.WARN),
                configureConsole().ignoreLocalConsole(),
                // A container that cannot boot fails the run in a minute, not Pax Exam's three.
                systemTimeout(TimeUnit.SECONDS.toMillis(90)),
                // An injected service may take longer than Pax Exam's 10 s to come up on a loaded
                // machine (the features' bundles still resolving): a slow start, not a failure.
                systemProperty("pax.exam.service.timeout").value(String.valueOf(TimeUnit.SECONDS.toMillis(60))),
                editConfigurationFilePut(pid, "org.ops4j.pax.url.mvn.defaultRepositories",
                        "${karaf.home.uri}system@id=system.repository@snapshots," + repo + "@id=itest@snapshots"),
                editConfigurationFilePut(pid, "org.ops4j.pax.url.mvn.repositories", ""),
                editConfigurationFilePut(pid, "org.ops4j.pax.url.mvn.offline", "true"),
                // The SSH server is not needed in-process; keep it off shared ports.
                // Free ports, so that a Karaf already running here (the demo) does not collide.
                editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", freePort()),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", freePort()),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort", freePort()),
                systemProperty(FEATURES_URL_PROPERTY).value(featuresUrl()),
                systemProperty("itest.version").value(MavenVersions.of("io.connector", "karaf-features")),
                // The tests' assertions run inside the container.
                mavenBundle("net.bytebuddy", "byte-buddy").versionAsInProject(),
                mavenBundle("org.assertj", "assertj-core").versionAsInProject(),
                systemProperty("org.ops4j.pax.url.mvn.localRepository")
                        .value(System.getProperty("org.ops4j.pax.url.mvn.localRepository", "")),
                // What bin/karaf adds on Java 9+ and Pax Exam does not.
                vmOptions("-Xmx512m",
                        "--add-reads=java.xml=java.logging",
                        "--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED",
                        "--patch-module", "java.base=lib/endorsed/org.apache.karaf.specs.locator-4.4.10.jar",
                        "--patch-module", "java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-4.4.10.jar",
                        "--add-opens", "java.base/java.security=ALL-UNNAMED",
                        "--add-opens", "java.base/java.net=ALL-UNNAMED",
                        "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                        "--add-opens", "java.base/java.util=ALL-UNNAMED",
                        "--add-opens", "java.naming/javax.naming.spi=ALL-UNNAMED",
                        "--add-opens", "java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED",
                        "--add-exports=java.base/sun.net.www.protocol.file=ALL-UNNAMED",
                        "--add-exports=java.base/sun.net.www.protocol.http=ALL-UNNAMED",
                        "--add-exports=java.base/sun.net.www.protocol.https=ALL-UNNAMED",
                        "--add-exports=java.base/sun.net.www.protocol.jar=ALL-UNNAMED",
                        "--add-exports=jdk.xml.dom/org.w3c.dom.html=ALL-UNNAMED",
                        "--add-exports=jdk.naming.rmi/com.sun.jndi.url.rmi=ALL-UNNAMED")));
        return options;
    }

    /**
     * Starts a bundle. Felix refuses a start with "Unable to acquire global lock for resolve" while
     * another thread resolves (Karaf's features service refreshing after boot): a busy container,
     * not a failure, so the start is tried again for up to 30 s.
     */
    protected static void start(org.osgi.framework.Bundle bundle) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                bundle.start();
                return;
            } catch (org.osgi.framework.BundleException e) {
                if (e.getMessage() == null || !e.getMessage().contains("Unable to acquire global lock")
                        || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }

    protected static String freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return Integer.toString(socket.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs a shell command as an administrator and returns what it printed; its errors are
     * thrown. Commands register a moment after their bundle starts: one not there yet is waited
     * for, up to 30 s.
     */
    protected String execute(String command) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                return executeOnce(command);
            } catch (Exception e) {
                // Gogo's CommandNotFoundException is private to Karaf's shell bundle: known by name.
                if (!e.getClass().getSimpleName().equals("CommandNotFoundException") || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    private String executeOnce(String command) throws Exception {
        return executeAs(command, "admin", "manager", "viewer");
    }

    /** Runs a shell command as a user with just these roles, as the shell's command guard sees it. */
    protected String executeAs(String command, String... roles) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Subject user = new Subject();
        user.getPrincipals().add(new UserPrincipal("itest"));
        for (String role : roles) {
            user.getPrincipals().add(new RolePrincipal(role));
        }
        Session session = sessionFactory.create(System.in, out, out);
        try {
            Subject.doAs(user, (PrivilegedExceptionAction<Object>) () -> session.execute(command));
        } catch (java.security.PrivilegedActionException e) {
            throw e.getException();
        } finally {
            out.flush();
            session.close();
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
