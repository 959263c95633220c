package io.quartermaster.bench.load;

import java.util.concurrent.ThreadLocalRandom;

/** The seven workloads of the benchmark: what each buyer puts in the cart. */
enum Workload {
    W1("one hot SKU, one unit per order"),
    W2("10,000 SKUs, uniform, one unit per order"),
    W3("10,000 SKUs, Zipf (s = 1.1), one unit per order"),
    W4("carts of 1–5 lines (Zipf SKUs) in random order"),
    W5("web + mobile + POS with checkout holds, 30 % abandoned (hold TTL 5 s)"),
    W6("ledger lag end to end under W2 load (open loop)"),
    W7("a register fleet: 8 registers settling batches of 50 sales of one hot SKU from their allotments");

    static final int SKUS = 10_000;
    static final int HOT_SKU = 1;
    /** W5 works on few SKUs so that holds pile up on the same stock rows. */
    static final int W5_SKUS = 50;
    static final double ZIPF_S = 1.1;
    private static final Zipf ZIPF = new Zipf(SKUS, ZIPF_S);

    final String title;

    Workload(String title) {
        this.title = title;
    }

    Cart next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return switch (this) {
            case W1, W7 -> Cart.of(HOT_SKU, 1);
            case W2, W6 -> Cart.of(1 + random.nextInt(SKUS), 1);
            case W3 -> Cart.of(ZIPF.next(), 1);
            case W4 -> distinct(1 + random.nextInt(5), ZIPF::next);
            case W5 -> distinct(1 + random.nextInt(2), () -> 1 + ThreadLocalRandom.current().nextInt(W5_SKUS));
        };
    }

    /** {@code lines} different SKUs, one unit each, in the order they were drawn (not sorted). */
    private static Cart distinct(int lines, java.util.function.IntSupplier draw) {
        int[] skus = new int[lines];
        int[] quantities = new int[lines];
        for (int i = 0; i < lines; i++) {
            int sku;
            do {
                sku = draw.getAsInt();
            } while (contains(skus, i, sku));
            skus[i] = sku;
            quantities[i] = 1;
        }
        return new Cart(skus, quantities);
    }

    private static boolean contains(int[] values, int length, int value) {
        for (int i = 0; i < length; i++) {
            if (values[i] == value) {
                return true;
            }
        }
        return false;
    }

    /**
     * The pgbench twin: the same SQL the workload needs without the application — a
     * conditional stock update per line and an order row per line, in one transaction. W4's
     * lines come in the order drawn, as the carts do (so the twin can deadlock; pgbench counts
     * that).
     */
    String pgbenchScript() {
        String pick = switch (this) {
            case W1, W7 -> "\\set s1 " + HOT_SKU + "\n";
            case W2, W6 -> "\\set s1 random(1, " + SKUS + ")\n";
            case W3 -> "\\set s1 random_zipfian(1, " + SKUS + ", " + ZIPF_S + ")\n";
            case W4 -> {
                StringBuilder s = new StringBuilder("\\set n random(1, 5)\n");
                for (int i = 1; i <= 5; i++) {
                    s.append("\\set s").append(i).append(" random_zipfian(1, ").append(SKUS).append(", ").append(ZIPF_S).append(")\n");
                }
                yield s.toString();
            }
            case W5 -> throw new IllegalStateException("W5 has no pgbench twin: holds are application state");
        };
        StringBuilder script = new StringBuilder(pick).append("BEGIN;\n");
        int lines = this == W4 ? 5 : 1;
        for (int i = 1; i <= lines; i++) {
            if (i > 1) {
                script.append("\\if :n >= ").append(i).append('\n');
            }
            script.append("UPDATE bench.stock SET on_hand = on_hand - 1, version = version + 1 WHERE sku = :s").append(i)
                    .append(" AND on_hand >= 1;\n")
                    .append("INSERT INTO bench.orders (sku, quantity) VALUES (:s").append(i).append(", 1);\n");
            if (i > 1) {
                script.append("\\endif\n");
            }
        }
        return script.append("END;\n").toString();
    }
}
