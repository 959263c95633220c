package io.quartermaster.bench.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The reduced fault suite: the same six scenarios as {@code ./quartermaster chaos}, with
 * fewer buyers and shorter outages, against real PostgreSQL, Artemis and three Payara Micro
 * instances of the built WAR.
 */
class ChaosIT {

    @Test
    void nothingLostNothingDoubledUnderFaults() throws Exception {
        Path home = Path.of(System.getProperty("qm.home", "..")).toAbsolutePath().normalize();
        Path data = Path.of(System.getProperty("qm.chaos.data", "target/chaos-it")).toAbsolutePath();
        List<ChaosSuite.Row> rows = Chaos.run(new ChaosSuite.Settings(true, data, home));
        String table = ChaosSuite.table(rows);

        assertThat(rows).hasSize(6);
        for (ChaosSuite.Row row : rows) {
            assertThat(row.failures()).as(row.scenario() + "\n" + table).isEmpty();
            assertThat(row.lost()).as("lost in " + row.scenario()).isZero();
            assertThat(row.duplicated()).as("duplicated in " + row.scenario()).isZero();
            assertThat(row.violations()).as("invariant violations after " + row.scenario()).isZero();
        }
        assertThat(rows.get(0).orders()).as("orders for the 10 hot units").isEqualTo(10);
        for (ChaosSuite.Row row : rows.subList(1, 4)) {
            assertThat(row.orders()).as("orders taken in " + row.scenario()).isPositive();
        }
    }
}
