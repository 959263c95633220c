package io.quartermaster.bench.load;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One measured run of one contender on one workload, with what the checks after it found.
 *
 * @param mode            "closed" (clients) or "open" (arrivals/s in {@code rate})
 * @param oversells       units sold beyond what the stock rows lost, plus rows below zero, plus
 *                        (for Quartermaster) the invariant checker's violations
 * @param falseRejections refusals although every line's SKU still had the units after the run
 * @param errors          the answers counted as errors (5xx, deadlocks, no answer …), by answer
 * @param deadlocks       PostgreSQL's deadlock counter over the run (whether or not they reached a caller)
 * @param dbWaits         share of sampled active database sessions per wait (CPU when none)
 * @param holds           W5's hold checks; null for the other workloads
 * @param notes           remarks shown under the run's table
 */
record Run(Workload workload, String contender, String mode, int clients, double rate, double seconds,
           long requests, long sold, long outOfStock, long refused, long falseRejections, long oversells,
           Map<String, Long> errors, long retries, long deadlocks,
           double p50, double p99, double p999, double max, Lag lag, Map<String, Double> dbWaits,
           Holds holds, Map<String, String> notes) {

    /** Ledger lag (order committed → its journal entry posted), in milliseconds. */
    record Lag(long entries, double p50, double p99, double max) {
    }

    /**
     * W5: snapshots where available ≠ on hand − active holds ({@code mismatched}, a few {@code examples}),
     * snapshots with a hold active more than 5 s past its expiry, and how the run's holds ended.
     */
    record Holds(int samples, long mismatched, List<String> examples, long overdue, double oldestOverdueSeconds,
                 BenchDatabase.Expiry expiry) {
    }

    double ordersPerSecond() {
        return seconds <= 0 ? 0 : sold / seconds;
    }

    long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    Run with(String note, String value) {
        Map<String, String> more = new LinkedHashMap<>(notes);
        more.put(note, value);
        return copy(oversells, holds, more);
    }

    Run withHolds(Holds checked) {
        return copy(oversells, checked, notes);
    }

    /** The same run with {@code violations} of the invariant checker counted as oversells too. */
    Run plusOversells(long violations) {
        return copy(oversells + violations, holds, notes);
    }

    private Run copy(long oversold, Holds checked, Map<String, String> remarks) {
        return new Run(workload, contender, mode, clients, rate, seconds, requests, sold, outOfStock, refused,
                falseRejections, oversold, errors, retries, deadlocks, p50, p99, p999, max, lag, dbWaits, checked, remarks);
    }

    String load() {
        return "closed".equals(mode) ? clients + " clients" : Math.round(rate) + "/s open";
    }
}
