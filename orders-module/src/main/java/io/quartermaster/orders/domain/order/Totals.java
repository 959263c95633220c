package io.quartermaster.orders.domain.order;

import io.quartermaster.platform.api.Money;
import java.math.BigDecimal;
import java.util.List;

/**
 * Subtotal, tax and total of priced lines. Prices are tax-exclusive; line taxes are summed
 * unrounded and the sum is rounded once ({@link Money#rounded()}), so a cart of many cheap
 * lines does not gain or lose cents line by line.
 */
public record Totals(Money subtotal, Money tax, Money total) {

    public static Totals of(List<PricedLine> lines) {
        Money subtotal = Money.zero();
        Money tax = Money.zero();
        for (PricedLine line : lines) {
            subtotal = subtotal.plus(Money.of(line.lineTotal()));
            tax = tax.plus(Money.of(line.lineTax()));
        }
        Money roundedSubtotal = subtotal.rounded();
        Money roundedTax = tax.rounded();
        return new Totals(roundedSubtotal, roundedTax, roundedSubtotal.plus(roundedTax));
    }

    public static Totals of(BigDecimal subtotal, BigDecimal tax) {
        Money s = Money.of(subtotal).rounded();
        Money t = Money.of(tax).rounded();
        return new Totals(s, t, s.plus(t));
    }
}
