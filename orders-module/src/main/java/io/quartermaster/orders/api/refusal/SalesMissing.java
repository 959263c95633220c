package io.quartermaster.orders.api.refusal;

import io.quartermaster.platform.api.problem.Refusal;
import java.util.List;
import java.util.Map;

/** A register cannot close yet: sales it numbered up to its last one have not reached the server. */
public class SalesMissing extends Refusal {

    public SalesMissing(String detail, List<Long> missingSeqs) {
        super(Kind.CONFLICT, "Sales missing", detail, Map.of("missingSeqs", missingSeqs));
    }
}
