package io.connector.jobs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.connector.jobs.internal.ChannelTree.Candidate;
import org.junit.jupiter.api.Test;

class ChannelTreeTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private static List<Candidate> candidates(String... channelAndId) {
        List<Candidate> list = new ArrayList<>();
        for (int i = 0; i < channelAndId.length; i++) {
            list.add(new Candidate(i + 1, channelAndId[i]));
        }
        return list;
    }

    @Test
    void parsesCapacitiesOptionsAndParents() {
        ChannelTree tree = ChannelTree.parse("root:4,root.magento:2,root.magento.sale:1:sequential,root.mail:1:throttle=2,batch");
        assertThat(tree.resolve("root.magento.sale").sequential()).isTrue();
        assertThat(tree.resolve("magento.sale").parent()).isEqualTo("root.magento");
        assertThat(tree.resolve("root.mail").throttle()).isEqualTo(Duration.ofSeconds(2));
        assertThat(tree.resolve("batch").capacity()).as("capacity left out is 1").isEqualTo(1);
        assertThat(tree.resolve("root.magento.sale").name()).isEqualTo("root.magento.sale");
        assertThat(tree.resolve("root.unknown").name()).as("an unknown channel is root's").isEqualTo("root");
        assertThat(tree.isKnown("root.unknown")).isFalse();
        assertThat(tree.resolve("root.magento.sale.eu").name()).as("not configured: root").isEqualTo("root");
        assertThat(ChannelTree.parse("root.a.b:3").resolve("root.a.b").parent()).as("nearest configured ancestor").isEqualTo("root");
    }

    @Test
    void badConfigurationsSayWhatIsWrong() {
        assertThatThrownBy(() -> ChannelTree.parse("root:4,root.sale:2:sequential"))
                .hasMessage("Channel root.sale is sequential: its capacity must be 1, not 2");
        assertThatThrownBy(() -> ChannelTree.parse("root:4,mail:1:slow"))
                .hasMessageStartingWith("Invalid option 'slow' of channel root.mail");
        assertThatThrownBy(() -> ChannelTree.parse("root:0")).hasMessage("Channel root needs a capacity of at least 1");
    }

    /** The reference's worked example: root:4, A:4, B:1; A1..A6 priority 10, B1..B2 priority 5. */
    @Test
    void theWorkedExampleHolds() {
        ChannelTree tree = ChannelTree.parse("root:4,A:4,B:1");
        // In claim order (eta, priority, creation): B1, B2, then A1..A6.
        List<Candidate> pending = new ArrayList<>(List.of(new Candidate(11, "B"), new Candidate(12, "B")));
        for (int i = 1; i <= 6; i++) {
            pending.add(new Candidate(i, "A"));
        }
        Map<String, Integer> load = new HashMap<>();
        List<Candidate> first = tree.pick(pending, load, Set.of(), new HashMap<>(), NOW, 10);
        assertThat(first).extracting(Candidate::id).containsExactly(11L, 1L, 2L, 3L);

        // A2 finishes: A4 starts.
        Map<String, Integer> running = Map.of("root.B", 1, "root.A", 2);
        List<Candidate> afterA2 = tree.pick(List.of(new Candidate(12, "B"), new Candidate(4, "A"), new Candidate(5, "A")),
                tree.load(running), Set.of(), new HashMap<>(), NOW, 10);
        assertThat(afterA2).extracting(Candidate::id).containsExactly(4L);

        // B1 finishes: B2 starts.
        List<Candidate> afterB1 = tree.pick(List.of(new Candidate(12, "B"), new Candidate(5, "A")),
                tree.load(Map.of("root.A", 3)), Set.of(), new HashMap<>(), NOW, 10);
        assertThat(afterB1).extracting(Candidate::id).containsExactly(12L);
    }

    @Test
    void aChildsJobsCountAgainstItsParents() {
        ChannelTree tree = ChannelTree.parse("root:10,root.magento:2,root.magento.sale:2");
        List<Candidate> picked = tree.pick(candidates("root.magento.sale", "root.magento.sale", "root.magento", "root"),
                new HashMap<>(), Set.of(), new HashMap<>(), NOW, 10);
        assertThat(picked).extracting(Candidate::id).containsExactly(1L, 2L, 4L);
    }

    @Test
    void aSequentialChannelRunsOneAndStopsOnAFailedJob() {
        ChannelTree tree = ChannelTree.parse("root:4,sale:1:sequential");
        assertThat(tree.pick(candidates("sale", "sale"), new HashMap<>(), Set.of(), new HashMap<>(), NOW, 4))
                .extracting(Candidate::id).containsExactly(1L);
        assertThat(tree.pick(candidates("sale", "root"), new HashMap<>(), Set.of("root.sale"), new HashMap<>(), NOW, 4))
                .as("stopped by a failed job until it is requeued").extracting(Candidate::id).containsExactly(2L);
    }

    @Test
    void aThrottledChannelStartsOnePerPeriod() {
        ChannelTree tree = ChannelTree.parse("root:4,mail:1:throttle=2");
        Map<String, Instant> lastStart = new HashMap<>();
        assertThat(tree.pick(candidates("mail"), new HashMap<>(), Set.of(), lastStart, NOW, 4)).hasSize(1);
        assertThat(tree.pick(candidates("mail"), new HashMap<>(), Set.of(), lastStart, NOW.plusSeconds(1), 4)).isEmpty();
        assertThat(tree.pick(candidates("mail"), new HashMap<>(), Set.of(), lastStart, NOW.plusSeconds(2), 4)).hasSize(1);
    }

    @Test
    void closedChannelsAreWhatTheClaimLeavesOut() {
        ChannelTree tree = ChannelTree.parse("root:4,A:1,B:2");
        assertThat(tree.closed(tree.load(Map.of("root.A", 1)), Set.of(), Map.of(), NOW)).containsExactly("root.A");
        assertThat(tree.closed(tree.load(Map.of("root.A", 1, "root.B", 2, "root.x", 1)), Set.of(), Map.of(), NOW))
                .containsExactlyInAnyOrder("root", "root.A", "root.B");
    }

    @Test
    void retryPatternsPickTheLargestKeyAtOrBelowTheRetry() {
        RetryPattern pattern = RetryPattern.parse("1:60,2:180,3:10,5:300");
        assertThat(pattern.delay(1)).hasSeconds(60);
        assertThat(pattern.delay(2)).hasSeconds(180);
        assertThat(pattern.delay(3)).hasSeconds(10);
        assertThat(pattern.delay(4)).hasSeconds(10);
        assertThat(pattern.delay(9)).hasSeconds(300);
        assertThat(RetryPattern.parse("3:10").delay(1)).as("below the smallest key").isEqualTo(RetryPattern.DEFAULT);
        assertThat(RetryPattern.NONE.delay(1)).isEqualTo(RetryPattern.DEFAULT);
        for (int i = 0; i < 50; i++) {
            assertThat(RetryPattern.parse("1:10-20").delay(1).toSeconds()).isBetween(10L, 20L);
        }
        assertThatThrownBy(() -> RetryPattern.parse("1:60,two:3")).hasMessageStartingWith("Invalid retry pattern '1:60,two:3' at 'two:3'");
        assertThatThrownBy(() -> RetryPattern.parse("1:60-10")).hasMessageContaining("at '1:60-10'");
    }
}
