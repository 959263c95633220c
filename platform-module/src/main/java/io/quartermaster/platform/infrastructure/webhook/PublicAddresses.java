package io.quartermaster.platform.infrastructure.webhook;

import io.quartermaster.platform.domain.webhook.WebhookUrls;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

/**
 * The webhook client's name resolution: a name is resolved once, where the connection is made,
 * and refused when any of its addresses is not public ({@link WebhookUrls#addressRefusal}, the
 * rule the subscription was saved under). Checking before the request and letting the client
 * resolve again would leave a window in which the name can be pointed at an inside address (DNS
 * rebinding); here the addresses checked are the addresses connected to. With private URLs
 * allowed (development, tests) nothing is refused.
 */
final class PublicAddresses implements DnsResolver {

    /** A host whose addresses may not be sent to; the message says why, in the subscriber's words. */
    static final class Refused extends UnknownHostException {
        Refused(String why) {
            super(why);
        }
    }

    private final boolean allowPrivate;

    PublicAddresses(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] addresses;
        try {
            addresses = SystemDefaultDnsResolver.INSTANCE.resolve(host);
        } catch (UnknownHostException e) {
            throw new Refused(WebhookUrls.unresolved(host));
        }
        Optional<String> refused = allowPrivate ? Optional.empty() : WebhookUrls.addressRefusal(addresses);
        if (refused.isPresent()) {
            throw new Refused(refused.get());
        }
        return addresses;
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
    }
}
