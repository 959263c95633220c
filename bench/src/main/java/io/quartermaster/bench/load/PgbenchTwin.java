package io.quartermaster.bench.load;

import io.quartermaster.bench.client.LocalMachine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;

/**
 * The ceiling: each workload's SQL run by PostgreSQL's own {@code pgbench} against the same
 * database, without the application ({@link Workload#pgbenchScript}). Latencies come from
 * pgbench's per-transaction log (in open loop: time in the transaction plus the lag behind its
 * schedule, as for the application).
 */
final class PgbenchTwin {

    /** What one pgbench run reported. */
    record Result(long processed, long failed, long retried, Map<String, Long> failures, double seconds, Histogram latency,
                  String output) {
    }

    private final String pgbench;
    private final String host;
    private final int port;
    private final String user;
    private final String database;
    private final Path workDir;

    PgbenchTwin(String pgbench, int port, String user, String database, Path workDir) {
        this.pgbench = pgbench;
        this.host = "127.0.0.1";
        this.port = port;
        this.user = user;
        this.database = database;
        this.workDir = workDir;
    }

    /** The pgbench on the PATH or in Debian's PostgreSQL directories (newest first); null when there is none. */
    static String find() {
        String onPath = LocalMachine.which("pgbench");
        if (onPath != null) {
            return onPath;
        }
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.sorted(java.util.Comparator.reverseOrder()).map(v -> v.resolve("bin/pgbench"))
                    .filter(Files::isExecutable).map(Path::toString).findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    String version() {
        try {
            Process p = new ProcessBuilder(pgbench, "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor(10, TimeUnit.SECONDS);
            return out;
        } catch (IOException | InterruptedException e) {
            return "unknown";
        }
    }

    /**
     * Runs {@code workload}'s script with {@code clients} connections for {@code seconds}; open
     * loop at {@code rate} transactions/s when rate &gt; 0. {@code maxTries} &gt; 1 lets pgbench retry
     * deadlocks and serialization failures itself.
     */
    Result run(Workload workload, int clients, int seconds, double rate, int maxTries, boolean log)
            throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        Path script = workDir.resolve(workload.name().toLowerCase() + ".sql");
        Files.writeString(script, workload.pgbenchScript());
        Path logDir = Files.createTempDirectory(workDir, "log-");
        List<String> command = new ArrayList<>(List.of(pgbench, "-n", "-h", host, "-p", String.valueOf(port), "-U", user,
                "-c", String.valueOf(clients), "-j", String.valueOf(Math.min(clients, 2)), "-T", String.valueOf(seconds),
                "-M", "prepared", "-f", script.toString(), "--max-tries=" + maxTries, "--failures-detailed"));
        if (rate > 0) {
            command.add("-R");
            command.add(String.valueOf(Math.round(rate)));
        }
        if (log) {
            command.add("-l");
            command.add("--log-prefix=" + logDir.resolve("tx"));
        }
        command.add(database);
        Process process = new ProcessBuilder(command).directory(logDir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(seconds + 120L, TimeUnit.SECONDS) || process.exitValue() > 2) {
            throw new IOException("pgbench failed (exit " + (process.isAlive() ? "none" : process.exitValue()) + "):\n" + output);
        }
        Histogram latency = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
        Map<String, Long> failures = new TreeMap<>();
        if (log) {
            try (Stream<Path> files = Files.list(logDir)) {
                for (Path file : files.filter(f -> f.getFileName().toString().startsWith("tx")).toList()) {
                    readLog(file, rate > 0, latency, failures);
                }
            }
        }
        LocalMachine.deleteTree(logDir);
        return new Result(number(output, "number of transactions actually processed: (\\d+)"),
                number(output, "number of failed transactions: (\\d+)"),
                number(output, "number of transactions retried: (\\d+)"),
                failures, seconds, latency, output);
    }

    /**
     * One pgbench log: {@code client tx time script epoch epoch_us [schedule_lag] [retries]}, time in
     * µs or the failure's kind ("deadlock", "serialization", "failed").
     */
    static void readLog(Path file, boolean scheduled, Histogram latency, Map<String, Long> failures) throws IOException {
        try (Stream<String> lines = Files.lines(file)) {
            lines.forEach(line -> {
                String[] f = line.trim().split("\\s+");
                if (f.length < 6) {
                    return;
                }
                if (!f[2].chars().allMatch(Character::isDigit)) {
                    failures.merge(f[2], 1L, Long::sum);
                    return;
                }
                long micros = Long.parseLong(f[2]);
                if (scheduled && f.length > 6) {
                    micros += Long.parseLong(f[6]);
                }
                latency.recordValue(Math.max(1, Math.min(micros, latency.getHighestTrackableValue())));
            });
        }
    }

    static long number(String output, String regex) {
        Matcher m = Pattern.compile(regex).matcher(output);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }
}
