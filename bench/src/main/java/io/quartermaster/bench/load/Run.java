package io.quartermaster.bench.load;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One measured run of one contender on one workload, with what the checks after it found.
 *
 * @param mode            "closed" (clients) or "open" (arrivals/s in {@code rate})
 * @param oversells       units sold beyond what the stock rows lost, plus rows below zero, plus
 *                        (for Quartermaster) the invariant checker's violations
 * @param falseRejections refusals although every line's SKU still had the units after the run
 * @param deadlocks       PostgreSQL's deadlock counter over the run (whether or not they reached a caller)
 * @param dbWaits         share of sampled active database sessions per wait (CPU when none)
 * @param extra           what only this workload measures (W5 hold checks, profile notes …)
 */
record Run(Workload workload, String contender, String mode, int clients, double rate, double seconds,
           long requests, long sold, long outOfStock, long refused, long falseRejections, long oversells,
           Map<String, Long> answers, long errors, long retries, long deadlocks,
           double p50, double p99, double p999, double max, Lag lag, Map<String, Double> dbWaits,
           Map<String, String> extra) {

    /** Ledger lag (order committed → its journal entry posted), in milliseconds. */
    record Lag(long entries, double p50, double p99, double max) {
    }

    double ordersPerSecond() {
        return seconds <= 0 ? 0 : sold / seconds;
    }

    Run with(String key, String value) {
        Map<String, String> more = new LinkedHashMap<>(extra);
        more.put(key, value);
        return new Run(workload, contender, mode, clients, rate, seconds, requests, sold, outOfStock, refused,
                falseRejections, oversells, answers, errors, retries, deadlocks, p50, p99, p999, max, lag, dbWaits, more);
    }

    String load() {
        return "closed".equals(mode) ? clients + " clients" : Math.round(rate) + "/s open";
    }
}
