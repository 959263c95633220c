package io.quartermaster.bench.client;

import java.util.List;

/**
 * The event types the ERP module consumes and posts from — the bench's copy of
 * {@code LedgerPostings.TYPES} (the bench drives the system from outside and does not see the
 * WAR's classes). Used to tell when the books have caught up.
 */
public final class ErpEvents {

    public static final List<String> TYPES = List.of("OrderPlaced", "OrderCancelled", "OrderReturned",
            "StockSold", "StockReturned", "StockReceived", "StockAdjusted", "StockCounted");

    /** SQL: events of those types that the ERP consumer has not consumed yet. */
    public static final String BACKLOG_SQL = "select count(*) from platform.outbox o where o.type in ('"
            + String.join("','", TYPES) + "') and not exists (select 1 from platform.consumed_event c "
            + "where c.consumer = 'erp' and c.event_id = o.event_id)";

    private ErpEvents() {
    }
}
