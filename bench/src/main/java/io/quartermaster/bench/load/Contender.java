package io.quartermaster.bench.load;

import java.util.Map;

/**
 * A way of selling stock that the bench drives with buyers: Quartermaster's REST API, or one of
 * the bench-only JDBC drivers it is compared with. One instance is shared by all client
 * threads of a run.
 */
interface Contender extends AutoCloseable {

    String name();

    /** Sells {@code cart} once; never throws for a refusal — that is a verdict. */
    Attempt buy(Cart cart) throws InterruptedException;

    /** On hand per SKU number as the contender's own tables hold it, for the oversell check. */
    Map<Integer, Long> onHand() throws Exception;

    @Override
    default void close() throws Exception {
    }
}
