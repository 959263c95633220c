package io.quartermaster.platform.api.identity;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;

/** New roles for a user, whether the user may still sign in, and optionally a new password. A class for the reason given on {@link NewUser}. */
public class ChangeUser {

    @NotEmpty(message = "at least one of ADMIN, STAFF, ACCOUNTANT")
    public Set<@NotNull Role> roles;

    @NotNull
    public Boolean active;

    /** A new password set by an administrator (forgotten, or the user was locked out); null keeps the old one. */
    @Size(min = 12, max = 200, message = "must be 12 to 200 characters long")
    public String password;

    public ChangeUser() {
    }

    public ChangeUser(Set<Role> roles, boolean active) {
        this.roles = roles;
        this.active = active;
    }
}
