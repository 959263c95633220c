package io.quartermaster.bench.load;

/** What one buyer's attempt came to, as the buyer sees it. */
enum Verdict {
    /** The order was accepted. */
    SOLD,
    /** Refused because the system said there was not enough stock. */
    OUT_OF_STOCK,
    /** Refused for another reason of the pattern (lock taken, version conflict) — the buyer is told no. */
    REFUSED,
    /** A checkout hold left to expire on purpose (W5); neither a sale nor a refusal. */
    ABANDONED,
    /** Anything else: a 5xx, a deadlock that reached the caller, an unexpected status. */
    ERROR
}
