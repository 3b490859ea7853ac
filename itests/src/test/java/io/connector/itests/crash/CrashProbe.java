package io.connector.itests.crash;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.Map;

import io.connector.api.job.JobFunction;
import io.connector.api.job.JobQueue;
import io.connector.api.store.RecordStore;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The bundle the crash test drops into a Karaf: a job function whose side effect is a row
 * written in the job's transaction, then a sleep so that jobs are running when the node is
 * killed; on its first start, it delays the jobs.
 */
public final class CrashProbe implements BundleActivator {

    public static final String FUNCTION = "crash_count";
    public static final int JOBS = 60;

    private ServiceRegistration<JobFunction> registration;
    private ServiceTracker<JobQueue, JobQueue> queues;
    private ServiceTracker<RecordStore, RecordStore> stores;

    @Override
    public void start(BundleContext context) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(JobFunction.NAME, FUNCTION);
        registration = context.registerService(JobFunction.class, job -> {
            job.session().create("test.crash_effect", Map.of("job", job.uuid()));
            Thread.sleep(300);
            return null;
        }, properties);
        Path marker = Path.of(System.getProperty("karaf.data"), "crash-probe-delayed");
        if (Files.exists(marker)) {
            return;
        }
        queues = new ServiceTracker<>(context, JobQueue.class, null);
        stores = new ServiceTracker<>(context, RecordStore.class, null);
        queues.open();
        stores.open();
        Thread delaying = new Thread(() -> {
            try {
                JobQueue queue = queues.waitForService(120_000);
                RecordStore store = stores.waitForService(120_000);
                while (store.model("test.crash_effect").isEmpty()) {
                    Thread.sleep(100);
                }
                store.inTransaction(session -> {
                    for (int i = 0; i < JOBS; i++) {
                        queue.job(FUNCTION).identityKey("crash " + i).delay();
                    }
                    return null;
                });
                Files.writeString(marker, "delayed " + JOBS);
            } catch (Exception e) {
                e.printStackTrace();
            }
        }, "crash-probe");
        delaying.setDaemon(true);
        delaying.start();
    }

    @Override
    public void stop(BundleContext context) {
        registration.unregister();
        if (queues != null) {
            queues.close();
            stores.close();
        }
    }
}
