package io.quartermaster.inventory.api.refusal;

import io.quartermaster.inventory.api.Shortage;
import io.quartermaster.platform.api.problem.Refusal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Fewer units are available than the request needs; {@code shortages} says which and how many. */
public class InsufficientStock extends Refusal {

    public InsufficientStock(List<Shortage> shortages) {
        super(Kind.CONFLICT, "Insufficient stock", shortages.stream()
                .map(s -> s.sku() + ": requested " + s.requested() + ", available " + s.available())
                .collect(Collectors.joining("; ")), Map.of("shortages", shortages));
    }
}
