package io.quartermaster.platform.api.identity;

import java.time.Instant;
import java.util.Set;

/** A user as admins see it; {@code disabledAt} is set once the user may no longer sign in. */
public record UserView(String username, Set<Role> roles, Instant createdAt, String createdBy, Instant disabledAt) {
}
