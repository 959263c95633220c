package io.quartermaster.web.demo;

import io.quartermaster.erp.api.PutReplenishment;
import io.quartermaster.erp.api.PutVendor;
import io.quartermaster.erp.api.ReplenishmentFacade;
import io.quartermaster.inventory.api.InventoryFacade;
import io.quartermaster.inventory.api.LocationCode;
import io.quartermaster.inventory.api.PutProduct;
import io.quartermaster.inventory.api.ReceiveStock;
import io.quartermaster.inventory.api.Sku;
import io.quartermaster.orders.api.LineRequest;
import io.quartermaster.orders.api.OrderFacade;
import io.quartermaster.orders.api.OrderRequest;
import io.quartermaster.orders.api.PaymentRequest;
import io.quartermaster.orders.api.Seller;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code ./quartermaster run --demo}: a small shop to click through — products with stock
 * at MAIN, one of them down to its last unit (the classic race). Loaded once: a database
 * that already has the demo products is left alone. Goes through the facades, like any user.
 */
@Singleton
@Startup
@DependsOn({"DatabaseMigrations", "FirstAdmin"})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

    private static final LocationCode MAIN = new LocationCode("MAIN");

    @Inject
    @ConfigProperty(name = "qm.demo", defaultValue = "false")
    boolean demo;

    @Inject
    InventoryFacade inventory;

    @Inject
    OrderFacade orders;

    @Inject
    ReplenishmentFacade replenishment;

    private record Item(String sku, String name, String price, String taxRate, int stock, String unitCost) {
    }

    private int order(Seller seller, List<LineRequest> lines) {
        orders.placeOrder(seller, new OrderRequest(lines, new PaymentRequest("tok_demo"), "demo customer"));
        return 1;
    }

    private static final List<Item> ITEMS = List.of(
            new Item("MUG-BLUE", "Enamel mug, blue", "12.50", "0.20", 40, "4.10"),
            new Item("MUG-RED", "Enamel mug, red", "12.50", "0.20", 25, "4.10"),
            new Item("TEE-M", "Organic T-shirt, M", "24.00", "0.20", 60, "8.75"),
            new Item("TEE-L", "Organic T-shirt, L", "24.00", "0.20", 12, "8.75"),
            new Item("BOOK-ATLAS", "Pocket atlas", "18.90", "0.055", 8, "9.20"),
            new Item("LAMP-ONE", "Desk lamp, last one in stock", "79.00", "0.20", 1, "31.00"));

    @Resource
    ManagedExecutorService executor;

    /**
     * Loads in the background once the application is up, like any client would: a failure is
     * logged and never stops the application from starting.
     */
    @PostConstruct
    void start() {
        if (demo) {
            executor.submit(() -> {
                try {
                    load();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Demo data could not be loaded: " + e.getMessage(), e);
                }
            });
        }
    }

    void load() {
        if (inventory.product(new Sku(ITEMS.get(0).sku())).isPresent()) {
            LOG.info("Demo data already loaded");
            return;
        }
        for (Item item : ITEMS) {
            inventory.putProduct(new Sku(item.sku()), new PutProduct(item.name(), new BigDecimal(item.price()),
                    new BigDecimal(item.taxRate())));
            inventory.receive(new ReceiveStock(item.sku(), "MAIN", item.stock(), new BigDecimal(item.unitCost()),
                    "demo opening stock"), "demo");
        }
        // Purchasing: the mugs are reordered from their potter when fewer than 30 are left for sale.
        replenishment.putVendor("POTTERY", new PutVendor("Stoneware Pottery Co.", "orders@pottery.example", 5));
        replenishment.putVendor("TEXTILE", new PutVendor("Fair Textiles", "purchasing@textiles.example", 14));
        replenishment.putSetting(new Sku("MUG-BLUE"), MAIN, new PutReplenishment(30, 60, "POTTERY", 6, 12, new BigDecimal("4.10"), true));
        replenishment.putSetting(new Sku("MUG-RED"), MAIN, new PutReplenishment(10, 40, "POTTERY", 6, 12, new BigDecimal("4.10"), false));
        replenishment.putSetting(new Sku("TEE-M"), MAIN, new PutReplenishment(20, 80, "TEXTILE", 10, 20, new BigDecimal("8.75"), true));
        int placed = 0;
        for (String channel : List.of("WEB", "MOBILE", "POS")) {
            Seller seller = new Seller("demo:" + channel, channel, "demo");
            placed += order(seller, List.of(new LineRequest("MUG-BLUE", 2), new LineRequest("TEE-M", 1)));
            placed += order(seller, List.of(new LineRequest("BOOK-ATLAS", 1)));
        }
        final int orderCount = placed;
        LOG.info(() -> "Demo data loaded: " + ITEMS.size() + " products with stock at MAIN, " + orderCount
                + " orders over WEB, MOBILE and POS, vendors and reorder settings");
    }
}
