package io.quartermaster.bench.load;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Zipf's law over ranks 1 … n with exponent s: rank k is drawn with probability proportional
 * to k^-s — the same distribution as pgbench's {@code random_zipfian(1, n, s)}, so the
 * application and its pgbench twin see the same popularity of SKUs.
 */
final class Zipf {

    private final double[] cumulative;

    Zipf(int n, double s) {
        if (n < 1 || s <= 0) {
            throw new IllegalArgumentException("n must be ≥ 1 and s > 0");
        }
        cumulative = new double[n];
        double sum = 0;
        for (int k = 1; k <= n; k++) {
            sum += Math.pow(k, -s);
            cumulative[k - 1] = sum;
        }
        for (int i = 0; i < n; i++) {
            cumulative[i] /= sum;
        }
    }

    /** The probability of rank {@code k}. */
    double probability(int k) {
        return cumulative[k - 1] - (k == 1 ? 0 : cumulative[k - 2]);
    }

    int next() {
        double u = ThreadLocalRandom.current().nextDouble();
        int low = 0;
        int high = cumulative.length - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (cumulative[mid] < u) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low + 1;
    }
}
