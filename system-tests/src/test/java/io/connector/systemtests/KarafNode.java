package io.connector.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One ready distribution, run as an operator runs it: the tarball unpacked into
 * {@code target/nodes/NAME}, free ports for SSH and RMI on 127.0.0.1, the store's datasource
 * (the distribution's H2 file, or PostgreSQL), {@code bin/start}, shell commands through
 * {@code bin/connector}, {@code kill -9}, {@code bin/stop}. Every node started is killed when the
 * test closes it, and by a shutdown hook if the test JVM goes first.
 */
final class KarafNode implements AutoCloseable {

    private static final Set<KarafNode> STARTED = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> STARTED.forEach(KarafNode::killQuietly), "karaf-nodes-killer"));
    }

    private final String name;
    private final Path home;
    private final StoreDatabase database;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private volatile long pid = -1;
    private int starts;

    private KarafNode(String name, Path home, StoreDatabase database) {
        this.name = name;
        this.home = home;
        this.database = database;
    }

    /**
     * Unpacks the distribution into {@code target/nodes/NAME} (removing what an earlier run left there)
     * and configures its ports, its datasource and its node id ({@code NAME}).
     */
    static KarafNode unpack(String name, StoreDatabase database) throws Exception {
        Path tarball = Path.of(System.getProperty("distribution.tarball", "../distribution/target/distribution-0.2.0-SNAPSHOT.tar.gz"));
        Path installed = Path.of(System.getProperty("distribution.installed", tarball.toString()));
        if (!Files.isRegularFile(tarball)) {
            tarball = installed;
        }
        if (!Files.isRegularFile(tarball)) {
            throw new IllegalStateException("No distribution tarball at " + tarball.toAbsolutePath()
                    + ": build the distribution module first (mvn install -DskipTests)");
        }
        Path home = Path.of(System.getProperty("nodes.dir", "target/nodes")).resolve(name).toAbsolutePath();
        deleteTree(home);
        Files.createDirectories(home);
        run(List.of("tar", "xzf", tarball.toAbsolutePath().toString(), "-C", home.toString(), "--strip-components=1"), home,
                Duration.ofSeconds(60));
        KarafNode node = new KarafNode(name, home, database);
        node.setProperty("etc/org.apache.karaf.shell.cfg", "sshPort", Integer.toString(freePort()));
        node.setProperty("etc/org.apache.karaf.shell.cfg", "sshHost", "127.0.0.1");
        node.setProperty("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", Integer.toString(freePort()));
        node.setProperty("etc/org.apache.karaf.management.cfg", "rmiServerPort", Integer.toString(freePort()));
        // Karaf's own shutdown socket would take a random port at start: now and then the one chosen
        // above for SSH, whose server then could not bind ("Address already in use") while the shell
        // client knocked on the shutdown socket ("Invalid command received") until awaitReady gave up.
        node.setProperty("etc/custom.properties", "karaf.shutdown.port", Integer.toString(freePort()));
        node.jobs("node.id", name);
        database.configure(node);
        return node;
    }

    String name() {
        return name;
    }

    Path home() {
        return home;
    }

    Path log() {
        return home.resolve("data/log/karaf.log");
    }

    StoreDatabase database() {
        return database;
    }

    /** Sets a property of the job queue's configuration, etc/io.connector.jobs.cfg. */
    KarafNode jobs(String key, String value) throws IOException {
        setProperty("etc/io.connector.jobs.cfg", key, value);
        return this;
    }

    /**
     * Writes a backend record as an operator would by hand: etc/io.connector.backend-NAME.cfg. (Karaf
     * 4.4.10's file install reads PID-NAME.cfg as a factory configuration; PID~NAME.cfg becomes a
     * plain configuration of that PID, which no backend record follows.)
     */
    KarafNode backend(BackendFile backend) throws IOException {
        StringBuilder text = new StringBuilder("# Written by the system tests\n");
        backend.properties().forEach((key, value) -> text.append(key).append(" = ").append(value).append('\n'));
        Files.writeString(home.resolve("etc/" + backend.fileName()), text);
        return this;
    }

    /** Replaces {@code key}'s line in an etc/ file, or appends one. */
    void setProperty(String file, String key, String value) throws IOException {
        Path path = home.resolve(file);
        List<String> lines = Files.exists(path) ? new ArrayList<>(Files.readAllLines(path)) : new ArrayList<>();
        Pattern line = Pattern.compile("^\\s*" + Pattern.quote(key) + "\\s*[=:].*");
        boolean replaced = false;
        for (int i = 0; i < lines.size(); i++) {
            if (line.matcher(lines.get(i)).matches()) {
                lines.set(i, key + " = " + value);
                replaced = true;
            }
        }
        if (!replaced) {
            lines.add(key + " = " + value);
        }
        Files.write(path, lines);
    }

    String property(String file, String key) throws IOException {
        Pattern line = Pattern.compile("^\\s*" + Pattern.quote(key) + "\\s*[=:]\\s*(.*?)\\s*$");
        for (String text : Files.readAllLines(home.resolve(file))) {
            Matcher m = line.matcher(text);
            if (m.matches()) {
                return m.group(1);
            }
        }
        return null;
    }

    /** An environment variable of the node's process from its next start, as bin/setenv would export it. */
    KarafNode environment(String key, String value) {
        environment.put(key, value);
        return this;
    }

    /** {@code bin/start}; {@link #awaitReady} waits for the node to answer. */
    void start() throws Exception {
        if (running()) {
            throw new IllegalStateException("Node " + name + " is running already (pid " + pid + ")");
        }
        Files.deleteIfExists(home.resolve("karaf.pid"));
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/start").toString()).directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("start.log").toFile()));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        // Karaf's own console output (before its log is configured), kept for a failure's reader.
        builder.environment().put("KARAF_REDIRECT", home.resolve("karaf.out").toString());
        builder.environment().putAll(environment);
        Process start = builder.start();
        if (!start.waitFor(60, TimeUnit.SECONDS) || start.exitValue() != 0) {
            start.destroyForcibly();
            throw new IllegalStateException("bin/start of node " + name + " failed; see " + home.resolve("start.log"));
        }
        starts++;
        Path pidFile = home.resolve("karaf.pid");
        String text = Waits.await("node " + name + " writing karaf.pid", Duration.ofSeconds(30), log(), () -> {
            String read = Files.exists(pidFile) ? Files.readString(pidFile).trim() : "";
            return read.matches("\\d+") ? read : null;
        });
        pid = Long.parseLong(text);
        STARTED.add(this);
    }

    /**
     * Waits until this start's job runner has started (its log line, once per start) and the shell
     * answers through bin/connector.
     */
    void awaitReady(Duration timeout) throws Exception {
        try {
            awaitReadyOnce(timeout);
        } catch (AssertionError e) {
            // A first boot has stalled now and then in Karaf's refresh after pax-logging restarted,
            // leaving nothing in the log: the threads at the timeout are what can tell why.
            throw new AssertionError(e.getMessage() + "; the node's threads then: " + threadDump(), e);
        }
    }

    /** {@code jstack} of the node into {@code threads-PID.txt} of its home, or why there is none. */
    private String threadDump() {
        if (!running()) {
            return "none (the process is gone)";
        }
        Path dump = home.resolve("threads-" + pid + ".txt");
        try {
            Process jstack = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jstack").toString(),
                    Long.toString(pid)).redirectErrorStream(true).redirectOutput(dump.toFile()).start();
            return jstack.waitFor(30, java.util.concurrent.TimeUnit.SECONDS) ? dump.toString() : "jstack did not end within 30 s";
        } catch (IOException e) {
            return "none (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "none (interrupted)";
        }
    }

    private void awaitReadyOnce(Duration timeout) throws Exception {
        int expected = starts;
        Waits.await("node " + name + "'s job runner starting (start " + expected + ") and its shell answering", timeout, log(), () -> {
            if (!running()) {
                throw new AssertionError("Node " + name + " (pid " + pid + ") died while starting; see " + log() + " and "
                        + home.resolve("karaf.out"));
            }
            if (count(logText(), Pattern.compile("Job runner " + Pattern.quote(name) + "#\\S+ started")) < expected) {
                return null;
            }
            Shell shell = shell("connector:backend-list", Duration.ofSeconds(20));
            return shell.status() == 0 ? Boolean.TRUE : null;
        });
    }

    /** Waits until the backend record {@code backend} is active on this node. */
    void awaitBackend(String backend, Duration timeout) throws Exception {
        Waits.await("backend record " + backend + " active on node " + name + " (connector:backend-list)", timeout, log(), () -> {
            Shell shell = shell("connector:backend-list", Duration.ofSeconds(20));
            // Name | Backend | Location | Username | Id | Status
            return shell.status() == 0 && shell.output().lines().map(l -> l.split("\\|")).anyMatch(cells -> cells.length >= 6
                    && cells[0].trim().equals(backend) && cells[cells.length - 1].trim().equals("ok")) ? Boolean.TRUE : null;
        });
    }

    /** What one bin/connector call printed, and its exit status. */
    record Shell(int status, String output) {
    }

    /** Runs one shell command through bin/connector; its exit status is the command's. */
    Shell shell(String command, Duration timeout) throws Exception {
        // Into a file, not a pipe: a long answer would fill the pipe and stall the command.
        Path output = Files.createTempFile(home, "shell-", ".out");
        try {
            Process process = new ProcessBuilder(home.resolve("bin/connector").toString(), command).directory(home.toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                // bin/connector is a script: its ssh and sed go too.
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new AssertionError("bin/connector '" + command + "' on node " + name + " did not end within "
                        + timeout.toSeconds() + " s; see " + log());
            }
            return new Shell(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** Runs one shell command, which must succeed; returns what it printed. */
    String connector(String command, Duration timeout) throws Exception {
        Shell shell = shell(command, timeout);
        if (shell.status() != 0 || shell.output().contains("Error executing command")) {
            throw new AssertionError("bin/connector '" + command + "' on node " + name + " failed (exit " + shell.status() + "):\n"
                    + shell.output() + "see " + log());
        }
        return shell.output();
    }

    String connector(String command) throws Exception {
        return connector(command, Duration.ofSeconds(60));
    }

    /**
     * A query through the node's shell ({@code jdbc:query connector SQL}), on whichever database the
     * node has: one map per row, by column name in upper case (H2 upper-cases unquoted aliases,
     * PostgreSQL lower-cases them). The SQL must hold no backslash and no {@code $}: Karaf's parser
     * would read them.
     */
    List<Map<String, String>> query(String sql) throws Exception {
        if (sql.contains("\\") || sql.contains("$")) {
            throw new IllegalArgumentException("No backslash or $ in a query through the shell: " + sql);
        }
        // jdbc:query joins its arguments into one string in double quotes: quoted identifiers are escaped.
        String output = connector("jdbc:query connector " + sql.replace("\"", "\\\""));
        List<String> lines = output.lines().filter(l -> !l.isBlank()).toList();
        if (lines.size() < 2) {
            throw new AssertionError("jdbc:query on node " + name + " printed no table for " + sql + ":\n" + output);
        }
        List<String> columns = Stream.of(lines.get(0).split("\\|")).map(c -> c.trim().toUpperCase(Locale.ROOT)).toList();
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(2, lines.size())) {
            String[] cells = line.split("\\|", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                row.put(columns.get(i), i < cells.length ? cells[i].trim() : "");
            }
            rows.add(row);
        }
        return rows;
    }

    /** A query through the shell answering one number, e.g. {@code SELECT COUNT(*) AS n FROM ...}. */
    long queryLong(String sql) throws Exception {
        List<Map<String, String>> rows = query(sql);
        if (rows.size() != 1 || rows.get(0).size() != 1) {
            throw new AssertionError("Expected one value from " + sql + " on node " + name + ", got " + rows);
        }
        return Long.parseLong(rows.get(0).values().iterator().next());
    }

    /** {@code kill -9}: no shutdown hook, no rollback sent, no lock released but by the system. */
    void kill9() throws Exception {
        long victim = pid;
        run(List.of("kill", "-9", Long.toString(victim)), home, Duration.ofSeconds(10));
        Waits.await("node " + name + " (pid " + victim + ") gone after kill -9", Duration.ofSeconds(30), log(),
                () -> alive(victim) ? null : Boolean.TRUE);
        pid = -1;
        STARTED.remove(this);
    }

    /** {@code bin/stop}, waiting for the process to end; kill -9 when it does not within a minute. */
    void stop() throws Exception {
        if (!running()) {
            return;
        }
        long stopping = pid;
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/stop").toString()).directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("start.log").toFile()));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process stop = builder.start();
        stop.waitFor(30, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (alive(stopping) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        if (alive(stopping)) {
            kill9();
            throw new AssertionError("Node " + name + " did not stop within 60 s of bin/stop; killed it. See " + log());
        }
        pid = -1;
        STARTED.remove(this);
    }

    boolean running() {
        return pid > 0 && alive(pid);
    }

    /** The job counts of every "Took back N jobs that this node (NAME) held" line, in order. */
    List<Integer> tookBack() throws IOException {
        Matcher m = Pattern.compile("Took back (\\d+) jobs that this node \\(" + Pattern.quote(name) + "\\) held").matcher(logText());
        List<Integer> counts = new ArrayList<>();
        while (m.find()) {
            counts.add(Integer.parseInt(m.group(1)));
        }
        return counts;
    }

    String logText() throws IOException {
        return Files.exists(log()) ? Files.readString(log()) : "";
    }

    @Override
    public void close() {
        killQuietly();
    }

    private void killQuietly() {
        long victim = pid;
        if (victim > 0) {
            ProcessHandle.of(victim).ifPresent(ProcessHandle::destroyForcibly);
            pid = -1;
        }
        STARTED.remove(this);
    }

    @Override
    public String toString() {
        return "node " + name + " at " + home;
    }

    /**
     * Whether any thread of the process is left: a zombie waiting to be reaped is gone, but a
     * killed JVM's main thread turns zombie while its other threads still exit, holding its open
     * files (and the H2 file's lock) until the last one has.
     */
    private static boolean alive(long pid) {
        if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            return false;
        }
        try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return !stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z") || tasks.count() > 1;
        } catch (IOException e) {
            return false; // gone meanwhile
        }
    }

    private static long count(String text, Pattern pattern) {
        return pattern.matcher(text).results().count();
    }

    /** The ports {@link #freePort} gave, none twice in a test run: they are only free until taken. */
    private static final java.util.Set<Integer> GIVEN = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static int freePort() throws IOException {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                if (GIVEN.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            }
        }
    }

    private static void run(List<String> command, Path directory, Duration timeout) throws Exception {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(command + " did not end within " + timeout.toSeconds() + " s");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(command + " failed: " + new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
