package io.quartermaster.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void roundsHalfEvenOnlyWhenAskedSoTotalsAreRoundedOnce() {
        Money third = Money.of("10").times(new BigDecimal("0.3333333"));
        Money sum = third.plus(third).plus(third);
        assertThat(sum.rounded().amount()).isEqualByComparingTo("10.00");
        assertThat(Money.of("0.125").rounded().amount()).isEqualByComparingTo("0.12");
        assertThat(Money.of("0.135").rounded().amount()).isEqualByComparingTo("0.14");
        assertThat(Money.of("2.675").rounded().amount().scale()).isEqualTo(2);
    }

    @Test
    void equalityIgnoresScale() {
        assertThat(Money.of("1.5")).isEqualTo(Money.of("1.50"));
        assertThat(Money.of("1.5").hashCode()).isEqualTo(Money.of("1.50").hashCode());
        assertThat(Money.of("1.5")).isNotEqualTo(Money.of("1.51"));
    }

    @Test
    void arithmetic() {
        assertThat(Money.of("19.99").times(3)).isEqualTo(Money.of("59.97"));
        assertThat(Money.of("5").minus(Money.of("7.5"))).isEqualTo(Money.of("-2.5"));
        assertThat(Money.of("5").minus(Money.of("7.5")).isNegative()).isTrue();
        assertThat(Money.zero().isZero()).isTrue();
        assertThat(Money.of("3").negate()).isEqualTo(Money.of("-3"));
        assertThat(Money.of("1.00")).isLessThan(Money.of("1.01"));
        assertThat(Money.of("12.5").toString()).isEqualTo("12.50 EUR");
    }

    @Test
    void refusesToMixCurrencies() {
        Money usd = Money.of(BigDecimal.ONE, Currency.getInstance("USD"));
        assertThatThrownBy(() -> Money.of("1").plus(usd)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void roundsToTheCurrencysMinorUnits() {
        Money yen = Money.of(new BigDecimal("100.5"), Currency.getInstance("JPY"));
        assertThat(yen.rounded().amount()).isEqualByComparingTo("100");
    }
}
