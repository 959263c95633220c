package io.quartermaster.web.rest;

import io.quartermaster.platform.api.idempotency.IdempotencyKeys;
import io.quartermaster.platform.api.idempotency.IdempotentCall;
import io.quartermaster.platform.api.idempotency.ShownOnce;
import io.quartermaster.platform.api.identity.Caller;
import io.quartermaster.platform.api.problem.ProblemException;
import io.quartermaster.platform.api.tx.DatabaseFailures;
import io.quartermaster.web.rest.problem.Problems;
import io.quartermaster.web.security.Authentication;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code Idempotency-Key} on every POST of the API: the key is claimed per client before the
 * resource runs (or, for a one-shot order, by the order's own first transaction), and the
 * answer (status and body, errors included) is stored after it (or by the order's last); a
 * repeat with the same key and body gets that answer again without running anything. A
 * failure on our side (5xx) is not stored, so the client's retry runs the request again.
 */
@Provider
@Priority(Priorities.USER)
public class IdempotencyFilter implements ContainerRequestFilter, ContainerResponseFilter {

    public static final String HEADER = "Idempotency-Key";
    private static final String CLAIM = "io.quartermaster.idempotency";
    private static final String CALL = "io.quartermaster.idempotency.call";

    /**
     * The stored "content type" of an answer that carried a secret ({@link ShownOnce}): only the
     * refusal text is kept, and a repeat gets a 409 with it instead of the secret.
     */
    static final String WITHHELD = "application/x-quartermaster-secret-withheld";

    /**
     * Commands that claim the key and store the answer inside their own transactions (paths
     * under /api/v1): a one-shot order does both in its stock batches, which saves two
     * transactions per order (DESIGN.md §2 "Group commit").
     */
    private static final java.util.Set<String> COMMANDS_THAT_CLAIM = java.util.Set.of("orders");

    /** The call a command is to claim and answer itself, if this request is one (see {@link #COMMANDS_THAT_CLAIM}). */
    public static IdempotentCall call(jakarta.servlet.http.HttpServletRequest request) {
        return request.getAttribute(CALL) instanceof IdempotentCall call ? call : null;
    }

    private static final Logger LOG = Logger.getLogger(IdempotencyFilter.class.getName());

    @Inject
    IdempotencyKeys keys;

    private final Jsonb jsonb = new JsonConfig().getContext(Object.class);

    private record Claim(String client, String key) {
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        String key = request.getHeaderString(HEADER);
        if (key == null || !"POST".equals(request.getMethod())) {
            return;
        }
        if (key.isBlank() || key.length() > 200) {
            throw ProblemException.invalidField(HEADER, "1 to 200 characters");
        }
        Caller caller = (Caller) request.getProperty(Authentication.CALLER_ATTRIBUTE);
        if (caller == null) {
            return;
        }
        byte[] body = request.hasEntity() ? request.getEntityStream().readAllBytes() : new byte[0];
        request.setEntityStream(new ByteArrayInputStream(body));
        String client = caller.clientId().map(id -> "client:" + id).orElse("user:" + caller.name());
        String hash = hash(request.getUriInfo().getPath(), body);
        if (COMMANDS_THAT_CLAIM.contains(request.getUriInfo().getPath().replaceFirst("^/", ""))) {
            request.setProperty(CALL, new IdempotentCall(client, key, hash));
            return;
        }
        Optional<IdempotencyKeys.StoredAnswer> stored = keys.begin(client, key, hash);
        if (stored.isPresent()) {
            IdempotencyKeys.StoredAnswer answer = stored.get();
            if (WITHHELD.equals(answer.contentType())) {
                request.abortWith(Problems.response(409, "Secret not kept", answer.body()));
                return;
            }
            request.abortWith(Response.status(answer.status())
                    .type(answer.contentType())
                    .entity(answer.body())
                    .header("Idempotent-Replayed", "true")
                    .build());
            return;
        }
        request.setProperty(CLAIM, new Claim(client, key));
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Claim claim;
        if (request.getProperty(CALL) instanceof IdempotentCall call) {
            // The command claimed the key in its own transaction (or never got that far); it may
            // have stored the answer itself. What is left to do is what the filter does otherwise.
            if (!call.claimed() || call.answerStored()) {
                return;
            }
            claim = new Claim(call.client(), call.key());
        } else if (request.getProperty(CLAIM) instanceof Claim filtered) {
            claim = filtered;
        } else {
            return;
        }
        boolean failed = response.getStatus() >= 500;
        String body = null;
        String type = null;
        if (!failed) {
            Object entity = response.getEntity();
            if (entity instanceof ShownOnce secret) {
                body = secret.replayRefusal();
                type = WITHHELD;
            } else {
                body = entity == null ? null : entity instanceof String s ? s : jsonb.toJson(entity);
                type = response.getMediaType() == null ? "application/json" : response.getMediaType().toString();
            }
        }
        try {
            if (failed) {
                keys.abandon(claim.client(), claim.key());
            } else {
                keys.complete(claim.client(), claim.key(), response.getStatus(), type, body);
            }
        } catch (RuntimeException e) {
            // The answer stands (the caller gets what happened); the claim is finished as soon as the
            // database takes it again. Until then a retry is told "in progress" — or takes the key over
            // at once when this instance's liveness session went too (a database crash resets it) — and
            // the commands behind the API are idempotent per key (an order's checkout id is derived from
            // it), so nothing happens twice. During a database outage that is every request: the
            // outage's own log line says it once.
            if (failed) {
                keys.abandonLater(claim.client(), claim.key());
            } else {
                keys.completeLater(claim.client(), claim.key(), response.getStatus(), type, body);
            }
            LOG.log(DatabaseFailures.unavailable(e) ? Level.FINE : Level.WARNING, () -> "Idempotency-Key '" + claim.key()
                    + "' could not be " + (failed ? "released" : "completed") + " yet ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "); tried again every second");
        }
    }

    private static String hash(String path, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(path.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
