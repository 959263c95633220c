package io.quartermaster.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./quartermaster run}: starts PostgreSQL and Artemis embedded (unless {@code DB_URL}
 * / {@code JMS_URL} point at running ones), then one or more Payara Micro instances of the
 * WAR on consecutive ports, waits until they are ready, prints where to go, and on Ctrl-C or
 * SIGTERM stops everything in reverse order.
 */
public final class Launcher {

    static final int DEFAULT_HTTP_PORT = 8080;
    static final int DEFAULT_DB_PORT = 55432;
    static final int DEFAULT_JMS_PORT = 61616;
    static final String USAGE = "usage: quartermaster run [--port N] [--instances N] [--demo] [--data-dir DIR]";

    private final Path home;
    private final Map<String, String> env;
    private Stack stack;
    private volatile boolean stopping;

    private Launcher(Map<String, String> env, Path home) {
        this.env = env;
        this.home = home;
    }

    public static void main(String[] args) throws Exception {
        configureLogging();
        Options options = Options.parse(args, System.getenv());
        if (options == null) {
            System.err.println(USAGE);
            System.exit(2);
        }
        Launcher launcher = new Launcher(System.getenv(), home());
        Runtime.getRuntime().addShutdownHook(new Thread(launcher::stop, "quartermaster-stop"));
        int exit = launcher.run(options);
        System.exit(exit);
    }

    static void configureLogging() throws java.io.IOException {
        try (var config = Launcher.class.getResourceAsStream("/launcher-logging.properties")) {
            java.util.logging.LogManager.getLogManager().readConfiguration(config);
        }
    }

    static Path home() {
        return Path.of(System.getProperty("qm.home", ".")).toAbsolutePath().normalize();
    }

    record Options(int port, int instances, boolean demo, Path dataDir) {

        static Options parse(String[] args, Map<String, String> env) {
            int port = Integer.parseInt(env.getOrDefault("QM_HTTP_PORT", String.valueOf(DEFAULT_HTTP_PORT)));
            int instances = Integer.parseInt(env.getOrDefault("QM_INSTANCES", "1"));
            boolean demo = false;
            Path dataDir = env.containsKey("QM_DATA_DIR") ? Path.of(env.get("QM_DATA_DIR")) : null;
            List<String> rest = new ArrayList<>(List.of(args));
            if (!rest.isEmpty() && rest.get(0).equals("run")) {
                rest.remove(0);
            }
            try {
                for (int i = 0; i < rest.size(); i++) {
                    switch (rest.get(i)) {
                        case "--port" -> port = Integer.parseInt(rest.get(++i));
                        case "--instances" -> instances = Integer.parseInt(rest.get(++i));
                        case "--demo" -> demo = true;
                        case "--data-dir" -> dataDir = Path.of(rest.get(++i));
                        default -> {
                            return null;
                        }
                    }
                }
            } catch (RuntimeException e) {
                return null;
            }
            if (instances < 1 || instances > 16 || port < 1 || port + instances > 65535) {
                return null;
            }
            return new Options(port, instances, demo, dataDir);
        }
    }

    private int run(Options options) throws Exception {
        Path dataDir = options.dataDir() != null ? options.dataDir() : home.resolve(".quartermaster-data");
        long started = System.nanoTime();
        int dbPort = Integer.parseInt(env.getOrDefault("QM_DB_PORT", String.valueOf(DEFAULT_DB_PORT)));
        int jmsPort = Integer.parseInt(env.getOrDefault("QM_JMS_PORT", String.valueOf(DEFAULT_JMS_PORT)));
        synchronized (this) {
            if (stopping) {
                return 0;
            }
            stack = new Stack(home, dataDir, env, true, dbPort, jmsPort, 10, null);
        }
        stack.prefixLogs(options.instances() > 1);
        stack.startServices();

        List<Stack.Instance> instances = new ArrayList<>();
        for (int i = 1; i <= options.instances(); i++) {
            int port = options.port() + i - 1;
            Stack.say("Starting Payara Micro" + (options.instances() > 1 ? " instance " + i : "") + " on port " + port
                    + " with web/target/quartermaster.war");
            // Demo data is loaded once, by the first instance.
            Map<String, String> extra = options.demo() && i == 1 ? Map.of("QM_DEMO", "true") : Map.of();
            instances.add(stack.startInstance(i, port, extra));
        }
        for (Stack.Instance instance : instances) {
            if (!Stack.awaitReady(instance, Duration.ofMinutes(5))) {
                Stack.say("Instance " + instance.index() + " did not become ready; see the log above.");
                return 1;
            }
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        String base = "http://localhost:" + options.port();
        String others = instances.size() == 1 ? "" : "\n    Instances   : " + String.join(", ",
                instances.stream().map(i -> "http://localhost:" + i.port()).toList())
                + "\n                  (one database and one broker; put any load balancer in front)";
        Stack.say("""

                ================================================================
                  Quartermaster is up (%d s).
                    Back office : %s/
                    REST API    : %s/api/v1/...
                    OpenAPI     : %s/openapi
                    Health      : %s/health/ready%s
                  Sign in as 'admin' with QM_ADMIN_PASSWORD, or with the password
                  printed in the log on the very first start.
                  Data: %s      Stop: Ctrl-C
                ================================================================
                """.formatted(seconds, base, base, base, base, others, stack.dataDir()));
        // Runs until stopped; an instance that exits on its own is reported, the others keep serving.
        while (!stopping) {
            for (Stack.Instance instance : instances) {
                if (!instance.alive() && !stopping) {
                    Stack.say("Payara Micro instance " + instance.index() + " (port " + instance.port() + ") exited");
                }
            }
            if (instances.stream().noneMatch(Stack.Instance::alive)) {
                return stopping ? 0 : 1;
            }
            instances.removeIf(i -> !i.alive());
            Thread.sleep(1000);
        }
        return 0;
    }

    private void stop() {
        Stack current;
        synchronized (this) {
            stopping = true;
            current = stack;
        }
        if (current != null) {
            current.close();
        }
        Stack.say("Stopped.");
    }
}
