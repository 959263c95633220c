package io.quartermaster.orders.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Create or change a sales channel: where it sells from and how long its holds last. */
public class PutChannel {

    @NotBlank
    @Size(max = 200)
    public String name;

    /** Seconds a checkout's hold lasts; null for no expiry. */
    @Positive
    public Integer holdTtlSeconds;

    @NotEmpty(message = "at least one location")
    public List<@NotBlank String> locations;

    public PutChannel() {
    }

    public PutChannel(String name, Integer holdTtlSeconds, List<String> locations) {
        this.name = name;
        this.holdTtlSeconds = holdTtlSeconds;
        this.locations = locations;
    }
}
