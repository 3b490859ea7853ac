package io.connector.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.features;

import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import javax.inject.Inject;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.TabularData;

import io.connector.api.job.JobFunction;
import io.connector.api.job.JobQueue;
import io.connector.api.store.RecordStore;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.slf4j.MDC;

/** The job queue in a real Karaf: functions as services, the operators' commands, JMX, the logging MDC. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class JobsIT extends ConnectorTestSupport {

    @Inject
    JobQueue queue;

    @Inject
    RecordStore store;

    @Inject
    MBeanServer mbeans;

    @Inject
    ConfigurationAdmin configurationAdmin;

    private final Map<String, String> mdcSeen = new ConcurrentHashMap<>();

    @Configuration
    public Option[] config() {
        List<Option> options = karaf();
        options.add(features(featuresUrl(), "connector-core"));
        return options.toArray(new Option[0]);
    }

    private ServiceRegistration<JobFunction> register(String name, JobFunction function) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(JobFunction.NAME, name);
        properties.put(JobFunction.CHANNEL, "root.magento");
        return bundleContext.registerService(JobFunction.class, function, properties);
    }

    private String awaitState(String uuid, String state) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String out = "";
        while (System.nanoTime() < deadline) {
            out = execute("connector:job " + uuid);
            if (out.contains("State:        " + state)) {
                return out;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Job " + uuid + " not " + state + " in 30 s:\n" + out);
    }

    @Test
    public void jobsRunAndOperatorsSeeRetryAndSetThemDone() throws Exception {
        ServiceRegistration<JobFunction> echo = register("itest_echo", context -> {
            mdcSeen.put(context.uuid(), MDC.get("job.uuid") + "/" + MDC.get("backend.id"));
            return "echo " + context.args().get("word");
        });
        ServiceRegistration<JobFunction> broken = register("itest_broken", context -> {
            throw new IllegalStateException("the remote refused " + context.args().get("id"));
        });
        try {
            String ok = queue.job("itest_echo").arg("word", "hello").backend("shop-1").delay();
            String done = awaitState(ok, "done");
            assertThat(done).contains("Function:     itest_echo", "Channel:      root.magento", "Result:       echo hello",
                    "Arguments:    {\"word\":\"hello\"}", "created", "claimed", "done");
            assertThat(mdcSeen).containsEntry(ok, ok + "/shop-1");

            String failing = queue.job("itest_broken").arg("id", 42).maxRetries(1).delay();
            String failed = awaitState(failing, "failed");
            assertThat(failed).contains("Error:        java.lang.IllegalStateException: the remote refused 42", "at io.connector.itests.JobsIT");
            assertThat(execute("connector:jobs --state failed")).contains(failing, "itest_broken", "failed", "root.magento");
            assertThat(execute("connector:channels")).containsPattern("root\\.magento\\s+\\|\\s+8\\s+\\|[^|]*\\|\\s+0\\s+\\|\\s+0"
                    + "\\s+\\|\\s+0\\s+\\|\\s+1\\s+\\|\\s+1");

            TabularData byState = (TabularData) mbeans.getAttribute(new ObjectName("io.connector:type=JobQueue"), "JobsByState");
            assertThat(byState.get(new Object[] {"failed"}).get("value")).isEqualTo(1L);

            assertThat(execute("connector:job-retry " + failing)).contains("put back to pending");
            awaitState(failing, "failed");
            assertThat(execute("connector:job-done " + failing)).isEqualTo("Job " + failing + " set done by itest"
                    + System.lineSeparator());
            assertThat(execute("connector:job " + failing)).contains("State:        done (set by itest)", "requeued by itest");
            assertThatThrownBy(() -> execute("connector:job-cancel " + failing))
                    .hasMessageContaining("is done: only waiting, pending or failed jobs are cancelled");
            assertThatThrownBy(() -> execute("connector:job 00000000-0000-0000-0000-000000000000"))
                    .hasMessage("No job with uuid 00000000-0000-0000-0000-000000000000");
            assertThatThrownBy(() -> execute("connector:jobs --state finished"))
                    .hasMessageStartingWith("Unknown job state 'finished'. States: waiting, pending");
        } finally {
            echo.unregister();
            broken.unregister();
        }
    }

    /** A channel configured on its own, as etc/io.connector.jobs.channel-sale.cfg would: applied on the running node. */
    @Test
    public void aChannelConfiguredOnItsOwnAppliesWithoutARestart() throws Exception {
        var channel = configurationAdmin.createFactoryConfiguration("io.connector.jobs.channel", "?");
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("name", "root.magento.sale");
        properties.put("capacity", 1);
        properties.put("sequential", true);
        properties.put("throttle.seconds", 2L);
        channel.update(properties);
        try {
            String sale = "root\\.magento\\.sale\\s+\\|\\s+1\\s+\\|\\s+sequential throttle=2\\s+\\|";
            String shown = awaitChannels("the configured channel", out -> Pattern.compile(sale).matcher(out).find());
            assertThat(shown).containsPattern("root\\.magento\\s+\\|\\s+8\\s+\\|");
        } finally {
            channel.delete();
        }
        awaitChannels("the channel gone with its configuration", out -> !out.contains("root.magento.sale"));
    }

    private String awaitChannels(String what, Predicate<String> shown) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        String out = "";
        while (System.nanoTime() < deadline) {
            out = execute("connector:channels");
            if (shown.test(out)) {
                return out;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("connector:channels did not show " + what + " in 20 s:\n" + out);
    }
}
