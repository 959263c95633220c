package io.quartermaster.platform.api.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A request to create an API client; {@code channel} is required for CHANNEL and refused
 * otherwise. A class, not a record, for the reason given on {@link NewUser}.
 */
public class NewApiClient {

    @NotBlank
    @Size(max = 100)
    public String name;

    @NotNull
    public Role role;

    @Pattern(regexp = "^[A-Z][A-Z0-9_]{1,31}$", message = "an upper-case channel code such as WEB, MOBILE or POS")
    public String channel;

    public NewApiClient() {
    }

    public NewApiClient(String name, Role role, String channel) {
        this.name = name;
        this.role = role;
        this.channel = channel;
    }
}
