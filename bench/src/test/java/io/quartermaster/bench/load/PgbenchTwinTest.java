package io.quartermaster.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PgbenchTwinTest {

    @Test
    void readsLatenciesAndFailuresFromThePerTransactionLog(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("tx.123");
        Files.writeString(log, """
                0 1 1500 0 1764320000 100 0
                1 1 2500 0 1764320000 200 0
                1 2 deadlock 0 1764320000 300 1
                0 2 3500 0 1764320001 100 2
                """);
        Histogram closed = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
        Map<String, Long> failures = new TreeMap<>();
        PgbenchTwin.readLog(log, false, closed, failures);
        assertThat(closed.getTotalCount()).isEqualTo(3);
        assertThat(closed.getMaxValue()).isBetween(3490L, 3510L);
        assertThat(failures).containsExactly(Map.entry("deadlock", 1L));

        Path open = dir.resolve("tx.124");
        Files.writeString(open, "0 1 1000 0 1764320000 100 4000\n");
        Histogram scheduled = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
        PgbenchTwin.readLog(open, true, scheduled, new TreeMap<>());
        assertThat(scheduled.getMaxValue()).as("latency counted from the schedule: time + lag").isBetween(4990L, 5010L);
    }

    @Test
    void readsTheSummaryNumbers() {
        String output = """
                number of transactions actually processed: 17043
                number of failed transactions: 12 (0.070%)
                number of transactions retried: 40 (0.2%)
                tps = 1704.3 (without initial connection time)
                """;
        assertThat(PgbenchTwin.number(output, "number of transactions actually processed: (\\d+)")).isEqualTo(17043);
        assertThat(PgbenchTwin.number(output, "number of failed transactions: (\\d+)")).isEqualTo(12);
        assertThat(PgbenchTwin.number(output, "number of transactions retried: (\\d+)")).isEqualTo(40);
        assertThat(PgbenchTwin.number("", "number of transactions retried: (\\d+)")).isZero();
    }
}
