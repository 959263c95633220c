package io.quartermaster.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Everything Quartermaster runs on, started and stopped as parts: the embedded PostgreSQL
 * and Artemis (or external ones given by {@code DB_URL} / {@code JMS_URL}) and any number of
 * Payara Micro instances of the one WAR on consecutive ports. {@code ./quartermaster run}
 * starts it whole; the fault suite also stops, kills and restarts single parts.
 */
public final class Stack implements AutoCloseable {

    /** One Payara Micro process serving the WAR. */
    public static final class Instance {
        private final int index;
        private final int port;
        private final Process process;

        Instance(int index, int port, Process process) {
            this.index = index;
            this.port = port;
            this.process = process;
        }

        public int index() {
            return index;
        }

        public int port() {
            return port;
        }

        public String baseUrl() {
            return "http://127.0.0.1:" + port;
        }

        public boolean alive() {
            return process.isAlive();
        }

        public long pid() {
            return process.pid();
        }
    }

    private final Path home;
    private final Path dataDir;
    private final Map<String, String> env;
    private final boolean durable;
    private final int dbPort;
    private final int jmsPort;
    private final int maxDeliveryAttempts;
    private final Map<String, String> appEnv = new HashMap<>();
    private final Map<Integer, Instance> instances = new TreeMap<>();
    private final Path logDir;
    private EmbeddedDatabase database;
    private EmbeddedBroker broker;
    private boolean prefixLogs;

    /**
     * @param env     the environment the operator gave ({@code DB_URL}, {@code JMS_URL}, {@code QM_*} …)
     * @param logDir  where each instance writes its log ({@code instance-N.log}); null: to this console,
     *                each line prefixed with the instance when there are several
     */
    public Stack(Path home, Path dataDir, Map<String, String> env, boolean durable, int dbPort, int jmsPort,
                 int maxDeliveryAttempts, Path logDir) {
        this.home = home;
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.env = env;
        this.durable = durable;
        this.dbPort = dbPort;
        this.jmsPort = jmsPort;
        this.maxDeliveryAttempts = maxDeliveryAttempts;
        this.logDir = logDir;
    }

    /** Prefix every console log line with its instance ("[i2] "): for runs with several instances. */
    public void prefixLogs(boolean prefix) {
        this.prefixLogs = prefix;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The environment every instance gets (after the services started): DB_URL, JMS_URL, … */
    public Map<String, String> appEnv() {
        return Map.copyOf(appEnv);
    }

    public void putAppEnv(String name, String value) {
        appEnv.put(name, value);
    }

    // ------------------------------------------------------------------ services

    public void startServices() throws Exception {
        Files.createDirectories(dataDir);
        appEnv.put("QM_DATA_DIR", dataDir.toString());
        if (blank(env.get("DB_URL"))) {
            say("Starting PostgreSQL (embedded" + (durable ? ", durable" : "") + ") on 127.0.0.1:" + dbPort
                    + ", data in " + dataDir.resolve("postgres"));
            startDatabase();
            appEnv.put("DB_URL", database.jdbcUrl());
            appEnv.put("DB_USER", EmbeddedDatabase.USER);
            appEnv.put("DB_PASSWORD", "");
        } else {
            say("Using the PostgreSQL at " + env.get("DB_URL"));
        }
        if (blank(env.get("JMS_URL"))) {
            say("Starting Artemis (embedded, persistent journal) on 127.0.0.1:" + jmsPort);
            startBroker();
            appEnv.put("JMS_URL", broker.url());
        } else {
            say("Using the Artemis broker at " + env.get("JMS_URL"));
        }
    }

    public synchronized void startDatabase() throws IOException {
        if (database == null) {
            database = EmbeddedDatabase.start(dataDir.resolve("postgres"), dbPort, durable);
        }
    }

    /** Stops the embedded PostgreSQL (fast shutdown: sessions are ended, open transactions roll back). */
    public synchronized void stopDatabase() throws IOException {
        if (database != null) {
            database.close();
            database = null;
        }
    }

    public synchronized EmbeddedDatabase database() {
        return database;
    }

    public synchronized void startBroker() throws Exception {
        if (broker == null) {
            broker = new EmbeddedBroker(dataDir.resolve("artemis"), jmsPort, maxDeliveryAttempts, 1000).start();
        } else {
            broker.start();
        }
    }

    public synchronized void stopBroker() throws Exception {
        if (broker != null) {
            broker.stop();
        }
    }

    /** The broker's URL as the instances use it. */
    public String jmsUrl() {
        return appEnv.getOrDefault("JMS_URL", env.get("JMS_URL"));
    }

    public String jdbcUrl() {
        return appEnv.getOrDefault("DB_URL", env.get("DB_URL"));
    }

    // ------------------------------------------------------------------ instances

    /** Starts instance {@code index} (1-based) on {@code port}; returns at once, see {@link #awaitReady}. */
    public synchronized Instance startInstance(int index, int port, Map<String, String> extraEnv) throws IOException {
        Instance running = instances.get(index);
        if (running != null && running.alive()) {
            throw new IllegalStateException("instance " + index + " is running");
        }
        Path war = home.resolve("web/target/quartermaster.war");
        Path logging = dataDir.resolve("payara-logging.properties");
        try (var in = Stack.class.getResourceAsStream("/payara-logging.properties")) {
            Files.copy(in, logging, StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms256m", "-Xmx" + env.getOrDefault("QM_HEAP", "1g")));
        String jvmOptions = env.getOrDefault("QM_JVM_OPTS", "");
        if (!jvmOptions.isBlank()) {
            command.addAll(List.of(jvmOptions.trim().split("\\s+")));
        }
        command.addAll(List.of(
                "-jar", payaraMicro().toString(),
                "--deploy", war.toString(),
                "--contextroot", "/",
                "--port", String.valueOf(port),
                "--nocluster", "--nohazelcast",
                "--logproperties", logging.toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(appEnv);
        builder.environment().put("QM_HTTP_PORT", String.valueOf(port));
        builder.environment().put("QM_INSTANCE", String.valueOf(index));
        builder.environment().putAll(extraEnv);
        builder.redirectErrorStream(true);
        if (logDir != null) {
            Files.createDirectories(logDir);
            Path log = logDir.resolve("instance-" + index + ".log");
            Files.writeString(log, "", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        }
        Process process = builder.start();
        if (logDir == null) {
            String prefix = prefixLogs ? "[i" + index + "] " : "";
            pipe(process, prefix, System.out);
        }
        Instance instance = new Instance(index, port, process);
        instances.put(index, instance);
        return instance;
    }

    public synchronized List<Instance> instances() {
        return List.copyOf(instances.values());
    }

    public synchronized Instance instance(int index) {
        return instances.get(index);
    }

    /** SIGKILL: no shutdown hook, no commit in flight finishes — a crashed machine as far as we are concerned. */
    public void kill(Instance instance) throws InterruptedException {
        instance.process.destroyForcibly();
        instance.process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM and wait: Payara shuts the application down. */
    public void stop(Instance instance) {
        if (!instance.process.isAlive()) {
            return;
        }
        instance.process.destroy();
        try {
            if (!instance.process.waitFor(30, TimeUnit.SECONDS)) {
                instance.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            instance.process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until {@code /health/ready} answers 200, or the process died, or the time is up (then says what it saw last). */
    public static boolean awaitReady(Instance instance, Duration timeout) throws InterruptedException {
        // HTTP/1.1: the JDK client's default asks for an h2c upgrade, and Payara Micro 6 sometimes never answers
        // an upgraded connection; the client then times out on it for good (seen: 5 minutes of timeouts).
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer yet";
        while (System.nanoTime() < deadline && instance.alive()) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(instance.baseUrl() + "/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return true;
                }
                last = response.statusCode() + " " + response.body();
            } catch (IOException e) {
                last = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            Thread.sleep(500);
        }
        say("Instance " + instance.index() + (instance.alive() ? " not ready after " + timeout.toSeconds() + " s" : " exited")
                + "; last health answer: " + (last.length() > 500 ? last.substring(0, 500) : last));
        return false;
    }

    /** Reverse order of start: the instances first, so none runs without its database. */
    @Override
    public void close() {
        List<Instance> all;
        synchronized (this) {
            all = new ArrayList<>(instances.values());
        }
        if (all.stream().anyMatch(Instance::alive)) {
            say("Stopping Payara Micro" + (all.size() > 1 ? " (" + all.size() + " instances)" : "") + " ...");
        }
        all.forEach(i -> i.process.destroy());
        all.forEach(this::stop);
        if (broker != null && broker.running()) {
            say("Stopping Artemis ...");
            try {
                broker.stop();
            } catch (Exception e) {
                say("Artemis did not stop cleanly: " + e.getMessage());
            }
        }
        if (database != null) {
            say("Stopping PostgreSQL ...");
            try {
                stopDatabase();
            } catch (IOException e) {
                say("PostgreSQL did not stop cleanly: " + e.getMessage());
            }
        }
    }

    private Path payaraMicro() throws IOException {
        Path runtime = home.resolve("launcher/target/runtime");
        try (Stream<Path> files = Files.list(runtime)) {
            return files.filter(p -> p.getFileName().toString().startsWith("payara-micro-"))
                    .findFirst()
                    .orElseThrow(() -> new IOException("no Payara Micro in " + runtime + "; run the build first"));
        }
    }

    private static void pipe(Process process, String prefix, PrintStream out) {
        Thread pump = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    out.println(prefix + line);
                }
            } catch (IOException e) {
                // the process ended and its output was closed
            }
        }, "log-" + process.pid());
        pump.setDaemon(true);
        pump.start();
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public static void say(String line) {
        System.out.println("[quartermaster] " + line);
        System.out.flush();
    }
}
