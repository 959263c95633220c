package io.quartermaster.web.config;

import io.quartermaster.platform.api.identity.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Which locations a sales channel sells from: {@code qm.channel.<CHANNEL>.locations}
 * (e.g. {@code QM_CHANNEL_WEB_LOCATIONS=MAIN,WAREHOUSE}), by default {@code MAIN} for every
 * channel — the classic race of a register and a website on the same shelf.
 */
@ApplicationScoped
public class ChannelLocations {

    public List<String> of(String channel) {
        Config config = ConfigProvider.getConfig();
        String value = config.getOptionalValue("qm.channel." + channel + ".locations", String.class).orElse("MAIN");
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** For a CHANNEL client its channel's locations; empty for users and staff clients (meaning: all). */
    public List<String> forCaller(Caller caller) {
        return caller.channel().map(this::of).orElse(List.of());
    }
}
