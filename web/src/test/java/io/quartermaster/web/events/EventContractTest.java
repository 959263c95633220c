package io.quartermaster.web.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.quartermaster.erp.domain.ledger.ConsumedEvents;
import io.quartermaster.erp.domain.ledger.LedgerEvent;
import io.quartermaster.erp.domain.ledger.LedgerEvent.Sale;
import io.quartermaster.erp.domain.ledger.LedgerEvent.SaleReversal;
import io.quartermaster.erp.domain.ledger.LedgerEvent.StockValueChange;
import io.quartermaster.erp.domain.ledger.PostingRules;
import io.quartermaster.inventory.api.event.StockAdjusted;
import io.quartermaster.inventory.api.event.StockCounted;
import io.quartermaster.inventory.api.event.StockLevelState;
import io.quartermaster.inventory.api.event.StockReceived;
import io.quartermaster.inventory.api.event.StockReleased;
import io.quartermaster.inventory.api.event.StockReserved;
import io.quartermaster.inventory.api.event.StockReturned;
import io.quartermaster.inventory.api.event.StockSold;
import io.quartermaster.inventory.api.event.StockTransferred;
import io.quartermaster.orders.api.event.OrderCancelled;
import io.quartermaster.orders.api.event.OrderLine;
import io.quartermaster.orders.api.event.OrderPlaced;
import io.quartermaster.orders.api.event.OrderReturned;
import io.quartermaster.platform.api.event.DomainEvent;
import io.quartermaster.platform.api.event.EventEnvelope;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The contract between the events' publishers and the books: each publisher's record, written as it is
 * written into the outbox, is decoded by the ERP's own records with every field the ledger uses, and the
 * type names the ERP listens for are the publishers' names. The ERP does not depend on the orders module,
 * so a renamed or reshaped event fails here, at build time, not in the books at run time.
 */
class EventContractTest {

    private static final UUID ORDER = UUID.fromString("0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0");
    private static final StockLevelState LEVEL = new StockLevelState(7, 1, 6, new BigDecimal("2.5000"), new BigDecimal("17.50"), 4);

    @Test
    void aSaleIsReadByTheBooksWithItsOrderChannelAndRoundedTotals() {
        LedgerEvent decoded = decode(new OrderPlaced(ORDER, "WEB", List.of(line()), new BigDecimal("19.80"),
                new BigDecimal("3.96"), new BigDecimal("23.76"), "EUR", Instant.parse("2026-12-01T10:00:00Z"), null, false));
        assertThat(decoded).isEqualTo(new Sale(ORDER.toString(), "WEB", new BigDecimal("19.80"), new BigDecimal("3.96"),
                new BigDecimal("23.76"), null, false));
        assertThat(PostingRules.describe(decoded)).isEqualTo("Sale, order " + ORDER + " (WEB)");
        assertThat(PostingRules.postings(decoded)).hasSize(3);
    }

    @Test
    void aRegistersSaleIsBookedOnTheDayItWasMadeAndADeclinedCardIsOwedByTheCustomer() {
        Instant soldAt = Instant.parse("2026-11-30T23:30:00Z");
        OrderPlaced sale = new OrderPlaced(ORDER, "POS", List.of(line()), new BigDecimal("19.80"), new BigDecimal("3.96"),
                new BigDecimal("23.76"), "EUR", soldAt, "TILL-1", true);
        EventEnvelope written = EventEnvelope.wrap(sale, UUID.randomUUID(), Instant.parse("2026-12-02T09:00:00Z"));
        EventEnvelope read = EventEnvelope.fromJson(written.toJson());
        io.quartermaster.erp.application.Journal.AutoEntry entry =
                io.quartermaster.erp.application.Journal.entryFor(read, read.payloadObject());
        assertThat(entry.happenedAt()).as("the day the register sold it, not the day it arrived").isEqualTo(soldAt);
        assertThat(entry.description()).isEqualTo("Sale, order " + ORDER + " (POS, register TILL-1); card declined, "
                + "owed by the customer");
        assertThat(entry.postings()).anySatisfy(p -> {
            assertThat(p.account()).isEqualTo("1100");
            assertThat(p.debit()).isEqualByComparingTo("23.76");
        });
        StockSold units = new StockSold("SKU-1", "MAIN", -2, new BigDecimal("2.5000"), new BigDecimal("-5.00"), ORDER.toString(),
                1L, "TILL-1", LEVEL, soldAt);
        EventEnvelope stock = EventEnvelope.fromJson(EventEnvelope.wrap(units, UUID.randomUUID(), Instant.now()).toJson());
        assertThat(io.quartermaster.erp.application.Journal.entryFor(stock, stock.payloadObject()).happenedAt())
                .isEqualTo(soldAt);
    }

    @Test
    void cancellationsAndReturnsAreReadAsReversalsOfTheSale() {
        assertThat(decode(new OrderCancelled(ORDER, "POS", List.of(line()), new BigDecimal("9.90"), new BigDecimal("1.98"),
                new BigDecimal("11.88"), "EUR", Instant.now())))
                .isEqualTo(new SaleReversal(true, ORDER.toString(), new BigDecimal("9.90"), new BigDecimal("1.98"),
                        new BigDecimal("11.88")));
        assertThat(decode(new OrderReturned(ORDER, "POS", List.of(line()), new BigDecimal("9.90"), new BigDecimal("1.98"),
                new BigDecimal("11.88"), "EUR", Instant.now())))
                .isEqualTo(new SaleReversal(false, ORDER.toString(), new BigDecimal("9.90"), new BigDecimal("1.98"),
                        new BigDecimal("11.88")));
    }

    @Test
    void stockEventsThatMoveValueAreReadWithSkuLocationQuantityAndValue() {
        assertThat(decode(new StockSold("SKU-1", "MAIN", -2, new BigDecimal("2.5000"), new BigDecimal("-5.00"), "order",
                1L, "web", LEVEL, null))).isEqualTo(new StockValueChange(StockValueChange.Kind.SOLD, "SKU-1", "MAIN", -2,
                new BigDecimal("-5.00")));
        assertThat(decode(new StockReturned("SKU-1", "MAIN", 1, new BigDecimal("2.5000"), new BigDecimal("2.50"), "order",
                2L, "clerk", LEVEL))).isEqualTo(new StockValueChange(StockValueChange.Kind.RETURNED, "SKU-1", "MAIN", 1,
                new BigDecimal("2.50")));
        assertThat(decode(new StockReceived("SKU-1", "MAIN", 10, new BigDecimal("2.5000"), new BigDecimal("25.00"), "PO",
                3L, "clerk", LEVEL))).isEqualTo(new StockValueChange(StockValueChange.Kind.RECEIVED, "SKU-1", "MAIN", 10,
                new BigDecimal("25.00")));
        assertThat(decode(new StockAdjusted("SKU-1", "MAIN", -1, new BigDecimal("2.5000"), new BigDecimal("-2.50"), "damaged",
                4L, "clerk", LEVEL))).isEqualTo(new StockValueChange(StockValueChange.Kind.ADJUSTED, "SKU-1", "MAIN", -1,
                new BigDecimal("-2.50")));
        assertThat(decode(new StockCounted("SKU-1", "MAIN", 3, new BigDecimal("2.5000"), new BigDecimal("7.50"), "count",
                5L, "clerk", LEVEL))).isEqualTo(new StockValueChange(StockValueChange.Kind.COUNTED, "SKU-1", "MAIN", 3,
                new BigDecimal("7.50")));
    }

    @Test
    void transfersAndHoldsMoveNoValueAndAreNotReadAsLedgerEvents() {
        for (DomainEvent event : List.of(
                new StockTransferred("SKU-1", "MAIN", -1, new BigDecimal("2.5"), new BigDecimal("-2.50"), "t", 6L, "c", LEVEL),
                new StockReserved("SKU-1", "MAIN", 1, null, BigDecimal.ZERO, "hold", 7L, "web", LEVEL),
                new StockReleased("SKU-1", "MAIN", 1, null, BigDecimal.ZERO, "hold", 8L, "web", LEVEL))) {
            EventEnvelope written = EventEnvelope.wrap(event, UUID.randomUUID(), Instant.now());
            assertThat(LedgerEvent.decode(written.type(), written.payloadObject())).as(event.type()).isEmpty();
        }
    }

    @Test
    void theTypeNamesTheErpListensForAreThePublishersNames() {
        Set<String> published = Stream.of(OrderPlaced.class, OrderCancelled.class, OrderReturned.class, StockSold.class,
                        StockReturned.class, StockReceived.class, StockAdjusted.class, StockCounted.class,
                        StockTransferred.class, StockReserved.class, StockReleased.class)
                .map(Class::getSimpleName).collect(Collectors.toSet());
        assertThat(published).containsAll(ConsumedEvents.ORDER_EVENTS).containsAll(ConsumedEvents.STOCK_EVENTS)
                .containsAll(ConsumedEvents.VALUED_STOCK_EVENTS);
        assertThat(new OrderPlaced(ORDER, "WEB", List.of(), BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ONE, "EUR",
                Instant.now(), null, false).type()).isEqualTo(ConsumedEvents.ORDER_PLACED);
    }

    /** The event written as the outbox writes it, then read back as the books read it. */
    private static LedgerEvent decode(DomainEvent event) {
        EventEnvelope written = EventEnvelope.wrap(event, UUID.randomUUID(), Instant.now());
        EventEnvelope read = EventEnvelope.fromJson(written.toJson());
        return LedgerEvent.decode(read.type(), read.payloadObject()).orElseThrow();
    }

    private static OrderLine line() {
        return new OrderLine("SKU-1", "MAIN", 2, new BigDecimal("9.90"), new BigDecimal("0.20"), new BigDecimal("19.80"));
    }
}
