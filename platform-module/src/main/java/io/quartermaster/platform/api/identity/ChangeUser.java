package io.quartermaster.platform.api.identity;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.Set;

/** New roles for a user, and whether the user may still sign in. A class for the reason given on {@link NewUser}. */
public class ChangeUser {

    @NotEmpty(message = "at least one of ADMIN, STAFF, ACCOUNTANT")
    public Set<@NotNull Role> roles;

    @NotNull
    public Boolean active;

    public ChangeUser() {
    }

    public ChangeUser(Set<Role> roles, boolean active) {
        this.roles = roles;
        this.active = active;
    }
}
