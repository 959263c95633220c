package io.quartermaster.web.rest.orders;

import io.quartermaster.orders.api.AllotmentTargets;
import io.quartermaster.orders.api.CloseRegister;
import io.quartermaster.orders.api.PairRequest;
import io.quartermaster.orders.api.PairedRegister;
import io.quartermaster.orders.api.PairingView;
import io.quartermaster.orders.api.RegisterFacade;
import io.quartermaster.orders.api.RegisterSales;
import io.quartermaster.orders.api.RegisterView;
import io.quartermaster.platform.api.idempotency.ShownOnce;
import io.quartermaster.platform.api.identity.IdentityFacade;
import io.quartermaster.platform.api.identity.IssuedApiClient;
import io.quartermaster.platform.api.identity.Role;
import io.quartermaster.platform.api.problem.ProblemException;
import io.quartermaster.web.registers.RegisterKeys;
import io.quartermaster.web.security.Callers;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Registers (API.md "Registers"): staff see them all; a register's own key sees only itself
 * (any other register's code is answered 404) and asks for its allotments' top-ups.
 */
@Path("/registers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RegistersResource {

    @Inject
    RegisterFacade registers;

    @Inject
    Callers callers;

    @Inject
    IdentityFacade identity;

    @Inject
    RegisterKeys keys;

    @Inject
    HttpServletRequest request;


    /** A pairing code as staff show it, with the link a tablet's camera opens (the register app at /register/). */
    public record PairingAnswer(String pairingCode, String pairUrl, Instant expiresAt) {
    }

    /** The answer to pairing: the register and the device's key, shown this once. */
    public record PairedAnswer(String code, String name, String location, int offlineHours, String key) implements ShownOnce {
        @Override
        public String replayRefusal() {
            return "This pairing code was spent by the first request with this Idempotency-Key; its key is not kept. "
                    + "Ask for a new pairing code.";
        }
    }

    @GET
    @RolesAllowed({Role.STAFF_NAME, Role.ADMIN_NAME})
    public List<RegisterView> list() {
        return registers.registers();
    }

    @GET
    @Path("{code}")
    @RolesAllowed({Role.STAFF_NAME, Role.ADMIN_NAME, Role.CHANNEL_NAME})
    public RegisterView get(@PathParam("code") String code) {
        return registers.register(code, callers.viewer()).orElseThrow(() -> ProblemException.notFound("no register " + code));
    }

    /** The targets per SKU; 200 with the register as GET answers it, each line with {@code shortBy} when stock fell short. */
    @PUT
    @Path("{code}/allotments")
    @RolesAllowed({Role.STAFF_NAME, Role.ADMIN_NAME, Role.CHANNEL_NAME})
    public RegisterView allot(@PathParam("code") String code, AllotmentTargets targets) {
        return registers.setAllotments(code, targets, callers.viewer());
    }

    /**
     * The register's sales, each recorded once per its id (1–500 per request, in the order it
     * numbered them); 200 with a result per sale and the register as it is now. Only the register
     * itself sends them.
     */
    @POST
    @Path("{code}/sales")
    @RolesAllowed(Role.CHANNEL_NAME)
    public RegisterSales.Settled sales(@PathParam("code") String code, RegisterSales sales) {
        return registers.recordSales(code, sales, callers.viewer());
    }

    /**
     * Closes the register once every sale up to {@code lastSeq} is recorded: 200 with the register
     * (CLOSED; what it held is available again); 409 listing {@code missingSeqs} otherwise. Staff
     * may close a lost register ({@code lost: true}): LOST, its units wait for a count of its location.
     */
    @POST
    @Path("{code}/close")
    @RolesAllowed({Role.STAFF_NAME, Role.ADMIN_NAME, Role.CHANNEL_NAME})
    public RegisterView close(@PathParam("code") String code, CloseRegister close) {
        if (Boolean.TRUE.equals(close.lost)) {
            if (!callers.viewer().staff()) {
                throw new ProblemException(403, "Forbidden", "only staff close a register as lost");
            }
            return registers.closeAsLost(code, callers.viewer());
        }
        if (close.lastSeq == null) {
            throw ProblemException.invalidField("lastSeq", "the last sale number the register used (or lost: true, by staff)");
        }
        return registers.close(code, close.lastSeq, callers.viewer());
    }

    /** A one-time code (valid a few minutes, {@code QM_REGISTERS_PAIRING_MINUTES}) that pairs a device with the register. */
    @POST
    @Path("{code}/pairing-codes")
    @RolesAllowed({Role.STAFF_NAME, Role.ADMIN_NAME})
    public Response startPairing(@PathParam("code") String code, @Context UriInfo uri) {
        PairingView pairing = registers.startPairing(code, callers.viewer(), keys.pairingMinutes());
        String root = uri.getBaseUriBuilder().replacePath("").replaceQuery(null).build().toString();
        return Response.status(201).header("Cache-Control", "no-store")
                .entity(new PairingAnswer(pairing.pairingCode(), RegisterKeys.pairUrl(root, pairing.pairingCode()),
                        pairing.expiresAt())).build();
    }

    /**
     * Anyone holding a valid code — the one call of the API without a credential: the code is the
     * credential, spent once, and wrong guesses are throttled per address like sign-in (429). The
     * device gets a fresh key; the register's previous key is revoked.
     */
    @POST
    @Path("pair")
    @PermitAll
    public Response pair(PairRequest pairing) {
        String source = request.getRemoteAddr();
        if (identity.guessesBlocked(source)) {
            throw new ProblemException(429, "Too many attempts", "Too many wrong pairing codes from this address; "
                    + "wait 15 minutes, or ask for a new code and type it carefully.", Map.of("retryAfter", 900));
        }
        Optional<PairedRegister> paired = registers.pair(pairing.pairingCode);
        if (paired.isEmpty()) {
            identity.wrongGuess(source);
            throw ProblemException.notFound("no pairing code " + pairing.pairingCode
                    + " waits to be used: it is mistyped, used already or expired (codes last a few minutes)");
        }
        PairedRegister register = paired.get();
        IssuedApiClient client = keys.issueKey(register.code(), "pairing:" + register.code());
        register.previousOwner().filter(o -> o.startsWith("client:"))
                .ifPresent(o -> identity.revokeApiClient(UUID.fromString(o.substring("client:".length())),
                        "pairing:" + register.code()));
        return Response.ok(new PairedAnswer(register.code(), register.name(), register.location(), register.offlineHours(),
                client.key())).header("Cache-Control", "no-store").build();
    }
}
