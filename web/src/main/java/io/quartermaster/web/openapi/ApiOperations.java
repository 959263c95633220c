package io.quartermaster.web.openapi;

import java.util.HashMap;
import java.util.Map;

/**
 * What the OpenAPI document says about each operation beyond what the code shows: a unique
 * operation id (the name a generated client gives the call), a summary, a description, the
 * success status, and the refusals particular to it. Keyed by {@code "METHOD /path"} below
 * {@code /api/v1}. {@code ApiDocumentTest} fails when an operation of the API has no entry here.
 */
final class ApiOperations {

    record Doc(String id, int success, String summary, String description, int... refusals) {
    }

    static final Map<String, Doc> DOCS = new HashMap<>();

    /** A second success answer of operations that answer 201 or 200, and what the 200 means. */
    static final Map<String, String> ALSO_OK = Map.of(
            "PUT /products/{sku}", "Changed.",
            "PUT /locations/{code}", "Changed.",
            "PUT /erp/vendors/{code}", "Changed.",
            "POST /stock/counts", "The count matched: no correction.");

    /**
     * The answer's type of the operations whose method returns a {@code Response} (a status and
     * headers of its own); the others' answer types are read from their methods.
     */
    static final Map<String, Class<?>> ANSWERS = Map.ofEntries(
            Map.entry("POST /admin/api-clients", io.quartermaster.platform.api.identity.IssuedApiClient.class),
            Map.entry("POST /admin/registers", io.quartermaster.web.registers.RegisterKeys.IssuedRegister.class),
            Map.entry("POST /registers/{code}/pairing-codes",
                    io.quartermaster.web.rest.orders.RegistersResource.PairingAnswer.class),
            Map.entry("POST /registers/pair", io.quartermaster.web.rest.orders.RegistersResource.PairedAnswer.class),
            Map.entry("POST /admin/users", io.quartermaster.web.rest.admin.UsersResource.CreatedUser.class),
            Map.entry("POST /admin/webhooks", io.quartermaster.platform.api.webhook.IssuedWebhook.class),
            Map.entry("POST /admin/webhooks/{id}/rotate-secret", io.quartermaster.platform.api.webhook.IssuedWebhook.class),
            Map.entry("POST /checkouts", io.quartermaster.orders.api.CheckoutView.class),
            Map.entry("POST /checkouts/{id}/confirm", io.quartermaster.orders.api.OrderView.class),
            Map.entry("POST /orders", io.quartermaster.orders.api.OrderView.class),
            Map.entry("POST /orders/{id}/returns", io.quartermaster.orders.api.OrderView.class),
            Map.entry("PUT /products/{sku}", io.quartermaster.web.rest.inventory.ProductsResource.ProductAnswer.class),
            Map.entry("PUT /locations/{code}", io.quartermaster.inventory.api.LocationView.class),
            Map.entry("PUT /erp/vendors/{code}", io.quartermaster.erp.api.ReplenishmentViews.VendorView.class),
            Map.entry("POST /stock/receipts", io.quartermaster.inventory.api.MovementView.class),
            Map.entry("POST /stock/adjustments", io.quartermaster.inventory.api.MovementView.class),
            Map.entry("POST /stock/counts", io.quartermaster.inventory.api.MovementView.class),
            Map.entry("POST /ledger/journal", io.quartermaster.erp.api.LedgerViews.EntryView.class),
            Map.entry("POST /ledger/journal/{id}/reversal", io.quartermaster.erp.api.LedgerViews.EntryView.class),
            Map.entry("POST /erp/purchase-orders", io.quartermaster.erp.api.ReplenishmentViews.PurchaseOrderView.class),
            Map.entry("POST /erp/purchase-orders/{id}/receipts", io.quartermaster.erp.api.ReplenishmentViews.PurchaseOrderView.class));

    private static void doc(String key, String id, int success, String summary, String description, int... refusals) {
        DOCS.put(key, new Doc(id, success, summary, description, refusals));
    }

    private ApiOperations() {
    }

    static {
        // --- administration
        doc("POST /admin/api-clients", "createApiClient", 201, "Create an API client",
                "Issues a key for a storefront, app or register (role CHANNEL, bound to one sales channel) or for an "
                        + "integration (STAFF, ACCOUNTANT). The key is in this answer only; it is stored hashed.");
        doc("GET /admin/api-clients", "listApiClients", 200, "List API clients",
                "Every client with the first characters of its key, who created it and when it was revoked.");
        doc("DELETE /admin/api-clients/{id}", "revokeApiClient", 204, "Revoke an API client",
                "Its key stops working at once on this instance and within 5 seconds on every other.");
        doc("GET /admin/dead-letters", "listDeadLetters", 200, "List dead letters",
                "Events a consumer kept failing on, with the error; nothing is dropped silently.");
        doc("DELETE /admin/dead-letters/{id}", "discardDeadLetter", 204, "Discard a dead letter",
                "Removes the message for good; its effect will never happen.");
        doc("POST /admin/dead-letters/{id}/retry", "retryDeadLetter", 200, "Retry a dead letter",
                "Sends the message back to its consumer; the consumed-event record keeps it from having a second effect.");
        doc("GET /admin/invariants", "checkInvariants", 200, "Check every invariant",
                "Stock, orders, books and outbox checked against each other; `violations` is empty when all holds. Events "
                        + "younger than `inFlightSeconds` count as still travelling.");
        doc("GET /admin/stock-batches", "stockBatchSizes", 200, "Stock batch sizes",
                "How many requests the group commit of stock put in each batch since start (a distribution).");
        doc("GET /admin/stock-checks", "checkStock", 200, "Check the stock",
                "The stock invariants only: on hand = movements, reserved = active holds + allotments, never below zero.");
        doc("POST /admin/users", "createUser", 201, "Create a back-office user",
                "A user with a password (at least 12 characters) and roles ADMIN, STAFF and/or ACCOUNTANT.");
        doc("GET /admin/users", "listUsers", 200, "List users", "Every back-office user with roles and state; never a password.");
        doc("PUT /admin/users/{username}", "changeUser", 200, "Change a user",
                "New roles, a new password or disabled; effective at the user's next request, open sessions included.");
        doc("POST /admin/webhooks", "createWebhook", 201, "Subscribe a URL to events",
                "Each event of the named types (or `*` for all) is POSTed to the URL, signed; see the callback `event` for "
                        + "the request a receiver gets. The signing `secret` is in this answer only. URLs must be `https` to a "
                        + "public address (unless the server allows private URLs).");
        doc("GET /admin/webhooks", "listWebhooks", 200, "List webhooks",
                "Every subscription with its pending and failed delivery counts; never a secret.");
        doc("GET /admin/webhooks/{id}", "getWebhook", 200, "Get a webhook", "One subscription; never its secret.");
        doc("PUT /admin/webhooks/{id}", "changeWebhook", 200, "Change a webhook",
                "Replaces the URL and event types; `description` and `active` (false pauses it: events meanwhile are not "
                        + "queued) are kept when left out.");
        doc("DELETE /admin/webhooks/{id}", "deleteWebhook", 204, "Delete a webhook", "The subscription and its deliveries.");
        doc("POST /admin/webhooks/{id}/rotate-secret", "rotateWebhookSecret", 200, "Rotate a webhook's secret",
                "A new secret, in this answer only. The previous one keeps signing beside it (a second `v1=`) for 24 hours.");
        doc("GET /admin/webhooks/{id}/deliveries", "listWebhookDeliveries", 200, "List a webhook's deliveries",
                "Newest first, paged, optionally one status: PENDING (waiting for an attempt or a retry), DELIVERED, FAILED "
                        + "(retried for 24 hours without a 2xx).");
        doc("POST /admin/webhooks/{id}/deliveries/{eventId}/redeliver", "redeliverWebhook", 202, "Redeliver an event",
                "Queues the delivery for an attempt now, whatever its status; the same event id and body are sent again.");

        // --- registers (DESIGN.md §9)
        doc("POST /admin/registers", "createRegister", 201, "Create a register",
                "A point-of-sale register bound to a location, with its key (an API client of the POS channel): in this "
                        + "answer only, stored hashed. With that key the register sees itself and nothing of other registers.",
                404, 409);
        doc("GET /registers", "listRegisters", 200, "List registers",
                "Every register with its location, status, last contact and allotments.");
        doc("GET /registers/{code}", "getRegister", 200, "Get a register",
                "A register as it and staff see it: what it holds to sell per SKU (target, granted, sold, remaining) and "
                        + "the suggested target (its location's recent sales per open register × its offline window).", 404);
        doc("POST /registers/{code}/pairing-codes", "startPairing", 201, "Show a pairing code",
                "A one-time code (and the link a tablet's camera opens) that pairs a device with the register; valid a few "
                        + "minutes, stored only hashed; a new code replaces an unspent one.", 404, 409);
        doc("POST /registers/pair", "pairRegister", 200, "Pair a device with a register",
                "Spends a pairing code for the register's new key (shown once; the previous key is revoked). Needs no "
                        + "credential: the code is one. Wrong codes are throttled per address like sign-in (429).", 404, 429);
        doc("PUT /registers/{code}/allotments", "setAllotments", 200, "Set a register's allotments",
                "Targets per SKU. A target above what the register holds reserves the difference from its location, under "
                        + "the same row locks and group commit as every reservation, as far as stock is available (`shortBy` "
                        + "says the rest); a lower one gives units back. Web and mobile can never sell allotted units.",
                404, 409);
        doc("POST /registers/{code}/sales", "recordRegisterSales", 200, "Send a register's sales",
                "1–500 sales in the order the register numbered them (`seq` 1, 2, 3, … without gaps), each with the "
                        + "register's own `id`. Each is recorded once: sent again (in this request or another, to any "
                        + "instance) it answers ALREADY_RECORDED. A recorded sale is an order of channel POS carrying the "
                        + "register's code; its units come from the register's allotment, then from free stock. A sale that "
                        + "neither covers is REFUSED alone (with `shortages`) and shown to staff as a discrepancy. A card is "
                        + "captured now; a declined one keeps the sale and is booked as owed by the customer.",
                404);
        doc("POST /registers/{code}/close", "closeRegister", 200, "Close a register",
                "`lastSeq` is the last sale number the register used. When every sale up to it is recorded the register "
                        + "closes and what it held is available again; otherwise 409 with `missingSeqs`, and nothing changes. "
                        + "Staff close a register that is gone with unsent sales with `lost: true`: LOST, what it held stays "
                        + "reserved until a count of its location (POST /stock/counts) gives each SKU back; sales it sends "
                        + "later are kept as discrepancies and move no stock.",
                404, 409);

        // --- catalogue and stock
        doc("GET /channels", "listChannels", 200, "List sales channels", "Channels and the locations each sells from.");
        doc("PUT /channels/{code}", "putChannel", 200, "Create or change a sales channel",
                "Which locations the channel sells from, in the order they are used.");
        doc("GET /locations", "listLocations", 200, "List locations", "Stores and warehouses that hold stock.");
        doc("PUT /locations/{code}", "putLocation", 201, "Create or rename a location", "201 when created, 200 when renamed.");
        doc("GET /products", "listProducts", 200, "List products", "Paged, by SKU.");
        doc("PUT /products/{sku}", "putProduct", 201, "Create or change a product",
                "Name, price and tax rate; 201 when created, 200 when changed.");
        doc("GET /products/{sku}", "getProduct", 200, "Get a product",
                "With `available`: summed over the caller's channel locations for a CHANNEL client, over all locations otherwise.");
        doc("POST /stock/receipts", "receiveStock", 201, "Receive stock",
                "Units put on hand at a location at a unit cost; the movement, and the books follow (inventory at cost).", 422);
        doc("POST /stock/adjustments", "adjustStock", 201, "Adjust stock",
                "A correction with a reason; refused (409) when it would take on hand below what is reserved.", 409);
        doc("POST /stock/transfers", "transferStock", 201, "Transfer stock",
                "Between two locations: two movements, one out and one in.", 409);
        doc("POST /stock/counts", "countStock", 201, "Record a stock count",
                "201 with the correcting movement when the count differs; 200 with `correction: none` when it matched.", 409);
        doc("GET /stock/holds", "listHolds", 200, "List active holds", "Units reserved by checkouts that are not yet confirmed or released.");
        doc("GET /stock/{sku}", "getStock", 200, "Get stock of a SKU",
                "Per location on hand, reserved and available, and the totals; a CHANNEL client sees no costs.");
        doc("GET /stock/{sku}/movements", "listMovements", 200, "List stock movements", "The movement ledger of a SKU, newest first, paged.");

        // --- checkout and orders
        doc("POST /checkouts", "startCheckout", 201, "Start a checkout (hold stock)",
                "Holds the lines' units for the checkout's time to live; refused with 409 and `shortages` when any line "
                        + "cannot be held. Nothing is held then.", 409);
        doc("GET /checkouts/{id}", "getCheckout", 200, "Get a checkout", "Status HELD, CONFIRMED, RELEASED or EXPIRED.");
        doc("POST /checkouts/{id}/confirm", "confirmCheckout", 201, "Confirm a checkout (pay)",
                "Captures the payment and turns the held units into an order. 402 when the payment is declined (the hold is "
                        + "released); 410 when the hold expired.", 402, 409, 410);
        doc("DELETE /checkouts/{id}", "releaseCheckout", 204, "Release a checkout", "The held units go back to available.");
        doc("POST /orders", "placeOrder", 201, "Place an order in one call",
                "Hold, payment and confirmation in one request: what a POS register uses. 409 with `shortages` when stock is "
                        + "short, 402 when the payment is declined; in both cases nothing is sold.", 402, 409);
        doc("GET /orders", "listOrders", 200, "List orders",
                "Newest first; a CHANNEL client sees only its own. Filter by channel and status.");
        doc("GET /orders/{id}", "getOrder", 200, "Get an order",
                "Status PLACED, CANCELLED, RETURNED or PARTIALLY_RETURNED; 404 for another client's order.");
        doc("POST /orders/{id}/cancel", "cancelOrder", 200, "Cancel an order",
                "The stock goes back on hand and the sale is reversed in the books.", 409);
        doc("POST /orders/{id}/returns", "returnOrderLines", 201, "Return order lines",
                "Units back on hand; never more than were sold and not yet returned.", 409);

        // --- books and replenishment
        doc("GET /ledger/accounts", "listAccounts", 200, "Chart of accounts", "Accounts with their balances as of a date (default today). Also text/csv.");
        doc("PUT /ledger/accounts/{code}", "putAccount", 200, "Create or rename an account", "An account of the chart (ACCOUNTANT).");
        doc("GET /ledger/accounts/{code}/ledger", "generalLedger", 200, "General ledger of an account",
                "Opening balance, every line in the range with a running balance, closing balance. Also text/csv.");
        doc("GET /ledger/journal", "listJournal", 200, "Journal entries",
                "Balanced entries in a date range, newest first, paged; each names the event it was posted from. Also text/csv.");
        doc("POST /ledger/journal", "postManualEntry", 201, "Post a manual entry",
                "A balanced entry by an accountant (debits = credits, an open period).", 409, 422);
        doc("POST /ledger/journal/{id}/reversal", "reverseEntry", 201, "Reverse an entry",
                "A new entry with debits and credits swapped, in an open period.", 409, 422);
        doc("GET /ledger/trial-balance", "trialBalance", 200, "Trial balance", "Debit and credit per account as of a date; the totals are equal. Also text/csv.");
        doc("GET /ledger/income-statement", "incomeStatement", 200, "Income statement", "Income and expenses in a date range and the net result. Also text/csv.");
        doc("GET /ledger/balance-sheet", "balanceSheet", 200, "Balance sheet", "Assets, liabilities and equity as of a date. Also text/csv.");
        doc("GET /ledger/inventory-valuation", "inventoryValuation", 200, "Inventory valuation",
                "On hand × average cost per SKU and location. Also text/csv.");
        doc("GET /ledger/reconciliation", "reconciliation", 200, "Stock against the books",
                "The stock valuation, the inventory account's balance and their difference (0 when the books are at rest). Also text/csv.");
        doc("GET /ledger/lag", "ledgerLag", 200, "How far the books are behind", "Events not yet posted and the age of the oldest.");
        doc("GET /ledger/periods", "listPeriods", 200, "Accounting periods", "Months and whether they are open or closed.");
        doc("POST /ledger/periods/{month}/close", "closePeriod", 200, "Close a month",
                "No entry can be posted into a closed month; later corrections go into an open one.", 409);
        doc("POST /ledger/periods/{month}/reopen", "reopenPeriod", 200, "Reopen a month", "Allows postings into it again.", 409);
        doc("GET /erp/vendors", "listVendors", 200, "List vendors", "Suppliers that purchase orders go to.");
        doc("PUT /erp/vendors/{code}", "putVendor", 201, "Create or change a vendor", "201 when created, 200 when changed.");
        doc("GET /erp/replenishment/{sku}/{location}", "getReplenishment", 200, "Get a replenishment setting",
                "Reorder point, maximum level, vendor, pack size, unit cost, and the suggested settings from recent sales.");
        doc("PUT /erp/replenishment/{sku}/{location}", "putReplenishment", 200, "Set replenishment",
                "When projected stock falls to the reorder point, an alert opens and a draft purchase order fills up to the maximum level.");
        doc("POST /erp/replenishment/{sku}/{location}/apply-suggestion", "applyReplenishmentSuggestion", 200,
                "Apply the suggested replenishment", "Takes the reorder point and maximum level suggested from recent sales.", 409);
        doc("GET /erp/alerts", "listAlerts", 200, "List low-stock alerts", "Open alerts by default; `status` OPEN or RESOLVED.");
        doc("GET /erp/purchase-orders", "listPurchaseOrders", 200, "List purchase orders", "Optionally of one status: DRAFT, ISSUED, RECEIVED, CANCELLED.");
        doc("POST /erp/purchase-orders", "createPurchaseOrder", 201, "Create a purchase order", "A draft purchase order to a vendor.", 409);
        doc("GET /erp/purchase-orders/{id}", "getPurchaseOrder", 200, "Get a purchase order", "With its lines, what was received and unit costs.");
        doc("POST /erp/purchase-orders/{id}/issue", "issuePurchaseOrder", 200, "Issue a purchase order", "Sends a draft to its vendor.", 409);
        doc("POST /erp/purchase-orders/{id}/cancel", "cancelPurchaseOrder", 200, "Cancel a purchase order", "A draft or issued order that nothing was received on.", 409);
        doc("POST /erp/purchase-orders/{id}/receipts", "receivePurchaseOrder", 201, "Receive goods on a purchase order",
                "The units go on hand at the line's location at the order's unit cost (or the one given); never more than ordered.", 409);
    }
}
