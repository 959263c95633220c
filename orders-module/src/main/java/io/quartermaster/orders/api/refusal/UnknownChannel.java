package io.quartermaster.orders.api.refusal;

import io.quartermaster.platform.api.problem.Refusal;
import java.util.Map;

/** The caller's sales channel is not set up for sales. */
public class UnknownChannel extends Refusal {

    public UnknownChannel(String detail) {
        super(Kind.NOT_ALLOWED, "Unknown channel", detail);
    }

    public UnknownChannel(String detail, Map<String, Object> extensions) {
        super(Kind.NOT_ALLOWED, "Unknown channel", detail, extensions);
    }
}
