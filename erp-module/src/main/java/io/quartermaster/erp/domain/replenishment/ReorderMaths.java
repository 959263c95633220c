package io.quartermaster.erp.domain.replenishment;

/** The arithmetic of replenishment, free of storage so that it can be checked by hand. */
public final class ReorderMaths {

    private ReorderMaths() {
    }

    /** {@code max − projected}, rounded up to whole packs, and at least the minimum order. */
    public static int orderQuantity(int maxLevel, int projected, int packSize, int minimum) {
        int wanted = Math.max(maxLevel - projected, 1);
        int packs = (wanted + packSize - 1) / packSize;
        int quantity = packs * packSize;
        if (quantity < minimum) {
            quantity = ((minimum + packSize - 1) / packSize) * packSize;
        }
        return quantity;
    }

    /**
     * Suggested reorder point from daily demand: {@code mean × lead time + z × σ × √lead time},
     * rounded up, where σ is the sample standard deviation of daily demand and z the normal
     * quantile of the service level (the chance of not running out during a lead time).
     */
    public static int suggestedReorderPoint(int[] dailyDemand, int leadTimeDays, double serviceLevel) {
        int n = dailyDemand.length;
        if (n == 0) {
            return 0;
        }
        double mean = 0;
        for (int d : dailyDemand) {
            mean += d;
        }
        mean /= n;
        double variance = 0;
        for (int d : dailyDemand) {
            variance += (d - mean) * (d - mean);
        }
        double sigma = n > 1 ? Math.sqrt(variance / (n - 1)) : 0;
        double safety = normalQuantile(serviceLevel) * sigma * Math.sqrt(leadTimeDays);
        return (int) Math.ceil(mean * leadTimeDays + safety - 1e-9);
    }

    /** Inverse of the standard normal distribution (Acklam's rational approximation, error below 1.2e-9). */
    public static double normalQuantile(double p) {
        if (p <= 0 || p >= 1) {
            throw new IllegalArgumentException("service level must be strictly between 0 and 1");
        }
        double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
                -3.066479806614716e+01, 2.506628277459239e+00};
        double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
                -1.328068155288572e+01};
        double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
                4.374664141464968e+00, 2.938163982698783e+00};
        double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
        double low = 0.02425;
        if (p < low) {
            double q = Math.sqrt(-2 * Math.log(p));
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        if (p > 1 - low) {
            double q = Math.sqrt(-2 * Math.log(1 - p));
            return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        double q = p - 0.5;
        double r = q * q;
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }
}
