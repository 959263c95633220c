package io.quartermaster.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {

    private static Run run(Workload w, String contender, int clients, long sold, Map<String, Long> errors, Run.Holds holds) {
        return new Run(w, contender, "closed", clients, 0, 10, sold, sold, 0, 0, 0, 0, errors, 0, 0, 1, 2, 3, 4,
                null, Map.of(), holds, new LinkedHashMap<>());
    }

    @Test
    void oversoldCountsUnitsSoldBeyondWhatTheRowsLostAndRowsBelowZero() {
        Map<Integer, Long> before = Map.of(1, 10L, 2, 10L, 3, 0L);
        Map<Integer, Long> after = Map.of(1, 5L, 2, 9L, 3, -1L);
        Map<Integer, Long> sold = Map.of(1, 5L, 2, 3L, 3, 1L);
        // SKU 1 exact; SKU 2 sold 3 but lost 1 (a lost update): 2; SKU 3 sold 1, lost 1, but is at -1: 1.
        assertThat(Measurements.oversold(before, after, sku -> sold.getOrDefault(sku, 0L))).isEqualTo(3);
    }

    @Test
    void targetsAreJudgedFromTheMeasuredNumbers(@TempDir Path dir) throws Exception {
        BenchDatabase.Expiry expiry = new BenchDatabase.Expiry(10, 900, 1800, 6200, 0);
        List<Run> runs = List.of(
                run(Workload.W1, "Quartermaster", 8, 600, Map.of(), null),
                run(Workload.W1, "pgbench twin", 8, 1000, Map.of(), null),
                run(Workload.W1, "Quartermaster", 32, 900, Map.of(), null),
                run(Workload.W1, "pgbench twin", 32, 1000, Map.of(), null),
                run(Workload.W4, "Quartermaster", 32, 500, Map.of("503 Busy", 2L), null),
                run(Workload.W5, "Quartermaster", 32, 300, Map.of(),
                        new Run.Holds(40, 1, List.of("BENCH-00001: available 3, on hand − active holds 4"), 0, 0, expiry)));
        Path report = new Report(runs, Map.of(), Map.of("Date", "2026-11-28T00:00:00Z"),
                new Bench.Plan(true, 5, 2, java.util.Set.of())).write(dir);
        String md = Files.readString(report);

        assertThat(md).contains("| W1 ≥ 50 % of the pgbench twin at 8 clients | 60 vs 100 orders/s = 60 % | yes |");
        // At 32 clients the target is more than the twin: 90 % of it is short by 10 %.
        assertThat(md).contains("| W1 more than the pgbench twin at 32 clients | 90 vs 100 orders/s = 90 % | **no** (10 % short) |");
        assertThat(md).contains("| W4 0 deadlock errors reach a caller | 2 (5xx or deadlock answers;").contains("| **no** |");
        assertThat(md).contains("| W5 available = on hand − active holds at every sample | 1 of 40 samples differ | **no** |");
        assertThat(md).contains("expiry → release 900 / 1800 / 6200 ms; 0 samples with an overdue hold | **no** |");
        assertThat(md).contains("2 (503 Busy ×2)");
    }
}
