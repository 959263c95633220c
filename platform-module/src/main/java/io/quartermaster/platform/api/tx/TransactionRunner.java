package io.quartermaster.platform.api.tx;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.function.Supplier;

/** A new JTA transaction around a piece of work; used by {@link Transactions}. */
@ApplicationScoped
public class TransactionRunner {

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public <T> T requiresNew(Supplier<T> work) {
        return work.get();
    }
}
