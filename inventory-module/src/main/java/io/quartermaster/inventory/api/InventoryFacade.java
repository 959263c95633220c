package io.quartermaster.inventory.api;

import io.quartermaster.platform.api.check.InvariantCheck;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The inventory module's contract. Every stock command runs as one short transaction that
 * locks the stock rows it touches in (location, SKU) order, checks, changes, appends its
 * movements and stores its events; when called inside the caller's transaction it joins it.
 * Refusals are named ({@code api.refusal}; the platform's {@code InvalidField}, {@code NotFound}):
 * {@code UnknownSku}/{@code UnknownLocation}, {@code InvalidField} for bad quantities,
 * {@code InsufficientStock} (with {@code shortages}), {@code BelowReserved}, {@code HoldExpired}, …
 */
public interface InventoryFacade {

    Saved<ProductView> putProduct(Sku sku, PutProduct product);

    Optional<ProductView> product(Sku sku);

    /** The products of these SKUs that exist, by SKU (one query). */
    Map<Sku, ProductView> products(Collection<Sku> skus);

    Page<ProductView> products(int page, int size);

    /**
     * Products whose SKU or name contains {@code text} (any case; null for all), sorted by
     * {@code sortBy} (sku, name or price), one page of them.
     */
    Page<ProductView> products(String text, String sortBy, boolean ascending, int page, int size);

    Saved<LocationView> putLocation(LocationCode code, PutLocation location);

    List<LocationView> locations();

    /** All lines or none; 409 with the shortages when any line cannot be held. */
    HoldView placeHold(PlaceHold command);

    /** Converts an active hold into SALE movements referenced by {@code reference}; 410 if it expired, 409 if resolved. */
    HoldView confirmHold(HoldId holdId, String reference, String actor);

    /** Frees an active hold's units; 409 if it is no longer active. */
    HoldView releaseHold(HoldId holdId, String actor);

    /**
     * Applies several hold commands as one group commit (DESIGN.md §2): in one transaction —
     * the caller's, when it has one — the holds they resolve are locked, then the union of
     * their stock rows once, in (location, SKU) order, and each command is decided in the order
     * given. A command that cannot be served is refused alone (its outcome carries the refusal
     * the single command would have thrown) and changes nothing; the others proceed.
     */
    List<HoldOutcome> applyHolds(List<? extends HoldCommand> commands);

    Optional<HoldView> hold(HoldId holdId);

    /** Every allotment of {@code holder} (e.g. {@code register:T1}), by SKU and location. */
    List<AllotmentView> allotments(String holder);

    /**
     * The holder is lost (DESIGN.md §9): its allotments at {@code location} stay reserved — units it
     * may have sold offline are not handed to anyone on a guess — until a count of each SKU there
     * gives them back, in the count's own transaction. Doing it again changes nothing.
     */
    void freezeAllotments(String holder, LocationCode location);

    List<HoldView> activeHolds();

    MovementView receive(ReceiveStock command, String actor);

    /** 409 when it would take on hand below what is reserved. */
    MovementView adjust(AdjustStock command, String actor);

    /** The two movements: out at the source, in at the destination, at the source's average cost. */
    List<MovementView> transfer(TransferStock command, String actor);

    /** The correction movement, or empty when the count matches. */
    Optional<MovementView> count(CountStock command, String actor);

    /** Sold units come back, at the cost their sale (movements referenced by {@code saleReference}) left at. */
    List<MovementView> returnSold(String saleReference, List<CartLine> lines, String actor);

    StockView stock(Sku sku);

    /** Units available for sale of {@code sku}, summed over {@code locations}. */
    int available(Sku sku, List<LocationCode> locations);

    Page<MovementView> movements(Sku sku, int page, int size);

    /** The columns a SKU's movements can be sorted by (newest first when none is chosen). */
    enum MovementSort { WHEN, KIND, QUANTITY, VALUE, ACTOR }

    /** One page of the SKU's movements sorted in the database by {@code sort}, then newest first. */
    Page<MovementView> movements(Sku sku, int page, int size, MovementSort sort, boolean ascending);

    /** Every stock level with its value at moving-average cost: the inventory valuation. */
    List<StockView.Valuation> valuation();

    /** Units sold per day (UTC) of {@code sku} at {@code location}, oldest first, for the last {@code days} days including today. */
    int[] dailySales(Sku sku, LocationCode location, int days);

    /** Verifies the stock invariants over all stock levels. */
    StockCheck check();

    /** The same rules as {@link #check()}, one entry per rule, for the system-wide invariant checker. */
    List<InvariantCheck> invariants();

    /** Units sold (SALE movements, as positive numbers) per movement reference and SKU. */
    Map<String, Map<String, Integer>> unitsSoldByReference();
}
