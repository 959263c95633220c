package io.quartermaster.platform.infrastructure.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/**
 * The webhook client's resolver is where the address check happens (no window between the
 * check and the connection): what it refuses is never connected to.
 */
class PublicAddressesTest {

    private final PublicAddresses strict = new PublicAddresses(false);

    @Test
    void refusesANameThatResolvesInsideTheNetwork() {
        assertThatThrownBy(() -> strict.resolve("localhost"))
                .isInstanceOf(PublicAddresses.Refused.class)
                .hasMessageContaining("a loopback, private, link-local or reserved address");
    }

    @Test
    void refusesInsideAddressesGivenAsLiterals() {
        for (String inside : new String[] {"127.0.0.1", "10.1.2.3", "169.254.169.254", "192.168.0.1", "::1", "fd00:ec2::254"}) {
            assertThatThrownBy(() -> strict.resolve(inside)).as(inside)
                    .isInstanceOf(PublicAddresses.Refused.class)
                    .hasMessageStartingWith("resolves to ");
        }
    }

    @Test
    void answersWithTheAddressesItChecked() throws Exception {
        InetAddress[] addresses = strict.resolve("93.184.215.14");
        assertThat(addresses).extracting(InetAddress::getHostAddress).containsExactly("93.184.215.14");
    }

    @Test
    void anUnknownNameIsRefusedInTheSubscribersWords() {
        assertThatThrownBy(() -> strict.resolve("no-such-host.invalid"))
                .isInstanceOf(PublicAddresses.Refused.class)
                .hasMessage("names a host that does not resolve: no-such-host.invalid");
    }

    @Test
    void withPrivateUrlsAllowedLoopbackIsUsed() throws Exception {
        assertThat(new PublicAddresses(true).resolve("127.0.0.1")).extracting(InetAddress::getHostAddress)
                .containsExactly("127.0.0.1");
    }
}
