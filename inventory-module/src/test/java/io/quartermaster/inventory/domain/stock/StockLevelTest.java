package io.quartermaster.inventory.domain.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StockLevelTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    @Test
    void receiptsReaverageAndIssuesLeaveAtTheAverage() {
        StockLevel level = new StockLevel(1, "A");
        level.receive(10, new BigDecimal("2.00"), NOW);            // 10 @ 2.00 = 20.00
        StockChange second = level.receive(5, new BigDecimal("3.50"), NOW); // 5 @ 3.50 = 17.50
        assertThat(second.value()).isEqualByComparingTo("17.50");
        assertThat(level.totalValue()).isEqualByComparingTo("37.50");
        assertThat(level.averageCost()).isEqualByComparingTo("2.5000"); // 37.50 / 15

        StockChange out = level.issue(4, NOW);
        assertThat(out.quantity()).isEqualTo(-4);
        assertThat(out.value()).isEqualByComparingTo("-10.00");
        assertThat(out.unitCost()).isEqualByComparingTo("2.5000");
        assertThat(level.onHand()).isEqualTo(11);
        assertThat(level.totalValue()).isEqualByComparingTo("27.50");
    }

    @Test
    void quantityAndValueReachZeroTogetherWithoutResidue() {
        StockLevel level = new StockLevel(1, "A");
        level.receive(3, new BigDecimal("1.00"), NOW);
        level.receive(1, new BigDecimal("1.01"), NOW);  // 4 units worth 4.01: average 1.0025
        BigDecimal out = BigDecimal.ZERO;
        out = out.add(level.issue(1, NOW).value());    // 1.0025 -> 1.00
        out = out.add(level.issue(1, NOW).value());
        out = out.add(level.issue(1, NOW).value());
        StockChange last = level.issue(1, NOW);
        out = out.add(last.value());
        assertThat(out).isEqualByComparingTo("-4.01");
        assertThat(level.onHand()).isZero();
        assertThat(level.totalValue()).isEqualByComparingTo("0");
    }

    @Test
    void reservedUnitsCannotBeTakenOrReservedTwice() {
        StockLevel level = new StockLevel(1, "A");
        level.receive(2, BigDecimal.ONE, NOW);
        level.reserve(2, NOW);
        assertThat(level.available()).isZero();
        assertThatThrownBy(() -> level.reserve(1, NOW)).isInstanceOf(StockRuleViolation.class);
        assertThatThrownBy(() -> level.issue(1, NOW)).isInstanceOf(StockRuleViolation.class);
        StockChange sale = level.sellReserved(2, NOW);
        assertThat(sale.quantity()).isEqualTo(-2);
        assertThat(level.reserved()).isZero();
        assertThat(level.onHand()).isZero();
        assertThatThrownBy(() -> level.unreserve(1, NOW)).isInstanceOf(StockRuleViolation.class);
    }

    @Test
    void everyChangeBumpsTheVersion() {
        StockLevel level = new StockLevel(1, "A");
        level.receive(5, BigDecimal.ONE, NOW);
        level.reserve(1, NOW);
        level.unreserve(1, NOW);
        level.issue(1, NOW);
        assertThat(level.version()).isEqualTo(4);
    }

    @Test
    void foundUnitsComeInAtTheLastAverageEvenAfterStockRanOut() {
        StockLevel level = new StockLevel(1, "A");
        level.receive(2, new BigDecimal("4.20"), NOW);
        level.issue(2, NOW);
        StockChange found = level.receiveAtAverage(1, NOW);
        assertThat(found.value()).isEqualByComparingTo("4.20");
        assertThat(level.totalValue()).isEqualByComparingTo("4.20");
    }

    @Test
    void quantitiesMustBePositive() {
        StockLevel level = new StockLevel(1, "A");
        assertThatThrownBy(() -> level.receive(0, BigDecimal.ONE, NOW)).isInstanceOf(StockRuleViolation.class);
        assertThatThrownBy(() -> level.reserve(-1, NOW)).isInstanceOf(StockRuleViolation.class);
        assertThatThrownBy(() -> level.receive(1, new BigDecimal("-1"), NOW)).isInstanceOf(StockRuleViolation.class);
    }
}
