package io.quartermaster.platform.api.webhook;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A subscription of a URL to event types ({@code ["*"]} for all of them). A class, not a
 * record, for the reason given on {@code NewUser}. Also the body of a change ({@code PUT}),
 * where {@code active} may pause or resume it; left out, a change keeps what it was.
 */
public class NewWebhook {

    @NotNull
    @Size(max = 2000)
    public String url;

    @NotEmpty
    @Size(max = 50)
    public List<String> events;

    @Size(max = 500)
    public String description;

    public Boolean active;

    public NewWebhook() {
    }

    public NewWebhook(String url, List<String> events, String description) {
        this.url = url;
        this.events = events;
        this.description = description;
    }
}
