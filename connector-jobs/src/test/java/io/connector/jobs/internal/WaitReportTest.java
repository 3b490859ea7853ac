package io.connector.jobs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import io.connector.api.job.JobCounts;
import io.connector.api.job.JobView;
import org.junit.jupiter.api.Test;

/** What connector:jobs --wait prints when the wait ends. */
class WaitReportTest {

    @Test
    void allDoneIsOneLine() {
        assertThat(WaitReport.lines(summary(new JobCounts(0, 0, 0, 0, 42, 0, 0, 0), List.of())))
                .containsExactly("Done: 42, failed: 0");
    }

    @Test
    void failuresAreListedWithTheirErrorAndTheWayToRetryThem() {
        List<JobView> failures = List.of(failed("u1", "remote said no\n  at line 2"), failed("u2", null));
        assertThat(WaitReport.lines(summary(new JobCounts(2, 0, 0, 0, 40, 2, 1, 2), failures))).containsExactly(
                "Done: 40, failed: 2, cancelled: 1, blocked: 2 (waiting for a failed job)",
                "  u1  remote said no",
                "  u2  ",
                "Retry the failed jobs with connector:job-retry --failed; the blocked ones run once the jobs they wait for are done");
    }

    @Test
    void beyondTenFailuresTheRestIsCounted() {
        List<JobView> failures = IntStream.range(0, JobWaiter.FAILURES_LISTED).mapToObj(i -> failed("u" + i, "bad " + i)).toList();
        List<String> report = WaitReport.lines(summary(new JobCounts(0, 0, 0, 0, 0, 25, 0, 0), failures));
        assertThat(report).hasSize(13).contains("  u9  bad 9", "  ... and 15 more: connector:jobs --state failed");
    }

    @Test
    void jobsBlockedByAnEarlierFailureSayWhereToLook() {
        assertThat(WaitReport.lines(summary(new JobCounts(3, 0, 0, 0, 5, 0, 0, 3), List.of()))).containsExactly(
                "Done: 5, failed: 0, blocked: 3 (waiting for a failed job)",
                "The blocked jobs wait for jobs that failed before: connector:jobs --state failed lists them, "
                        + "connector:job-retry --failed retries them");
    }

    private static JobWaiter.Summary summary(JobCounts counts, List<JobView> failures) {
        return new JobWaiter.Summary(counts, false, failures);
    }

    private static JobView failed(String uuid, String error) {
        return new JobView(uuid, "import_record", "failed", "root", 10, null, 1, 5, null, "{}", "b1", null, null, null, null,
                null, null, null, error, null, null, List.of());
    }
}
