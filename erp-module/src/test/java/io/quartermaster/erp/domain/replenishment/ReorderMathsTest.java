package io.quartermaster.erp.domain.replenishment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ReorderMathsTest {

    @Test
    void ordersUpToTheMaxInWholePacksAndAtLeastTheMinimum() {
        assertThat(ReorderMaths.orderQuantity(30, 5, 6, 12)).isEqualTo(30);  // 25 -> 5 packs
        assertThat(ReorderMaths.orderQuantity(30, 2, 6, 12)).isEqualTo(30);  // 28 -> 5 packs
        assertThat(ReorderMaths.orderQuantity(20, 17, 1, 10)).isEqualTo(10); // 3, minimum 10
        assertThat(ReorderMaths.orderQuantity(20, 17, 4, 10)).isEqualTo(12); // minimum 10 in packs of 4
        assertThat(ReorderMaths.orderQuantity(10, -3, 5, 1)).isEqualTo(15);  // backorders count
    }

    @Test
    void normalQuantilesMatchTheTables() {
        assertThat(ReorderMaths.normalQuantile(0.95)).isCloseTo(1.644854, within(1e-6));
        assertThat(ReorderMaths.normalQuantile(0.99)).isCloseTo(2.326348, within(1e-6));
        assertThat(ReorderMaths.normalQuantile(0.5)).isCloseTo(0.0, within(1e-9));
        assertThat(ReorderMaths.normalQuantile(0.001)).isCloseTo(-3.090232, within(1e-6));
    }

    @Test
    void suggestedReorderPointForACraftedHistory() {
        // 30 days alternating 2 and 4 units: mean 3, sample sigma sqrt(30/29) = 1.01710;
        // lead time 4 days at 95 %: 3 × 4 + 1.644854 × 1.01710 × 2 = 12 + 3.3460 = 15.35 -> 16.
        int[] demand = new int[30];
        for (int i = 0; i < 30; i++) {
            demand[i] = i % 2 == 0 ? 2 : 4;
        }
        assertThat(ReorderMaths.suggestedReorderPoint(demand, 4, 0.95)).isEqualTo(16);
        // Steady demand needs no safety stock: 5 a day, 3 days -> 15.
        int[] steady = new int[30];
        java.util.Arrays.fill(steady, 5);
        assertThat(ReorderMaths.suggestedReorderPoint(steady, 3, 0.99)).isEqualTo(15);
        assertThat(ReorderMaths.suggestedReorderPoint(new int[30], 7, 0.95)).isZero();
    }
}
