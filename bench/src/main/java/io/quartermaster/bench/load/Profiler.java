package io.quartermaster.bench.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * A Java Flight Recorder profile of the application server during one run (started with
 * {@code jcmd <pid> JFR.start}), boiled down to what is in the way: where the CPU samples
 * fall (by library: JSON, logging, EclipseLink, the PostgreSQL driver, Payara's HTTP and
 * CDI layers, our own code …), and how long threads were blocked on monitors, parked (pools,
 * queues) and reading sockets (waiting for PostgreSQL or the broker).
 */
final class Profiler {

    /** First matching package prefix of a stack, from the top frame down, names the sample's category. */
    private static final Map<String, String> CATEGORIES = new LinkedHashMap<>();

    static {
        CATEGORIES.put("org.postgresql.", "PostgreSQL JDBC driver");
        CATEGORIES.put("org.eclipse.persistence.", "EclipseLink (JPA)");
        CATEGORIES.put("org.eclipse.yasson.", "JSON (Yasson/Parsson)");
        CATEGORIES.put("org.eclipse.parsson.", "JSON (Yasson/Parsson)");
        CATEGORIES.put("org.glassfish.json.", "JSON (Yasson/Parsson)");
        CATEGORIES.put("java.util.logging.", "logging");
        CATEGORIES.put("com.sun.enterprise.server.logging.", "logging");
        CATEGORIES.put("fish.payara.logging.", "logging");
        CATEGORIES.put("org.apache.activemq.", "JMS (Artemis client)");
        CATEGORIES.put("com.sun.enterprise.resource.", "connection pool");
        CATEGORIES.put("com.sun.gjc.", "connection pool");
        CATEGORIES.put("com.sun.enterprise.transaction.", "JTA transactions");
        CATEGORIES.put("com.sun.jts.", "JTA transactions");
        CATEGORIES.put("org.jboss.weld.", "CDI (Weld)");
        CATEGORIES.put("org.glassfish.jersey.", "JAX-RS (Jersey)");
        CATEGORIES.put("org.hibernate.validator.", "Bean Validation");
        CATEGORIES.put("io.quartermaster.", "Quartermaster code");
        CATEGORIES.put("org.glassfish.grizzly.", "HTTP (Grizzly)");
        CATEGORIES.put("sun.security.", "crypto (API key hashing, TLS)");
        CATEGORIES.put("java.security.", "crypto (API key hashing, TLS)");
        CATEGORIES.put("com.sun.ejb.", "EJB container");
        CATEGORIES.put("org.glassfish.", "Payara / GlassFish other");
        CATEGORIES.put("com.sun.enterprise.", "Payara / GlassFish other");
        CATEGORIES.put("fish.payara.", "Payara / GlassFish other");
    }

    private Profiler() {
    }

    /** Starts a recording of {@code seconds} in the JVM {@code pid}; it writes {@code file} by itself when done. */
    static boolean start(long pid, Duration length, Path file) throws InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process p = new ProcessBuilder(jcmd.toString(), String.valueOf(pid), "JFR.start", "name=bench",
                    "settings=profile", "duration=" + length.toSeconds() + "s", "filename=" + file)
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(30, TimeUnit.SECONDS);
            if (p.exitValue() != 0) {
                Bench.progress("JFR could not start: %s", out.trim());
                return false;
            }
            return true;
        } catch (IOException e) {
            Bench.progress("JFR could not start: %s", e.getMessage());
            return false;
        }
    }

    /** Waits for the recording to be written, then summarizes it as Markdown lines. */
    static List<String> summarize(Path file, Map<Integer, String> ports) throws IOException, InterruptedException {
        for (int i = 0; i < 60 && !Files.exists(file); i++) {
            Thread.sleep(500);
        }
        Thread.sleep(1000);
        Map<String, Long> cpu = new HashMap<>();
        Map<String, Long> ours = new HashMap<>();
        Map<String, Double> monitors = new HashMap<>();
        Map<String, Double> parks = new HashMap<>();
        Map<String, Double> sockets = new HashMap<>();
        long samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            String type = event.getEventType().getName();
            switch (type) {
                case "jdk.ExecutionSample" -> {
                    samples++;
                    cpu.merge(category(event), 1L, Long::sum);
                    ourMethods(event).forEach(m -> ours.merge(m, 1L, Long::sum));
                }
                case "jdk.JavaMonitorEnter" -> monitors.merge(className(event, "monitorClass"), millis(event), Double::sum);
                case "jdk.ThreadPark" -> parks.merge(className(event, "parkedClass"), millis(event), Double::sum);
                case "jdk.SocketRead" -> {
                    int port = event.getInt("port");
                    sockets.merge(ports.getOrDefault(port, "port " + port), millis(event), Double::sum);
                }
                default -> {
                }
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add("CPU samples by library (" + samples + " samples of running Java code):");
        long total = Math.max(1, samples);
        cpu.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(10)
                .forEach(e -> lines.add("  - %s: %.1f %%".formatted(e.getKey(), 100.0 * e.getValue() / total)));
        lines.add("CPU samples under our methods (inclusive, top 8):");
        ours.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
                .forEach(e -> lines.add("  - %s: %.1f %%".formatted(e.getKey(), 100.0 * e.getValue() / total)));
        lines.add("Threads blocked on monitors (total ms, top 3): " + top(monitors));
        lines.add("Threads parked (total ms, top 3; pools and queues): " + top(parks));
        lines.add("Socket reads (total ms of threads waiting for an answer): " + top(sockets));
        return lines;
    }

    private static String category(RecordedEvent event) {
        if (event.getStackTrace() == null) {
            return "unknown";
        }
        for (RecordedFrame frame : event.getStackTrace().getFrames()) {
            if (!frame.isJavaFrame()) {
                continue;
            }
            String type = frame.getMethod().getType().getName();
            for (Map.Entry<String, String> c : CATEGORIES.entrySet()) {
                if (type.startsWith(c.getKey())) {
                    return c.getValue();
                }
            }
        }
        return "JDK / other";
    }

    /** The io.quartermaster methods on a sample's stack (each once; Weld and EJB proxies left out). */
    private static java.util.Set<String> ourMethods(RecordedEvent event) {
        java.util.Set<String> methods = new java.util.LinkedHashSet<>();
        if (event.getStackTrace() != null) {
            for (RecordedFrame frame : event.getStackTrace().getFrames()) {
                String type = frame.getMethod().getType().getName();
                if (type.startsWith("io.quartermaster.") && !type.contains("$Proxy$") && !type.contains("__EJB")) {
                    String simple = type.substring(type.lastIndexOf('.') + 1);
                    methods.add(simple + "." + frame.getMethod().getName().replaceAll("^lambda\\$(\\w+)\\$\\d+$", "$1"));
                }
            }
        }
        return methods;
    }

    private static String className(RecordedEvent event, String field) {
        try {
            var type = event.getClass(field);
            return type == null ? "?" : type.getName();
        } catch (RuntimeException e) {
            return "?";
        }
    }

    private static double millis(RecordedEvent event) {
        return event.getDuration().toNanos() / 1e6;
    }

    private static String top(Map<String, Double> totals) {
        if (totals.isEmpty()) {
            return "none recorded";
        }
        StringBuilder s = new StringBuilder();
        totals.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(3)
                .forEach(e -> s.append(s.length() == 0 ? "" : "; ").append(e.getKey()).append(' ')
                        .append(Math.round(e.getValue())).append(" ms"));
        return s.toString();
    }
}
