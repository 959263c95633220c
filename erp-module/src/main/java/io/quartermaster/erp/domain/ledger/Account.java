package io.quartermaster.erp.domain.ledger;

import io.quartermaster.erp.api.refusal.AccountTypeFixed;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An account of the chart. Its type is fixed once it exists: changing it would flip the sign of
 * every balance already posted to it. Rows are written by an upsert ({@code on conflict (code) do
 * update set name}), so a concurrent PUT of the same code cannot fail on the key; the entity reads them.
 */
@Entity
@Table(name = "account", schema = "erp")
public class Account {

    @Id
    private String code;

    @Column(nullable = false, insertable = false, updatable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, insertable = false, updatable = false)
    private AccountType type;

    @Column(name = "created_at", insertable = false, updatable = false)
    private Instant createdAt;

    protected Account() {
    }

    /** Refuses a type other than the account's own. */
    public void requireType(AccountType requested) {
        if (requested != type) {
            throw new AccountTypeFixed("account " + code + " is " + type + "; its type cannot change");
        }
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public AccountType type() {
        return type;
    }
}
