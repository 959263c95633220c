package io.quartermaster.web.rest.admin;

import io.quartermaster.platform.api.identity.Role;
import io.quartermaster.platform.api.problem.ProblemException;
import io.quartermaster.platform.api.webhook.DeliveryPage;
import io.quartermaster.platform.api.webhook.DeliveryStatus;
import io.quartermaster.platform.api.webhook.IssuedWebhook;
import io.quartermaster.platform.api.webhook.NewWebhook;
import io.quartermaster.platform.api.webhook.WebhookFacade;
import io.quartermaster.platform.api.webhook.WebhookView;
import io.quartermaster.web.rest.Paging;
import io.quartermaster.web.rest.PathIds;
import io.quartermaster.web.security.CurrentCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Webhook subscriptions and their deliveries (ADMIN only): README "For integrators". */
@Path("/admin/webhooks")
@RequestScoped
@RolesAllowed(Role.ADMIN_NAME)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WebhooksResource {

    @Inject
    WebhookFacade webhooks;

    @Inject
    CurrentCaller caller;

    /** 201 with the signing secret: the only answer that ever contains it. */
    @POST
    public Response create(NewWebhook webhook) {
        IssuedWebhook issued = webhooks.subscribe(webhook, caller.name());
        return Response.created(URI.create("/api/v1/admin/webhooks/" + issued.id()))
                .header("Cache-Control", "no-store")
                .entity(issued)
                .build();
    }

    @GET
    public List<WebhookView> list() {
        return webhooks.webhooks();
    }

    @GET
    @Path("{id}")
    public WebhookView get(@PathParam("id") String id) {
        return webhooks.webhook(id(id)).orElseThrow(() -> notFound(id));
    }

    /** The URL and event types replaced; {@code description} and {@code active} kept when left out. */
    @PUT
    @Path("{id}")
    public WebhookView change(@PathParam("id") String id, NewWebhook change) {
        return webhooks.change(id(id), change, caller.name()).orElseThrow(() -> notFound(id));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        if (!webhooks.remove(id(id), caller.name())) {
            throw notFound(id);
        }
        return Response.noContent().build();
    }

    /** A new secret, shown in this answer only; the previous one keeps signing beside it for 24 hours. */
    @POST
    @Path("{id}/rotate-secret")
    public Response rotateSecret(@PathParam("id") String id) {
        IssuedWebhook issued = webhooks.rotateSecret(id(id), caller.name()).orElseThrow(() -> notFound(id));
        return Response.ok(issued).header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("{id}/deliveries")
    public DeliveryPage deliveries(@PathParam("id") String id,
                                   @QueryParam("status") String status,
                                   @QueryParam("page") @DefaultValue("0") int page,
                                   @QueryParam("size") @DefaultValue("50") int size) {
        Paging.check(page, size);
        return webhooks.deliveries(id(id), status(status), page, size).orElseThrow(() -> notFound(id));
    }

    /** 202: queued for an attempt now, whatever its status was; the deliveries list shows how it went. */
    @POST
    @Path("{id}/deliveries/{eventId}/redeliver")
    public Response redeliver(@PathParam("id") String id, @PathParam("eventId") String eventId) {
        UUID subscription = id(id);
        if (!webhooks.redeliver(subscription, PathIds.uuid(eventId, "event"), caller.name())) {
            // Only a refusal asks which of the two is missing: a redelivery is one statement.
            throw webhooks.webhook(subscription).isEmpty() ? notFound(id)
                    : ProblemException.notFound("webhook " + id + " has no delivery of event " + eventId);
        }
        return Response.accepted().build();
    }

    private static UUID id(String id) {
        return PathIds.uuid(id, "webhook");
    }

    private static ProblemException notFound(String id) {
        return ProblemException.notFound("no webhook " + id);
    }

    private static DeliveryStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return DeliveryStatus.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("status", "must be one of " + Arrays.toString(DeliveryStatus.values()));
        }
    }
}
