package io.quartermaster.inventory.application;

import io.quartermaster.inventory.api.AdjustStock;
import io.quartermaster.inventory.api.AllotmentView;
import io.quartermaster.inventory.api.CartLine;
import io.quartermaster.inventory.api.ConfirmHold;
import io.quartermaster.inventory.api.CountStock;
import io.quartermaster.inventory.api.HoldCommand;
import io.quartermaster.inventory.api.HoldId;
import io.quartermaster.inventory.api.HoldOutcome;
import io.quartermaster.inventory.api.HoldView;
import io.quartermaster.inventory.api.InventoryFacade.MovementSort;
import io.quartermaster.inventory.api.InventoryFacade;
import io.quartermaster.inventory.api.LocationCode;
import io.quartermaster.inventory.api.LocationView;
import io.quartermaster.inventory.api.MovementView;
import io.quartermaster.inventory.api.Page;
import io.quartermaster.inventory.api.PlaceHold;
import io.quartermaster.inventory.api.ProductView;
import io.quartermaster.inventory.api.PutLocation;
import io.quartermaster.inventory.api.PutProduct;
import io.quartermaster.inventory.api.ReceiveStock;
import io.quartermaster.inventory.api.ReleaseHold;
import io.quartermaster.inventory.api.Saved;
import io.quartermaster.inventory.api.Sku;
import io.quartermaster.inventory.api.StockCheck;
import io.quartermaster.inventory.api.StockView;
import io.quartermaster.inventory.api.TransferStock;
import io.quartermaster.platform.api.check.InvariantCheck;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The inventory's facade, and nothing but: each call goes to the use case that owns it — the
 * catalogue ({@link Catalogue}), holds ({@link Holds}), the other stock commands
 * ({@link StockCommands}), reads ({@link StockQueries}) and checks ({@link StockChecks}).
 */
@ApplicationScoped
public class Inventory implements InventoryFacade {

    @Inject
    StockCommands commands;

    @Inject
    Holds holds;

    @Inject
    Catalogue catalogue;

    @Inject
    StockQueries queries;

    @Inject
    StockChecks checks;

    @Inject
    Allotments allotments;

    @Inject
    io.quartermaster.platform.api.tx.Transactions transactions;


    // ---------------------------------------------------------------- catalogue (Catalogue)

    @Override
    public Saved<ProductView> putProduct(Sku sku, PutProduct request) {
        return catalogue.putProduct(sku, request);
    }

    @Override
    public Optional<ProductView> product(Sku sku) {
        return catalogue.product(sku);
    }

    @Override
    public Map<Sku, ProductView> products(Collection<Sku> skus) {
        return catalogue.products(skus);
    }

    @Override
    public Page<ProductView> products(int page, int size) {
        return catalogue.products(page, size);
    }

    @Override
    public Page<ProductView> products(String text, String sortBy, boolean ascending, int page, int size) {
        return catalogue.products(text, sortBy, ascending, page, size);
    }

    @Override
    public Saved<LocationView> putLocation(LocationCode code, PutLocation request) {
        return catalogue.putLocation(code, request);
    }

    @Override
    public List<LocationView> locations() {
        return catalogue.locations();
    }

    // ---------------------------------------------------------------- reads (StockQueries)

    @Override
    public StockView stock(Sku sku) {
        return queries.stock(sku);
    }

    @Override
    public int available(Sku sku, List<LocationCode> locations) {
        return queries.available(sku, locations);
    }

    @Override
    public Page<MovementView> movements(Sku sku, int page, int size) {
        return queries.movements(sku, page, size);
    }

    @Override
    public Page<MovementView> movements(Sku sku, int page, int size, MovementSort sort, boolean ascending) {
        return queries.movements(sku, page, size, sort, ascending);
    }

    @Override
    public int[] dailySales(Sku sku, LocationCode location, int days) {
        return queries.dailySales(sku, location, days);
    }

    @Override
    public List<StockView.Valuation> valuation() {
        return queries.valuation();
    }

    @Override
    public Map<String, Map<String, Integer>> unitsSoldByReference() {
        return queries.unitsSoldByReference();
    }

    // ---------------------------------------------------------------- checks (StockChecks)

    @Override
    public StockCheck check() {
        return checks.check();
    }

    @Override
    public List<InvariantCheck> invariants() {
        return checks.invariants();
    }

    // ---------------------------------------------------------------- holds

    @Override
    public HoldView placeHold(PlaceHold command) {
        return holds.apply(List.of(command)).get(0).orThrow();
    }

    @Override
    public HoldView confirmHold(HoldId holdId, String reference, String actor) {
        return holds.apply(List.of(new ConfirmHold(holdId, reference, actor))).get(0).orThrow();
    }

    @Override
    public HoldView releaseHold(HoldId holdId, String actor) {
        return holds.apply(List.of(new ReleaseHold(holdId, actor))).get(0).orThrow();
    }

    @Override
    public List<HoldOutcome> applyHolds(List<? extends HoldCommand> commands) {
        return holds.apply(commands);
    }

    @Override
    public void freezeAllotments(String holder, LocationCode location) {
        transactions.inTransaction(() -> allotments.freeze(holder, location.value()));
    }

    @Override
    public List<AllotmentView> allotments(String holder) {
        return allotments.of(holder, catalogue.locationCodes());
    }

    /** Releases up to {@code max} expired holds that no one else holds the lock of, as one batch; how many. */
    public int expireDue(int max) {
        return holds.expireDue(max);
    }

    @Override
    public Optional<HoldView> hold(HoldId holdId) {
        return holds.find(holdId);
    }

    @Override
    public List<HoldView> activeHolds() {
        return holds.active();
    }

    // ---------------------------------------------------------------- stock commands (StockCommands)

    @Override
    public MovementView receive(ReceiveStock command, String actor) {
        return commands.receive(command, actor);
    }

    @Override
    public MovementView adjust(AdjustStock command, String actor) {
        return commands.adjust(command, actor);
    }

    @Override
    public List<MovementView> transfer(TransferStock command, String actor) {
        return commands.transfer(command, actor);
    }

    @Override
    public Optional<MovementView> count(CountStock command, String actor) {
        return commands.count(command, actor);
    }

    @Override
    public List<MovementView> returnSold(String saleReference, List<CartLine> lines, String actor) {
        return commands.returnSold(saleReference, lines, actor);
    }
}
