package io.quartermaster.orders.api;

import java.util.List;

/**
 * How this instance's stock batches (group commits) were sized since it started: the number
 * of batches per size range ({@code 1}, {@code 2-3}, {@code 4-7} … {@code 128+}), and the
 * requests they carried. Requests per batch is how much one stock lock and one commit were shared.
 */
public record StockBatchSizes(long batches, long requests, List<Bucket> sizes) {

    public record Bucket(String size, long batches) {
    }
}
