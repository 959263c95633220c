package io.quartermaster.platform.api.identity;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who is calling: a user (HTTP Basic, form login) or an API client (Bearer key). An API
 * client with role CHANNEL is bound to one sales channel and sees only its own objects,
 * so {@link #clientId()} is what ownership is checked against.
 */
public record Caller(String name, Set<Role> roles, Optional<UUID> clientId, Optional<String> channel) {

    public static Caller user(String username, Set<Role> roles) {
        return new Caller(username, Set.copyOf(roles), Optional.empty(), Optional.empty());
    }

    public static Caller apiClient(UUID id, String name, Role role, String channel) {
        return new Caller("client:" + name, Set.of(role), Optional.of(id), Optional.ofNullable(channel));
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public boolean isApiClient() {
        return clientId.isPresent();
    }
}
