package io.quartermaster.erp.domain.ledger;

import java.math.BigDecimal;

/** One side of a journal line: an account and a debit or a credit (the other is zero). */
public record Posting(String account, BigDecimal debit, BigDecimal credit) {

    public static Posting debit(String account, BigDecimal amount) {
        return new Posting(account, amount, BigDecimal.ZERO);
    }

    public static Posting credit(String account, BigDecimal amount) {
        return new Posting(account, BigDecimal.ZERO, amount);
    }
}
