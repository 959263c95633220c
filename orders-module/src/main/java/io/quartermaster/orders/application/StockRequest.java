package io.quartermaster.orders.application;

import io.quartermaster.inventory.api.CartLine;
import io.quartermaster.orders.api.Seller;
import io.quartermaster.orders.api.Viewer;
import io.quartermaster.platform.api.idempotency.IdempotentCall;
import java.util.List;
import java.util.UUID;

/**
 * A request that locks stock rows, waiting in the {@link StockBatcher} for the next batch.
 * Every request is about one checkout; two requests about the same checkout never share a
 * batch.
 */
public sealed interface StockRequest permits StockRequest.HoldCart, StockRequest.ConfirmPaid, StockRequest.Allot,
        StockRequest.Settle {

    UUID checkoutId();

    /**
     * Price a cart and hold its stock as a new checkout. {@code paying}: the checkout of a
     * one-shot order, created already claimed for payment. {@code resumable}: its id is
     * derived from an Idempotency-Key, so an earlier attempt may have created it already.
     * {@code call}: the key is claimed in this batch (null: no key, or claimed already).
     */
    record HoldCart(Seller seller, List<CartLine> cart, UUID checkoutId, String customerRef, boolean paying,
                    boolean resumable, IdempotentCall call) implements StockRequest {
    }

    /**
     * Turn a checkout whose payment was captured into its order, selling the held units.
     * {@code call}: the order's answer is stored for the key in this batch (null: no key).
     */
    record ConfirmPaid(UUID checkoutId, Viewer viewer, String captureRef, IdempotentCall call) implements StockRequest {
    }

    /**
     * Aim a register's allotments at its location at these targets. Its "checkout" is the
     * register ({@link #checkoutId()} derived from the holder), so two requests about one
     * register never share a batch.
     */
    record Allot(String holder, String location, List<io.quartermaster.inventory.api.SetAllotment.Target> targets,
                 String actor) implements StockRequest {
        @Override
        public UUID checkoutId() {
            return ofHolder(holder);
        }
    }

    /** The "checkout" of a register's requests: one per holder, so two of them never share a batch. */
    private static UUID ofHolder(String holder) {
        return UUID.nameUUIDFromBytes(("allotment|" + holder).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * Record a register's sales ({@link RegisterSettlement}). Its "checkout" is the register, like
     * {@link Allot}'s, so a register's settlements and allotment changes never share a batch.
     * {@code payments}: what the card captures made before the batch found, by sale id.
     */
    record Settle(String register, String holder, String location, String owner,
                  List<io.quartermaster.orders.api.RegisterSales.Sale> sales,
                  java.util.Map<UUID, RegisterSettlement.Payment> payments, String actor) implements StockRequest {
        @Override
        public UUID checkoutId() {
            return ofHolder(holder);
        }
    }
}
