package io.quartermaster.platform.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money in one currency. Immutable; arithmetic keeps full precision and
 * {@link #rounded()} is the one place where an amount is rounded (HALF_EVEN, to the
 * currency's minor units), so that totals are rounded once, at the end.
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    public static final Currency DEFAULT_CURRENCY = Currency.getInstance("EUR");

    /**
     * The largest amount an order, a payment, a stock movement or a journal line holds: what the
     * {@code numeric(14,2)} columns of orders and of the ledger hold. An amount beyond it is
     * refused where it arises, never left to fail in a column (or in the books, later).
     */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999.99");

    /** The most units one request moves: a line, a receipt, an adjustment (either way), a transfer, a count, a PO line. */
    public static final int MAX_QUANTITY = 1_000_000_000;

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
    }

    public static Money of(String amount) {
        return new Money(new BigDecimal(amount), DEFAULT_CURRENCY);
    }

    public static Money of(BigDecimal amount) {
        return new Money(amount, DEFAULT_CURRENCY);
    }

    public static Money of(BigDecimal amount, Currency currency) {
        return new Money(amount, currency);
    }

    public static Money zero() {
        return zero(DEFAULT_CURRENCY);
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    public Money times(long quantity) {
        return new Money(amount.multiply(BigDecimal.valueOf(quantity)), currency);
    }

    public Money times(BigDecimal factor) {
        return new Money(amount.multiply(factor), currency);
    }

    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    /** The amount rounded HALF_EVEN to the currency's minor units: the only rounding rule there is. */
    public Money rounded() {
        return new Money(amount.setScale(currency.getDefaultFractionDigits(), RoundingMode.HALF_EVEN), currency);
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    /** Equal when the same currency and numerically equal amounts: 1.5 equals 1.50. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Money m && currency.equals(m.currency) && amount.compareTo(m.amount) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(amount.stripTrailingZeros(), currency);
    }

    @Override
    public String toString() {
        return rounded().amount.toPlainString() + " " + currency.getCurrencyCode();
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("currency mismatch: " + currency + " vs " + other.currency);
        }
    }
}
