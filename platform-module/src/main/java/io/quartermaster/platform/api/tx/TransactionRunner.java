package io.quartermaster.platform.api.tx;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.function.Supplier;

/** A new JTA transaction around a piece of work; used by {@link Transactions}. */
@ApplicationScoped
public class TransactionRunner {

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public <T> T requiresNew(Supplier<T> work) {
        return work.get();
    }

    @PersistenceContext(unitName = "platform")
    EntityManager em;

    /**
     * A new read-only REPEATABLE READ transaction: every query of {@code work}, whichever
     * module's persistence unit runs it, sees the same snapshot of the database (all units
     * share the one data source, so the JTA transaction has one connection). For checks
     * that compare tables written together while writers keep committing.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public <T> T readOnlySnapshot(Supplier<T> work) {
        em.createNativeQuery("set transaction isolation level repeatable read, read only").executeUpdate();
        return work.get();
    }
}
