package io.quartermaster.erp.application;

import io.quartermaster.erp.api.LedgerViews.AccountView;
import io.quartermaster.erp.api.LedgerViews.BalanceSheet;
import io.quartermaster.erp.api.LedgerViews.GeneralLedger;
import io.quartermaster.erp.api.LedgerViews.IncomeStatement;
import io.quartermaster.erp.api.LedgerViews.LedgerLine;
import io.quartermaster.erp.api.LedgerViews.Reconciliation;
import io.quartermaster.erp.api.LedgerViews.StatementLine;
import io.quartermaster.erp.api.LedgerViews.TrialBalance;
import io.quartermaster.erp.api.LedgerViews.TrialLine;
import io.quartermaster.erp.api.NewAccount;
import io.quartermaster.erp.domain.ledger.Account;
import io.quartermaster.erp.domain.ledger.AccountType;
import io.quartermaster.erp.domain.ledger.Accounts;
import io.quartermaster.erp.domain.ledger.ConsumedEvents;
import io.quartermaster.inventory.api.InventoryFacade;
import io.quartermaster.inventory.api.StockView;
import io.quartermaster.platform.api.event.EventLog;
import io.quartermaster.platform.api.problem.InvalidField;
import io.quartermaster.platform.api.problem.NotFound;
import io.quartermaster.platform.api.tx.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The chart of accounts and what is read from the journal: account balances, the trial
 * balance, the income statement, the balance sheet, an account's general ledger and the
 * reconciliation of the inventory account with the stock's valuation.
 */
@ApplicationScoped
public class Statements {

    @PersistenceContext(unitName = "erp")
    EntityManager em;

    @Inject
    InventoryFacade inventory;

    @Inject
    EventLog backlog;

    @Inject
    Transactions transactions;

    @Inject
    Clock clock;

    private record Totals(String code, String name, AccountType type, BigDecimal debit, BigDecimal credit) {
        /** The balance in the account's normal direction. */
        BigDecimal balance() {
            return type.balance(debit, credit);
        }
    }

    private List<Totals> totals(LocalDate from, LocalDate to) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select a.code, a.name, a.type, coalesce(sum(l.debit), 0), coalesce(sum(l.credit), 0) "
                        + "from erp.account a left join (erp.journal_line l join erp.journal_entry e on e.id = l.entry_id "
                        + "and e.entry_date >= ?1 and e.entry_date <= ?2) on l.account = a.code "
                        + "group by a.code, a.name, a.type order by a.code")
                .setParameter(1, Date.valueOf(from)).setParameter(2, Date.valueOf(to))
                .getResultList();
        return rows.stream().map(r -> new Totals((String) r[0], (String) r[1], AccountType.valueOf((String) r[2]),
                (BigDecimal) r[3], (BigDecimal) r[4])).toList();
    }

    /** Before the first entry: the start of "from the beginning". */
    static final LocalDate BEGINNING = LocalDate.of(1970, 1, 1);

    public List<AccountView> accounts(LocalDate asOf) {
        return totals(BEGINNING, asOf == null ? LocalDate.of(9999, 12, 31) : asOf).stream()
                .map(t -> new AccountView(t.code(), t.name(), t.type().name(), t.balance())).toList();
    }

    public AccountView putAccount(String code, NewAccount account) {
        if (code == null || !code.matches("^[0-9]{3,6}$")) {
            throw new InvalidField("code", "3 to 6 digits");
        }
        return transactions.inTransaction(() -> {
            Account existing = em.find(Account.class, code);
            if (existing != null) {
                existing.requireType(AccountType.valueOf(account.type));
            }
            em.createNativeQuery("insert into erp.account (code, name, type) values (?1, ?2, ?3) "
                            + "on conflict (code) do update set name = excluded.name")
                    .setParameter(1, code).setParameter(2, account.name.strip()).setParameter(3, account.type)
                    .executeUpdate();
            return accounts(null).stream().filter(a -> a.code().equals(code)).findFirst().orElseThrow();
        });
    }

    public TrialBalance trialBalance(LocalDate asOf) {
        LocalDate date = asOf == null ? LocalDate.now(clock) : asOf;
        List<TrialLine> lines = new ArrayList<>();
        BigDecimal totalDebit = BigDecimal.ZERO;
        BigDecimal totalCredit = BigDecimal.ZERO;
        for (Totals t : totals(BEGINNING, date)) {
            BigDecimal net = t.debit().subtract(t.credit());
            BigDecimal debit = net.signum() > 0 ? net : BigDecimal.ZERO;
            BigDecimal credit = net.signum() < 0 ? net.negate() : BigDecimal.ZERO;
            lines.add(new TrialLine(t.code(), t.name(), t.type().name(), debit, credit));
            totalDebit = totalDebit.add(debit);
            totalCredit = totalCredit.add(credit);
        }
        return new TrialBalance(date, lines, totalDebit, totalCredit);
    }

    public IncomeStatement incomeStatement(LocalDate from, LocalDate to) {
        LocalDate end = to == null ? LocalDate.now(clock) : to;
        LocalDate start = from == null ? end.withDayOfMonth(1) : from;
        List<StatementLine> income = new ArrayList<>();
        List<StatementLine> expenses = new ArrayList<>();
        for (Totals t : totals(start, end)) {
            if (t.type() == AccountType.INCOME) {
                income.add(new StatementLine(t.code(), t.name(), t.balance()));
            } else if (t.type() == AccountType.EXPENSE) {
                expenses.add(new StatementLine(t.code(), t.name(), t.balance()));
            }
        }
        BigDecimal totalIncome = sum(income);
        BigDecimal totalExpenses = sum(expenses);
        return new IncomeStatement(start, end, income, expenses, totalIncome, totalExpenses, totalIncome.subtract(totalExpenses));
    }

    public BalanceSheet balanceSheet(LocalDate asOf) {
        LocalDate date = asOf == null ? LocalDate.now(clock) : asOf;
        Map<AccountType, List<StatementLine>> sections = new EnumMap<>(AccountType.class);
        BigDecimal earnings = BigDecimal.ZERO;
        for (Totals t : totals(BEGINNING, date)) {
            switch (t.type()) {
                case INCOME -> earnings = earnings.add(t.balance());
                case EXPENSE -> earnings = earnings.subtract(t.balance());
                default -> sections.computeIfAbsent(t.type(), k -> new ArrayList<>())
                        .add(new StatementLine(t.code(), t.name(), t.balance()));
            }
        }
        List<StatementLine> assets = sections.getOrDefault(AccountType.ASSET, List.of());
        List<StatementLine> liabilities = sections.getOrDefault(AccountType.LIABILITY, List.of());
        List<StatementLine> equity = sections.getOrDefault(AccountType.EQUITY, List.of());
        return new BalanceSheet(date, assets, liabilities, equity, earnings, sum(assets),
                sum(liabilities).add(sum(equity)).add(earnings));
    }

    public GeneralLedger generalLedger(String account, LocalDate from, LocalDate to) {
        LocalDate end = to == null ? LocalDate.now(clock) : to;
        LocalDate start = from == null ? end.withDayOfMonth(1) : from;
        Totals opening = totals(BEGINNING, start.minusDays(1)).stream().filter(t -> t.code().equals(account)).findFirst()
                .orElseThrow(() -> new NotFound("no account " + account));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select e.id, e.entry_date, e.description, l.debit, l.credit "
                        + "from erp.journal_line l join erp.journal_entry e on e.id = l.entry_id "
                        + "where l.account = ?1 and e.entry_date >= ?2 and e.entry_date <= ?3 order by e.entry_date, e.id, l.line_no")
                .setParameter(1, account).setParameter(2, Date.valueOf(start)).setParameter(3, Date.valueOf(end))
                .getResultList();
        BigDecimal balance = opening.balance();
        List<LedgerLine> lines = new ArrayList<>();
        for (Object[] r : rows) {
            BigDecimal debit = (BigDecimal) r[3];
            BigDecimal credit = (BigDecimal) r[4];
            balance = balance.add(opening.type().balance(debit, credit));
            lines.add(new LedgerLine(((Number) r[0]).longValue(), ((Date) r[1]).toLocalDate(), (String) r[2], debit, credit, balance));
        }
        return new GeneralLedger(account, opening.name(), opening.type().name(), start, end, opening.balance(), lines, balance);
    }

    public Reconciliation reconciliation() {
        BigDecimal valuation = inventory.valuation().stream().map(StockView.Valuation::value)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal ledger = accounts(null).stream().filter(a -> a.code().equals(Accounts.INVENTORY)).findFirst()
                .map(AccountView::balance).orElse(BigDecimal.ZERO);
        EventLog.Pending pending = backlog.pending(LedgerPostings.CONSUMER, ConsumedEvents.VALUED_STOCK_EVENTS);
        return new Reconciliation(valuation, ledger, valuation.subtract(ledger), pending.count(), pending.oldest(),
                pending.count() == 0);
    }

    private static BigDecimal sum(List<StatementLine> lines) {
        return lines.stream().map(StatementLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
