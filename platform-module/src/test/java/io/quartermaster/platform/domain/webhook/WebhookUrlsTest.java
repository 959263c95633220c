package io.quartermaster.platform.domain.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class WebhookUrlsTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "0.0.0.0",
            "100.64.0.1", "198.18.0.1", "224.0.0.1", "255.255.255.255", "::1", "fe80::1", "fd00:ec2::254", "fc00::1",
            "::ffff:127.0.0.1", "::ffff:10.0.0.1", "64:ff9b::a9fe:a9fe", "::"})
    void addressesInsideTheNetworkAreNotPublic(String address) throws Exception {
        assertThat(WebhookUrls.isPublic(InetAddress.getByName(address))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "2606:4700::1111", "::ffff:8.8.8.8", "100.128.0.1"})
    void publicAddressesArePublic(String address) throws Exception {
        assertThat(WebhookUrls.isPublic(InetAddress.getByName(address))).isTrue();
    }

    @Test
    void onlyHttpsToPublicAddressesUnlessPrivateUrlsAreAllowed() {
        assertThat(WebhookUrls.refusal("http://93.184.215.14/hook", false)).hasValue("must be an https URL");
        assertThat(WebhookUrls.refusal("https://127.0.0.1/hook", false)).get().asString().contains("loopback, private");
        assertThat(WebhookUrls.refusal("https://[::1]:8443/hook", false)).get().asString().contains("resolves to");
        assertThat(WebhookUrls.refusal("https://93.184.215.14/hook", false)).isEmpty();
        assertThat(WebhookUrls.refusal("http://127.0.0.1:9000/hook", true)).isEmpty();
    }

    @Test
    void otherSchemesAndMalformedUrlsAreRefused() {
        assertThat(WebhookUrls.refusal("ftp://example.com/x", true)).hasValue("must be an http or https URL");
        assertThat(WebhookUrls.refusal("file:///etc/passwd", true)).isPresent();
        assertThat(WebhookUrls.refusal("javascript:alert(1)", true)).isPresent();
        assertThat(WebhookUrls.refusal("not a url", true)).get().asString().startsWith("is not a valid URL");
        assertThat(WebhookUrls.refusal("/relative", true)).isPresent();
        assertThat(WebhookUrls.refusal("https://user:pw@example.com/", true)).get().asString().contains("user name");
        assertThat(WebhookUrls.refusal("https://example.com/#x", true)).get().asString().contains("fragment");
        assertThat(WebhookUrls.refusal("", true)).hasValue("is required");
        assertThat(WebhookUrls.refusal("https://example.com/" + "a".repeat(2000), true)).isPresent();
    }
}
