package io.quartermaster.platform.api.idempotency;

import io.quartermaster.platform.api.problem.ProblemException;
import java.util.List;
import java.util.Optional;

/**
 * Idempotency keys as API.md defines them, scoped to the calling client: the same key with
 * the same request replays the first answer and has no second effect; with a different
 * request it is refused (422); while the first call still runs, 409. A key whose first call
 * died — with its instance, or in a database crash that reset the claiming instance's session —
 * is taken over by the retry at once. A call whose answer could not be stored (the database
 * failed under it) stores it as soon as the database works again ({@link #completeLater}); a
 * claim that is somehow left behind while its instance lives on is taken over after the lease,
 * {@code qm.idempotency.lease-seconds} (60 s).
 * Kept in PostgreSQL by the platform's
 * {@code JpaIdempotencyKeys}; the methods that take part in the caller's transaction say so.
 */
public interface IdempotencyKeys {

    record StoredAnswer(int status, String contentType, String body) {
    }

    /**
     * Claims the key for this request, or answers with what the first call answered.
     *
     * @return empty when the caller should go ahead; the stored answer to replay otherwise
     */
    Optional<StoredAnswer> begin(String client, String key, String requestHash);

    /** What a claim made inside a command's transaction found: go ahead, replay, or a refusal to throw. */
    record Claim(boolean mine, StoredAnswer replay, ProblemException refusal) {
    }

    /**
     * Claims the keys of several calls in the caller's transaction, with one statement for the
     * lot; a key that is taken already is looked at as {@link #begin} does. The claims commit
     * (or roll back) with the caller's transaction. The claim of call i is at index i.
     */
    List<Claim> claimAll(List<IdempotentCall> calls);

    /** A call's answer, to replay. */
    record Answer(IdempotentCall call, int status, String contentType, String body) {
    }

    /** Stores these answers in the caller's transaction, one statement for the lot. */
    void storeAll(List<Answer> answers);

    /** Stores the answer to replay. */
    void complete(String client, String key, int status, String contentType, String body);

    /** Forgets a claim whose call failed on our side (5xx), so that a retry can run it. */
    void abandon(String client, String key);

    /**
     * {@link #complete} for a call whose answer could not be stored now (the database failed under
     * it): stored as soon as the database takes it again, so that a retry is not kept waiting
     * "in progress" by a call that is over. Never overwrites a retry that took the key over.
     */
    void completeLater(String client, String key, int status, String contentType, String body);

    /** {@link #abandon} for a claim that could not be released now, as {@link #completeLater} does. */
    void abandonLater(String client, String key);

    /** Keys are kept at least 24 hours; older ones go. */
    int purgeOlderThanHours(int hours);
}
