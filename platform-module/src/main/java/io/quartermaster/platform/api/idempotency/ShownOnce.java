package io.quartermaster.platform.api.idempotency;

/**
 * An answer that carries a secret shown once (an API key, a signing secret). The replay store
 * of Idempotency-Keys does not keep it: a repeat of the request is refused with
 * {@link #replayRefusal()} instead of handing the secret out a second time — a secret kept in
 * readable form for replays would be one a database reader could take.
 */
public interface ShownOnce {

    /** Why a repeat of the request gets no secret, and what to do instead, in the caller's words. */
    String replayRefusal();
}
