package io.quartermaster.inventory.domain.allotment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quartermaster.inventory.domain.stock.StockLevel;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AllotmentTest {

    private static final Instant NOW = Instant.parse("2026-12-08T09:00:00Z");

    private static StockLevel levelWith(int onHand) {
        StockLevel level = new StockLevel(1, "MUG");
        level.receive(onHand, new BigDecimal("2.00"), NOW);
        return level;
    }

    @Test
    void aTargetAboveWhatTheRegisterHoldsReservesTheDifference() {
        StockLevel level = levelWith(100);
        Allotment allotment = new Allotment("register:T1", 1, "MUG", NOW);
        Allotment.Change change = allotment.aimAt(30, level, NOW);
        assertThat(change).isEqualTo(new Allotment.Change(30, 0));
        assertThat(allotment.remaining()).isEqualTo(30);
        assertThat(level.reserved()).isEqualTo(30);
        assertThat(level.available()).isEqualTo(70);
    }

    @Test
    void aTargetBeyondWhatIsAvailableGetsWhatThereIsAndSaysTheRest() {
        StockLevel level = levelWith(10);
        level.reserve(4, NOW); // someone's cart
        Allotment allotment = new Allotment("register:T1", 1, "MUG", NOW);
        assertThat(allotment.aimAt(9, level, NOW)).isEqualTo(new Allotment.Change(6, 3));
        assertThat(allotment.remaining()).isEqualTo(6);
        assertThat(allotment.target()).isEqualTo(9);
        assertThat(level.available()).isZero();
        assertThat(allotment.aimAt(9, level, NOW)).as("nothing more to take").isEqualTo(new Allotment.Change(0, 3));
    }

    @Test
    void aLowerTargetGivesTheSurplusBackAndGrantedOnlyEverGrows() {
        StockLevel level = levelWith(50);
        Allotment allotment = new Allotment("register:T1", 1, "MUG", NOW);
        allotment.aimAt(40, level, NOW);
        assertThat(allotment.aimAt(15, level, NOW)).isEqualTo(new Allotment.Change(-25, 0));
        assertThat(allotment.granted()).isEqualTo(40);
        assertThat(allotment.returned()).isEqualTo(25);
        assertThat(allotment.remaining()).isEqualTo(15);
        assertThat(level.reserved()).isEqualTo(15);
        assertThat(allotment.aimAt(20, level, NOW)).isEqualTo(new Allotment.Change(5, 0));
        assertThat(allotment.granted()).isEqualTo(45);
        assertThat(allotment.granted()).isEqualTo(allotment.sold() + allotment.returned() + allotment.remaining());
        assertThat(allotment.aimAt(20, level, NOW)).as("at its target: nothing moves").isEqualTo(new Allotment.Change(0, 0));
    }

    @Test
    void aTargetBelowZeroIsNoTarget() {
        Allotment allotment = new Allotment("register:T1", 1, "MUG", NOW);
        assertThatThrownBy(() -> allotment.aimAt(-1, levelWith(5), NOW)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSaleTakesTheAllotmentFirstThenFreeStockAsOneChange() {
        StockLevel level = levelWith(10);
        Allotment allotment = new Allotment("register:T1", 1, "MUG", NOW);
        allotment.aimAt(3, level, NOW);
        io.quartermaster.inventory.domain.stock.StockChange change = allotment.sell(5, level, NOW);
        assertThat(change.quantity()).isEqualTo(-5);
        assertThat(change.value()).isEqualByComparingTo("-10.00");
        assertThat(allotment.sold()).as("only allotted units count as the register's").isEqualTo(3);
        assertThat(allotment.remaining()).isZero();
        assertThat(level.onHand()).isEqualTo(5);
        assertThat(level.reserved()).isZero();
        assertThat(allotment.granted()).isEqualTo(allotment.sold() + allotment.returned() + allotment.remaining());
    }

    @Test
    void aSaleBeyondTheAllotmentAndFreeStockChangesNothing() {
        StockLevel level = levelWith(4);
        level.reserve(2, NOW); // someone's cart
        Allotment allotment = new Allotment("register:T1", 1, "MUG", NOW);
        allotment.aimAt(1, level, NOW);
        assertThat(allotment.covers(5)).isEqualTo(1);
        assertThatThrownBy(() -> allotment.sell(3, level, NOW)).hasMessageContaining("only 1 available");
        assertThat(level.onHand()).isEqualTo(4);
        assertThat(level.reserved()).isEqualTo(3);
        assertThat(allotment.sold()).isZero();
    }
}
