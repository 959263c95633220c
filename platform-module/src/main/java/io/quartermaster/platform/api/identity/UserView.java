package io.quartermaster.platform.api.identity;

import java.time.Instant;
import java.util.Set;

public record UserView(String username, Set<Role> roles, Instant createdAt, String createdBy) {
}
