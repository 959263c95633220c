package io.quartermaster.bench.load;

import java.util.Arrays;

/**
 * What one buyer wants: SKU numbers (1 … 10,000; 1 is the hot SKU and the most popular one
 * under Zipf) and a quantity for each, in the order the buyer put them in the cart.
 */
record Cart(int[] skus, int[] quantities) {

    static Cart of(int sku, int quantity) {
        return new Cart(new int[] {sku}, new int[] {quantity});
    }

    int lines() {
        return skus.length;
    }

    int units() {
        return Arrays.stream(quantities).sum();
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < skus.length; i++) {
            s.append(i == 0 ? "" : ", ").append(skus[i]).append('×').append(quantities[i]);
        }
        return s.toString();
    }
}
