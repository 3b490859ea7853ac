package io.connector.jobs.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Channels and what they allow to start, from typed configurations or a shorthand like
 * {@code root:4,root.magento:2,root.magento.sale:1:sequential,root.mail:1:throttle=2}: a name
 * (children of {@code root} may leave out {@code root.}), a capacity (1 when left out), and
 * options: {@code sequential} (capacity 1, and a failed job stops the channel until it is
 * requeued or set done) and {@code throttle=N} (at most one start per N seconds). A job counts
 * against its channel and every parent of it. An unknown channel is root's.
 */
public final class ChannelTree {

    public static final String ROOT = "root";

    /** A channel as configured. */
    public record Channel(String name, int capacity, boolean sequential, Duration throttle, String parent) {
    }

    /** A pending job, as the picker sees it. */
    public record Candidate(long id, String channel) {
    }

    private final Map<String, Channel> channels;

    private ChannelTree(Map<String, Channel> channels) {
        this.channels = channels;
    }

    /** The channels of a shorthand configuration; a malformed one is an error that quotes it. */
    public static ChannelTree parse(String configuration) {
        return of(parseChannels(configuration));
    }

    /** The channels a shorthand configuration names, as given, parents not linked yet. */
    public static List<Channel> parseChannels(String configuration) {
        List<Channel> channels = new ArrayList<>();
        if (configuration == null || configuration.isBlank()) {
            return channels;
        }
        for (String entry : configuration.split(",")) {
            String[] parts = entry.trim().split(":");
            int capacity = 1;
            boolean sequential = false;
            long throttle = 0;
            for (int i = 1; i < parts.length; i++) {
                String part = parts[i].trim();
                if (part.matches("\\d+") && i == 1) {
                    capacity = Integer.parseInt(part);
                } else if (part.equals("sequential")) {
                    sequential = true;
                } else if (part.matches("throttle=\\d+")) {
                    throttle = Long.parseLong(part.substring("throttle=".length()));
                } else {
                    throw new IllegalArgumentException("Invalid option '" + part + "' of channel " + normalize(parts[0].trim()) + " in '"
                            + configuration + "': a capacity, 'sequential' or 'throttle=SECONDS'");
                }
            }
            channels.add(channel(parts[0].trim(), capacity, sequential, throttle));
        }
        return channels;
    }

    /** One channel, checked: a valid name, a capacity of at least 1, and 1 when sequential. */
    public static Channel channel(String name, int capacity, boolean sequential, long throttleSeconds) {
        String normalized = name == null ? "" : normalize(name.trim());
        if (name == null || name.isBlank() || !normalized.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("Invalid channel name '" + name + "': letters, digits, '_', '-' and '.'");
        }
        if (capacity < 1) {
            throw new IllegalArgumentException("Channel " + normalized + " needs a capacity of at least 1");
        }
        if (sequential && capacity != 1) {
            throw new IllegalArgumentException("Channel " + normalized + " is sequential: its capacity must be 1, not " + capacity);
        }
        if (throttleSeconds < 0) {
            throw new IllegalArgumentException("Channel " + normalized + ": the throttle is 0 or more seconds, not " + throttleSeconds);
        }
        String parent = normalized.equals(ROOT) ? null : normalized.substring(0, normalized.lastIndexOf('.'));
        return new Channel(normalized, capacity, sequential, Duration.ofSeconds(throttleSeconds), parent);
    }

    /**
     * The tree of these channels, a later one of a name replacing an earlier one; root is there
     * with capacity 1 unless given. A child whose parent is not configured hangs from its nearest
     * configured ancestor.
     */
    public static ChannelTree of(List<Channel> configured) {
        Map<String, Channel> channels = new LinkedHashMap<>();
        channels.put(ROOT, new Channel(ROOT, 1, false, Duration.ZERO, null));
        configured.forEach(c -> channels.put(c.name(), c));
        Map<String, Channel> linked = new LinkedHashMap<>();
        for (Channel c : channels.values()) {
            String parent = c.parent();
            while (parent != null && !channels.containsKey(parent)) {
                parent = parent.contains(".") ? parent.substring(0, parent.lastIndexOf('.')) : null;
            }
            linked.put(c.name(), new Channel(c.name(), c.capacity(), c.sequential(), c.throttle(),
                    c.name().equals(ROOT) ? null : parent == null ? ROOT : parent));
        }
        return new ChannelTree(linked);
    }

    /** {@code magento} and {@code root.magento} are the same channel. */
    public static String normalize(String name) {
        return name.equals(ROOT) || name.startsWith(ROOT + ".") ? name : ROOT + "." + name;
    }

    public Collection<Channel> channels() {
        return channels.values();
    }

    public boolean isKnown(String name) {
        return channels.containsKey(normalize(name));
    }

    /** The configured channel a job of {@code name} runs in: itself, or root when unknown. */
    public Channel resolve(String name) {
        Channel channel = name == null ? null : channels.get(normalize(name));
        return channel != null ? channel : channels.get(ROOT);
    }

    /** The channel and its parents, up to root. */
    public List<Channel> lineage(Channel channel) {
        List<Channel> lineage = new ArrayList<>();
        for (Channel c = channel; c != null; c = c.parent() == null ? null : channels.get(c.parent())) {
            lineage.add(c);
        }
        return lineage;
    }

    /** What is running per configured channel, counted against it and every parent. */
    public Map<String, Integer> load(Map<String, Integer> runningByJobChannel) {
        Map<String, Integer> load = new HashMap<>();
        runningByJobChannel.forEach((name, count) -> {
            for (Channel c : lineage(resolve(name))) {
                load.merge(c.name(), count, Integer::sum);
            }
        });
        return load;
    }

    /** The configured channels that cannot start anything now: what the claim query leaves out. */
    public Set<String> closed(Map<String, Integer> load, Set<String> stoppedSequential, Map<String, Instant> lastStart, Instant now) {
        Set<String> closed = new java.util.HashSet<>();
        for (Channel c : channels.values()) {
            if (!canStart(c, load, stoppedSequential, lastStart, now)) {
                closed.add(c.name());
            }
        }
        return closed;
    }

    private boolean canStart(Channel c, Map<String, Integer> load, Set<String> stoppedSequential,
            Map<String, Instant> lastStart, Instant now) {
        for (Channel step : lineage(c)) {
            if (load.getOrDefault(step.name(), 0) >= step.capacity()) {
                return false;
            }
            if (step.sequential() && stoppedSequential.contains(step.name())) {
                return false;
            }
            Instant last = lastStart.get(step.name());
            if (!step.throttle().isZero() && last != null && last.plus(step.throttle()).isAfter(now)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Picks, in the candidates' order (eta, priority, creation), what may start now, at most
     * {@code slots}: each pick counts against its channel and the parents, a throttled channel
     * starts one. {@code load} and {@code lastStart} are updated with the picks.
     */
    public List<Candidate> pick(List<Candidate> candidates, Map<String, Integer> load, Set<String> stoppedSequential,
            Map<String, Instant> lastStart, Instant now, int slots) {
        List<Candidate> picked = new ArrayList<>();
        for (Candidate candidate : candidates) {
            if (picked.size() >= slots) {
                break;
            }
            Channel channel = resolve(candidate.channel());
            if (!canStart(channel, load, stoppedSequential, lastStart, now)) {
                continue;
            }
            for (Channel step : lineage(channel)) {
                load.merge(step.name(), 1, Integer::sum);
                if (!step.throttle().isZero()) {
                    lastStart.put(step.name(), now);
                }
            }
            picked.add(candidate);
        }
        return picked;
    }

    /** The job channel names that resolve into {@code configured}'s subtree; for leaving them out of a query. */
    public boolean inSubtree(String jobChannel, String configured) {
        return lineage(resolve(jobChannel)).stream().anyMatch(c -> c.name().equals(configured));
    }
}
