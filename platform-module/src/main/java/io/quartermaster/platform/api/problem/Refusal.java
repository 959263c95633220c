package io.quartermaster.platform.api.problem;

import java.util.Map;

/**
 * A request the business refuses, named for what went wrong ({@code HoldExpired}, {@code PeriodClosed},
 * {@code OverReceipt}, …): the modules say what happened and what kind of refusal it is, never an HTTP
 * status. The kind is turned into a status here, once, so the REST answer, the page's message and the
 * answer the idempotency store keeps for a key (inside the order's own transaction) all agree.
 */
public abstract class Refusal extends ProblemException {

    /** What kind of refusal: which answer a caller gets. */
    public enum Kind {
        /** A field of the request is wrong (named in {@code errors}): 400. */
        INVALID(400),
        /** The thing named does not exist (or is not the caller's): 404. */
        UNKNOWN(404),
        /** The caller may not do this with what it named (a channel not set up for sales): 403. */
        NOT_ALLOWED(403),
        /** The request is well-formed but clashes with the current state: 409. */
        CONFLICT(409),
        /** What the request needed has run out for good (a hold that expired): 410. */
        GONE(410),
        /** The payment was declined: 402. */
        DECLINED(402),
        /** The request breaks a rule of the books or a limit: 422. */
        BREAKS_A_RULE(422),
        /** Not now — try again after a moment: 503 with Retry-After. */
        TRY_AGAIN(503);

        private final int status;

        Kind(int status) {
            this.status = status;
        }
    }

    private final Kind kind;

    protected Refusal(Kind kind, String title, String detail) {
        this(kind, title, detail, Map.of());
    }

    protected Refusal(Kind kind, String title, String detail, Map<String, Object> extensions) {
        super(kind.status, title, detail, extensions);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
