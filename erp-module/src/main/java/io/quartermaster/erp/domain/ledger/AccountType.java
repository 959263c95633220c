package io.quartermaster.erp.domain.ledger;

import java.math.BigDecimal;

/**
 * What kind of account an account is, which decides the sign of its balance: assets and expenses
 * grow with debits, liabilities, equity and income with credits. Income and expense accounts are
 * the income statement's; the other three are the balance sheet's.
 */
public enum AccountType {
    ASSET(true), LIABILITY(false), EQUITY(false), INCOME(false), EXPENSE(true);

    private final boolean debitNormal;

    AccountType(boolean debitNormal) {
        this.debitNormal = debitNormal;
    }

    /** The balance in this type's normal direction. */
    public BigDecimal balance(BigDecimal debit, BigDecimal credit) {
        return debitNormal ? debit.subtract(credit) : credit.subtract(debit);
    }
}
