package io.quartermaster.platform.api.idempotency;

/**
 * A request carrying an {@code Idempotency-Key} whose claim and stored answer are written by
 * the command itself, inside its own transactions, instead of in two transactions of their
 * own around it: a one-shot order claims its key in its hold batch and stores its answer in
 * its confirm batch. The command marks what it did, after the commit that did it; whoever
 * finishes the request (the API) completes or releases the key only when the command
 * claimed it and did not store the answer itself.
 */
public final class IdempotentCall {

    private final String client;
    private final String key;
    private final String requestHash;
    private volatile boolean claimed;
    private volatile boolean answerStored;

    public IdempotentCall(String client, String key, String requestHash) {
        this.client = client;
        this.key = key;
        this.requestHash = requestHash;
    }

    public String client() {
        return client;
    }

    public String key() {
        return key;
    }

    public String requestHash() {
        return requestHash;
    }

    /** The key's claim is committed and belongs to this request. */
    public boolean claimed() {
        return claimed;
    }

    public void markClaimed() {
        claimed = true;
    }

    /** The answer to replay is committed already. */
    public boolean answerStored() {
        return answerStored;
    }

    public void markAnswerStored() {
        answerStored = true;
    }
}
