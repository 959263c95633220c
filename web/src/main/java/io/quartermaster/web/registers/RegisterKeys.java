package io.quartermaster.web.registers;

import io.quartermaster.orders.api.NewRegister;
import io.quartermaster.orders.api.RegisterFacade;
import io.quartermaster.orders.api.RegisterView;
import io.quartermaster.platform.api.idempotency.ShownOnce;
import io.quartermaster.platform.api.identity.IdentityFacade;
import io.quartermaster.platform.api.identity.IssuedApiClient;
import io.quartermaster.platform.api.identity.NewApiClient;
import io.quartermaster.platform.api.identity.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A register and its key, for the API and the Registers page alike: the register (orders) and an
 * API client of the POS channel (identity) whose owner key the register records — two modules, so
 * two steps; a register left without a key by a failure between them gets one by pairing.
 */
@ApplicationScoped
public class RegisterKeys {

    /** A POS register's own channel: its key may also place ordinary POS orders. */
    public static final String CHANNEL = "POS";

    @Inject
    RegisterFacade registers;

    @Inject
    IdentityFacade identity;

    @Inject
    @ConfigProperty(name = "qm.registers.pairing-minutes", defaultValue = "5")
    int pairingMinutes;

    /** How long a pairing code can be spent ({@code QM_REGISTERS_PAIRING_MINUTES}). */
    public int pairingMinutes() {
        return pairingMinutes;
    }

    /** The answer to creating a register: the only time its key is shown. */
    public record IssuedRegister(String code, String name, String location, int offlineHours, String status, String key)
            implements ShownOnce {
        @Override
        public String replayRefusal() {
            return "Register " + code + " was created by the first request with this Idempotency-Key. Its key is shown "
                    + "only once and is not kept; pair the register again for a new one.";
        }
    }

    public IssuedRegister create(NewRegister request, String actor) {
        RegisterView register = registers.create(request, actor);
        IssuedApiClient client = issueKey(register.code(), actor);
        return new IssuedRegister(register.code(), register.name(), register.location(), register.offlineHours(),
                register.status(), client.key());
    }

    /** A fresh key that is the register's from now on. */
    public IssuedApiClient issueKey(String code, String actor) {
        IssuedApiClient client = identity.createApiClient(new NewApiClient("register " + code, Role.CHANNEL, CHANNEL), actor);
        registers.useKeyOf(code, "client:" + client.id());
        return client;
    }

    /** The link a tablet's camera opens to pair: the register app with the code, on this server. */
    public static String pairUrl(String serverRoot, String pairingCode) {
        return serverRoot.replaceAll("/+$", "") + "/register/?pair=" + pairingCode;
    }
}
