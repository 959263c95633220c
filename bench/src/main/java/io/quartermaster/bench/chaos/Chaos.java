package io.quartermaster.bench.chaos;

import io.quartermaster.bench.client.LocalMachine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * {@code ./quartermaster chaos [--quick] [--data-dir DIR]}: runs the six fault scenarios on
 * a fresh data directory and prints the summary table (also written to
 * {@code chaos-report.md} there). Exit 0 only when every scenario passed.
 */
public final class Chaos {

    private Chaos() {
    }

    public static void main(String[] args) throws Exception {
        try (var config = Chaos.class.getResourceAsStream("/chaos-logging.properties")) {
            java.util.logging.LogManager.getLogManager().readConfiguration(config);
        }
        boolean quick = false;
        Path home = Path.of(System.getProperty("qm.home", ".")).toAbsolutePath().normalize();
        Path dataDir = home.resolve("bench/target/chaos");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--data-dir" -> dataDir = Path.of(args[++i]).toAbsolutePath();
                default -> {
                    System.err.println("usage: quartermaster chaos [--quick] [--data-dir DIR]");
                    System.exit(2);
                }
            }
        }
        long started = System.nanoTime();
        List<ChaosSuite.Row> rows = run(new ChaosSuite.Settings(quick, dataDir, home));
        String table = ChaosSuite.table(rows);
        String report = "# Fault suite (" + (quick ? "quick" : "full") + "), " + Instant.now() + "\n\n" + table
                + "\nTotal time: " + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s\n";
        Files.writeString(dataDir.resolve("chaos-report.md"), report);
        System.out.println();
        System.out.println(report);
        boolean passed = rows.size() == 6 && rows.stream().allMatch(ChaosSuite.Row::passed);
        System.out.println(passed ? "All scenarios passed: nothing lost, nothing doubled, every invariant holds."
                : "FAILED: see the lines above.");
        System.exit(passed ? 0 : 1);
    }

    /** Cleans {@code settings.dataDir()}, starts everything, runs the six scenarios, stops everything. */
    public static List<ChaosSuite.Row> run(ChaosSuite.Settings settings) throws Exception {
        LocalMachine.deleteTree(settings.dataDir());
        Files.createDirectories(settings.dataDir());
        try (ChaosSuite suite = new ChaosSuite(settings)) {
            Runtime.getRuntime().addShutdownHook(new Thread(suite::close));
            suite.setUp();
            List<ChaosSuite.Row> rows = suite.runAll();
            ChaosSuite.say("\n" + ChaosSuite.table(rows));
            return rows;
        }
    }
}
