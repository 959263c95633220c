package io.quartermaster.erp.domain.ledger;

/** The accounts the posting rules use, from the default retail chart (V2 migration). */
public final class Accounts {

    public static final String CLEARING = "1000";
    public static final String RECEIVABLES = "1100";
    public static final String INVENTORY = "1200";
    public static final String PAYABLES = "2000";
    public static final String SALES_TAX = "2100";
    public static final String REVENUE = "4000";
    public static final String COGS = "5000";
    public static final String SHRINKAGE = "5100";

    private Accounts() {
    }
}
