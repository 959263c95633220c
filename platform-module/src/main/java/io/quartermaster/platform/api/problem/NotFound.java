package io.quartermaster.platform.api.problem;

/** What the request names does not exist, or is not the caller's to see. */
public class NotFound extends Refusal {

    public NotFound(String detail) {
        super(Kind.UNKNOWN, "Not found", detail);
    }
}
