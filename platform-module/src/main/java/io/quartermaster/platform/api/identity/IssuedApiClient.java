package io.quartermaster.platform.api.identity;

import java.util.UUID;

/** The answer to creating an API client: the only time the key is shown. */
public record IssuedApiClient(UUID id, String name, Role role, String channel, String key)
        implements io.quartermaster.platform.api.idempotency.ShownOnce {

    @Override
    public String replayRefusal() {
        return "API client " + id + " was created by the first request with this Idempotency-Key. Its key is shown "
                + "only once and is not kept; if it was lost, revoke the client and create another.";
    }
}
