package io.quartermaster.platform.api.identity;

import java.util.UUID;

/** The answer to creating an API client: the only time the key is shown. */
public record IssuedApiClient(UUID id, String name, Role role, String channel, String key) {
}
