package io.quartermaster.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code ./quartermaster run}: starts PostgreSQL and Artemis embedded (unless {@code DB_URL}
 * / {@code JMS_URL} point at running ones), then Payara Micro with the WAR, waits until it is
 * ready, prints where to go, and on Ctrl-C or SIGTERM stops all three in reverse order.
 */
public final class Launcher {

    private static final int DEFAULT_HTTP_PORT = 8080;
    private static final int DEFAULT_DB_PORT = 55432;
    private static final int DEFAULT_JMS_PORT = 61616;

    private final Map<String, String> env;
    private final Path home;
    private EmbeddedDatabase database;
    private EmbeddedBroker broker;
    private Process server;
    private volatile boolean stopping;

    private Launcher(Map<String, String> env, Path home) {
        this.env = env;
        this.home = home;
    }

    public static void main(String[] args) throws Exception {
        try (var config = Launcher.class.getResourceAsStream("/launcher-logging.properties")) {
            java.util.logging.LogManager.getLogManager().readConfiguration(config);
        }
        Options options = Options.parse(args, System.getenv());
        if (options == null) {
            System.err.println("usage: quartermaster run [--port N] [--demo] [--data-dir DIR]");
            System.exit(2);
        }
        Path home = Path.of(System.getProperty("qm.home", ".")).toAbsolutePath().normalize();
        Launcher launcher = new Launcher(System.getenv(), home);
        Runtime.getRuntime().addShutdownHook(new Thread(launcher::stop, "quartermaster-stop"));
        int exit = launcher.run(options);
        System.exit(exit);
    }

    record Options(int port, boolean demo, Path dataDir) {

        static Options parse(String[] args, Map<String, String> env) {
            int port = Integer.parseInt(env.getOrDefault("QM_HTTP_PORT", String.valueOf(DEFAULT_HTTP_PORT)));
            boolean demo = false;
            Path dataDir = env.containsKey("QM_DATA_DIR") ? Path.of(env.get("QM_DATA_DIR")) : null;
            List<String> rest = new ArrayList<>(List.of(args));
            if (!rest.isEmpty() && rest.get(0).equals("run")) {
                rest.remove(0);
            }
            for (int i = 0; i < rest.size(); i++) {
                switch (rest.get(i)) {
                    case "--port" -> port = Integer.parseInt(rest.get(++i));
                    case "--demo" -> demo = true;
                    case "--data-dir" -> dataDir = Path.of(rest.get(++i));
                    default -> {
                        return null;
                    }
                }
            }
            return new Options(port, demo, dataDir);
        }
    }

    private int run(Options options) throws Exception {
        Path dataDir = (options.dataDir() != null ? options.dataDir() : home.resolve(".quartermaster-data"))
                .toAbsolutePath().normalize();
        Files.createDirectories(dataDir);
        Map<String, String> appEnv = new HashMap<>();
        long started = System.nanoTime();

        if (blank(env.get("DB_URL"))) {
            int dbPort = Integer.parseInt(env.getOrDefault("QM_DB_PORT", String.valueOf(DEFAULT_DB_PORT)));
            say("Starting PostgreSQL (embedded, durable) on 127.0.0.1:" + dbPort + ", data in " + dataDir.resolve("postgres"));
            database = EmbeddedDatabase.start(dataDir.resolve("postgres"), dbPort, true);
            appEnv.put("DB_URL", database.jdbcUrl());
            appEnv.put("DB_USER", EmbeddedDatabase.USER);
            appEnv.put("DB_PASSWORD", "");
        } else {
            say("Using the PostgreSQL at " + env.get("DB_URL"));
        }
        if (blank(env.get("JMS_URL"))) {
            int jmsPort = Integer.parseInt(env.getOrDefault("QM_JMS_PORT", String.valueOf(DEFAULT_JMS_PORT)));
            say("Starting Artemis (embedded, persistent journal) on 127.0.0.1:" + jmsPort);
            broker = new EmbeddedBroker(dataDir.resolve("artemis"), jmsPort, 10, 1000).start();
            appEnv.put("JMS_URL", broker.url());
        } else {
            say("Using the Artemis broker at " + env.get("JMS_URL"));
        }
        appEnv.put("QM_DATA_DIR", dataDir.toString());
        appEnv.put("QM_HTTP_PORT", String.valueOf(options.port()));
        if (options.demo()) {
            appEnv.put("QM_DEMO", "true");
        }

        Path war = home.resolve("web/target/quartermaster.war");
        Path logging = dataDir.resolve("payara-logging.properties");
        try (var in = Launcher.class.getResourceAsStream("/payara-logging.properties")) {
            Files.copy(in, logging, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Path micro = payaraMicro();
        say("Starting Payara Micro on port " + options.port() + " with " + home.relativize(war));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms256m", "-Xmx1g",
                "-jar", micro.toString(),
                "--deploy", war.toString(),
                "--contextroot", "/",
                "--port", String.valueOf(options.port()),
                "--nocluster", "--nohazelcast",
                "--logproperties", logging.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().putAll(appEnv);
        server = builder.start();

        String base = "http://localhost:" + options.port();
        if (!awaitReady(base + "/health/ready", Duration.ofMinutes(5))) {
            say("Quartermaster did not become ready; see the log above.");
            return 1;
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        say("""

                ================================================================
                  Quartermaster is up (%d s).
                    Back office : %s/
                    REST API    : %s/api/v1/...
                    OpenAPI     : %s/openapi
                    Health      : %s/health/ready
                  Sign in as 'admin' with QM_ADMIN_PASSWORD, or with the password
                  printed in the log on the very first start.
                  Data: %s      Stop: Ctrl-C
                ================================================================
                """.formatted(seconds, base, base, base, base, dataDir));
        int exit = server.waitFor();
        if (!stopping) {
            say("Payara Micro exited with code " + exit);
        }
        return stopping ? 0 : exit;
    }

    private Path payaraMicro() throws IOException {
        Path runtime = home.resolve("launcher/target/runtime");
        try (Stream<Path> files = Files.list(runtime)) {
            return files.filter(p -> p.getFileName().toString().startsWith("payara-micro-"))
                    .findFirst()
                    .orElseThrow(() -> new IOException("no Payara Micro in " + runtime + "; run the build first"));
        }
    }

    private boolean awaitReady(String url, Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && server.isAlive()) {
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return true;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(1000);
        }
        return false;
    }

    /** Reverse order of start: the application first, so it never runs without its database. */
    private void stop() {
        stopping = true;
        if (server != null && server.isAlive()) {
            say("Stopping Payara Micro ...");
            server.destroy();
            try {
                if (!server.waitFor(30, TimeUnit.SECONDS)) {
                    server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                server.destroyForcibly();
            }
        }
        if (broker != null) {
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
                database.close();
            } catch (IOException e) {
                say("PostgreSQL did not stop cleanly: " + e.getMessage());
            }
        }
        say("Stopped.");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static void say(String line) {
        System.out.println("[quartermaster] " + line);
        System.out.flush();
    }
}
