package io.quartermaster.platform.api.identity;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;

/**
 * A request to create a back-office user. A class with public fields rather than a record:
 * Payara 6.2025.10's OpenAPI generator fails on Bean Validation annotations on record
 * components (they also land on the canonical constructor's parameters).
 */
public class NewUser {

    @NotNull
    @Pattern(regexp = "^[a-z0-9][a-z0-9._-]{2,63}$",
            message = "3 to 64 characters: lower-case letters, digits, '.', '_' or '-'")
    public String username;

    @NotNull
    @Size(min = 12, max = 200, message = "must be 12 to 200 characters long")
    public String password;

    @NotEmpty(message = "at least one of ADMIN, STAFF, ACCOUNTANT")
    public Set<@NotNull Role> roles;

    public NewUser() {
    }

    public NewUser(String username, String password, Set<Role> roles) {
        this.username = username;
        this.password = password;
        this.roles = roles;
    }
}
