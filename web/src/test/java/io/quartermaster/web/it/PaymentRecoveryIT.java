package io.quartermaster.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quartermaster.inventory.api.InventoryFacade;
import io.quartermaster.inventory.api.PutProduct;
import io.quartermaster.inventory.api.ReceiveStock;
import io.quartermaster.inventory.api.Sku;
import io.quartermaster.orders.api.CheckoutRequest;
import io.quartermaster.orders.api.CheckoutView;
import io.quartermaster.orders.api.LineRequest;
import io.quartermaster.orders.api.OrderFacade;
import io.quartermaster.orders.api.PutChannel;
import io.quartermaster.orders.api.Seller;
import io.quartermaster.orders.domain.payment.PaymentGateway;
import io.quartermaster.orders.infrastructure.PaymentSimulator;
import io.quartermaster.platform.api.Money;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A confirm abandoned between the capture and the order (the instance died) loses no money:
 * once the hold has expired, the capture is found by the checkout id, refunded exactly once,
 * and the stock is free again.
 */
@ExtendWith(ArquillianExtension.class)
class PaymentRecoveryIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.quartermaster();
    }

    @Inject
    OrderFacade orders;

    @Inject
    InventoryFacade inventory;

    @Inject
    PaymentGateway gateway;

    @Resource(lookup = "java:app/jdbc/quartermaster")
    DataSource dataSource;

    @Test
    void aCaptureLeftBehindByADeadInstanceIsRefundedOnceTheHoldExpires() throws Exception {
        String sku = "REC-" + UUID.randomUUID().toString().substring(0, 8);
        inventory.putProduct(new Sku(sku), new PutProduct("Recovered", new BigDecimal("20.00"), new BigDecimal("0.10")));
        inventory.receive(new ReceiveStock(sku, "MAIN", 2, BigDecimal.ONE, null), "it");
        String channel = "REC" + UUID.randomUUID().toString().substring(0, 4).toUpperCase().replace("-", "X");
        orders.putChannel(channel, new PutChannel("Short holds", 1, List.of("MAIN")));
        CheckoutView checkout = orders.startCheckout(new Seller("it-recovery", channel, "it"),
                new CheckoutRequest(List.of(new LineRequest(sku, 2)), null));

        // What a confirm does up to the moment its instance is killed: PAYING, and the capture taken.
        sql("update orders.checkout set status = 'PAYING' where id = '" + checkout.id() + "'");
        PaymentGateway.CaptureResult capture = gateway.capture(checkout.id().toString(), "tok_visa", Money.of(checkout.total()));
        String captureRef = ((PaymentGateway.Captured) capture).captureRef();

        Poll.until(() -> string("select status from orders.checkout where id = '" + checkout.id() + "'"), "EXPIRED"::equals,
                Duration.ofSeconds(40), "the abandoned checkout to be resolved");
        PaymentSimulator simulator = jakarta.enterprise.inject.spi.CDI.current().select(PaymentSimulator.class).get();
        Poll.until(() -> simulator.refunded(captureRef), m -> m.equals(Money.of(checkout.total())), Duration.ofSeconds(10),
                "the capture refunded");
        Thread.sleep(11_000); // another recovery pass must not refund again
        assertEquals(Money.of(checkout.total()), simulator.refunded(captureRef), "refunded exactly once");
        assertEquals("1", string("select count(*) from orders.payment where checkout_id = '" + checkout.id() + "' and kind = 'REFUND'"));
        assertEquals("0", string("select count(*) from orders.customer_order where checkout_id = '" + checkout.id() + "'"));
        Poll.until(() -> inventory.stock(new Sku(sku)).available(), a -> a == 2, Duration.ofSeconds(10), "the stock free again");
        assertTrue(inventory.check().ok());
    }

    private String string(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql);
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    private void sql(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.executeUpdate();
        }
    }
}
