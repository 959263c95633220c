package io.quartermaster.inventory.api;

import io.quartermaster.platform.api.problem.InvalidField;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One line of a cart to hold: a SKU and a positive quantity. */
public record CartLine(String sku, int quantity) {

    /**
     * The cart rule every channel shares: at least one line, each with a SKU and a quantity above
     * zero, and the same SKU twice merged into one line with the quantities added. A bad line is
     * refused naming it ({@code lines[i].sku}, {@code lines[i].quantity}).
     */
    public static List<CartLine> merge(List<CartLine> lines) {
        if (lines == null || lines.isEmpty()) {
            throw new InvalidField("lines", "at least one line");
        }
        Map<String, Integer> merged = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            CartLine line = lines.get(i);
            if (line == null || line.sku() == null || line.sku().isBlank()) {
                throw new InvalidField("lines[" + i + "].sku", "must not be blank");
            }
            if (line.quantity() <= 0) {
                throw new InvalidField("lines[" + i + "].quantity", "must be greater than 0");
            }
            long sum = (long) merged.getOrDefault(line.sku(), 0) + line.quantity();
            if (sum > io.quartermaster.platform.api.Money.MAX_QUANTITY) {
                throw new InvalidField("lines[" + i + "].quantity", "the lines of " + line.sku()
                        + " add up to more than " + io.quartermaster.platform.api.Money.MAX_QUANTITY + " units");
            }
            merged.put(line.sku(), (int) sum);
        }
        return merged.entrySet().stream().map(e -> new CartLine(e.getKey(), e.getValue())).toList();
    }
}
