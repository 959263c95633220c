package io.quartermaster.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class WorkloadTest {

    @Test
    void zipfDrawsRanksInProportionToTheirProbability() {
        Zipf zipf = new Zipf(10_000, 1.1);
        double sum = 0;
        for (int k = 1; k <= 10_000; k++) {
            sum += zipf.probability(k);
        }
        assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(zipf.probability(1) / zipf.probability(2)).isCloseTo(Math.pow(2, 1.1), org.assertj.core.data.Offset.offset(1e-9));

        int draws = 200_000;
        int[] counts = new int[10_001];
        for (int i = 0; i < draws; i++) {
            int rank = zipf.next();
            assertThat(rank).isBetween(1, 10_000);
            counts[rank]++;
        }
        for (int k : new int[] {1, 2, 10}) {
            double expected = zipf.probability(k) * draws;
            assertThat((double) counts[k]).isCloseTo(expected, org.assertj.core.data.Offset.offset(5 * Math.sqrt(expected)));
        }
    }

    @Test
    void cartsHaveTheirWorkloadsShape() {
        for (int i = 0; i < 1000; i++) {
            assertThat(Workload.W1.next().skus()).containsExactly(Workload.HOT_SKU);
            Cart w4 = Workload.W4.next();
            assertThat(w4.lines()).isBetween(1, 5);
            assertThat(Arrays.stream(w4.skus()).distinct().count()).isEqualTo(w4.lines());
            Cart w5 = Workload.W5.next();
            assertThat(Arrays.stream(w5.skus()).allMatch(sku -> sku >= 1 && sku <= Workload.W5_SKUS)).isTrue();
        }
    }

    @Test
    void pgbenchTwinsRunTheSameSqlPerLine() {
        assertThat(Workload.W1.pgbenchScript()).contains("\\set s1 1\n").contains("AND on_hand >= 1")
                .contains("INSERT INTO bench.orders");
        assertThat(Workload.W3.pgbenchScript()).contains("random_zipfian(1, 10000, 1.1)");
        String w4 = Workload.W4.pgbenchScript();
        assertThat(w4.split("UPDATE bench.stock", -1)).hasSize(6);
        assertThat(w4).contains("\\if :n >= 5").contains("\\endif");
    }
}
