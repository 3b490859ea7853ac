package io.connector.itests.magento;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.inject.Inject;

import io.connector.api.job.JobAdmin;
import io.connector.api.job.JobView;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Four shops that stall (their headers, then nothing) hold all four of the queue's threads for
 * their backends' timeout only: each call ends at it, the jobs go back to pending to be retried,
 * and a healthy shop's job, queued behind them, is done.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class StalledShopsIT extends MagentoTestSupport {

    private static final String STALLED_URL = "itest.stalled.url";
    private static final Pattern JOB = Pattern.compile("Job ([0-9a-f-]{36})");

    @Inject
    protected JobAdmin jobAdmin;

    @Configuration
    public Option[] config() {
        List<Option> options = karafWithSimulator();
        options.add(systemProperty(STALLED_URL).value(StalledShop.url()));
        return options.toArray(new Option[0]);
    }

    private String delayed(String command) throws Exception {
        Matcher job = JOB.matcher(execute(command));
        assertThat(job.find()).isTrue();
        return job.group(1);
    }

    @Test
    public void fourStalledShopsHoldTheQueueForTheirTimeoutOnly() throws Exception {
        addShop("shop", "magento/1.7");
        List<String> stalled = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            execute("connector:backend-add --location " + System.getProperty(STALLED_URL) + " --username odoo --password odoo42"
                    + " --option timeout=3 stalled" + i + " magento/1.7");
            String name = "stalled" + i;
            await(() -> backends.find(name).isPresent());
        }
        for (int i = 1; i <= 4; i++) {
            stalled.add(delayed("connector:import-record --delay stalled" + i + " magento.res.partner 136"));
        }
        String healthy = delayed("connector:import-record --delay shop magento.res.partner 136");

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!jobAdmin.get(healthy).state().equals("done") && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(jobAdmin.get(healthy).state()).as("the healthy shop's job, behind four stalled ones").isEqualTo("done");
        for (String uuid : stalled) {
            JobView job = jobAdmin.get(uuid);
            long waited = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (job.history().stream().noneMatch(e -> e.note() != null && e.note().contains("did not answer"))
                    && System.nanoTime() < waited) {
                Thread.sleep(200);
                job = jobAdmin.get(uuid);
            }
            assertThat(job.history()).as("job " + uuid + " ended its try at the timeout")
                    .anySatisfy(e -> assertThat(e.note()).contains("did not answer customer.info within 3 s"));
            assertThat(job.state()).as("back to pending, to be retried").isIn("pending", "claimed", "started");
        }
        for (int i = 1; i <= 4; i++) {
            execute("connector:backend-remove stalled" + i);
        }
    }
}
