package io.quartermaster.platform.domain.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which URLs a webhook may be sent to. A subscription makes the server send requests where an
 * administrator points it, so an address inside the network it runs in (loopback, private,
 * link-local — the cloud metadata service at 169.254.169.254 —, carrier-grade NAT, unique-local
 * IPv6) would let a webhook reach what the internet cannot. Only {@code https} to public
 * addresses, unless private URLs are allowed (development and tests), which also allows
 * {@code http}. The addresses are checked when the subscription is saved, and each attempt
 * connects only to addresses checked as it resolved them (the sender's {@code PublicAddresses}),
 * since a name can be pointed elsewhere at any time.
 */
public final class WebhookUrls {

    public static final int MAX_LENGTH = 2000;

    private WebhookUrls() {
    }

    /** @return why the URL is refused, in the caller's words; empty when it may be used */
    public static Optional<String> refusal(String url, boolean allowPrivate) {
        if (url == null || url.isBlank()) {
            return Optional.of("is required");
        }
        if (url.length() > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URL (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.isOpaque() || uri.getHost() == null) {
            return Optional.of("must be an absolute URL such as https://example.com/webhooks");
        }
        if (!scheme.equals("https") && !(allowPrivate && scheme.equals("http"))) {
            return Optional.of(allowPrivate ? "must be an http or https URL" : "must be an https URL");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry a user name or password; requests are signed instead");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("must not have a fragment (#…)");
        }
        if (allowPrivate) {
            return Optional.empty();
        }
        return addressRefusal(uri.getHost());
    }

    /** @return why the host's addresses may not be sent to; empty when every one of them is public */
    public static Optional<String> addressRefusal(String host) {
        String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        try {
            return addressRefusal(InetAddress.getAllByName(name));
        } catch (UnknownHostException e) {
            return Optional.of(unresolved(name));
        }
    }

    /** @return why these addresses (a host's, as resolved) may not be sent to; empty when every one is public */
    public static Optional<String> addressRefusal(InetAddress[] addresses) {
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                return Optional.of("resolves to " + address.getHostAddress()
                        + ", a loopback, private, link-local or reserved address; webhooks go to public addresses only");
            }
        }
        return Optional.empty();
    }

    /** Why a host that does not resolve is refused, in the subscriber's words. */
    public static String unresolved(String name) {
        return "names a host that does not resolve: " + name;
    }

    /** False for every address a request from inside the server's network must not reach. */
    public static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return !(first == 0 // "this" network
                    || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT 100.64/10
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    || (first == 198 && (second == 18 || second == 19)) // benchmarking 198.18/15
                    || first >= 240); // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return false; // unique local fc00::/7 (also fd00:ec2::254, a metadata address)
            }
            if (isMappedOrTranslated(b)) {
                try {
                    return isPublic(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
        }
        return true;
    }

    /** ::ffff:a.b.c.d (IPv4-mapped) and 64:ff9b::a.b.c.d (NAT64): an IPv4 address in IPv6 form. */
    private static boolean isMappedOrTranslated(byte[] b) {
        boolean mapped = true;
        for (int i = 0; i < 10; i++) {
            mapped &= b[i] == 0;
        }
        mapped &= (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
        for (int i = 4; i < 12 && nat64; i++) {
            nat64 = b[i] == 0;
        }
        return mapped || nat64;
    }
}
