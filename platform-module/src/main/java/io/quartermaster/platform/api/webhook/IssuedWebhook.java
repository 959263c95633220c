package io.quartermaster.platform.api.webhook;

import io.quartermaster.platform.api.idempotency.ShownOnce;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The answer to creating a subscription or rotating its secret: the only time the secret is shown. */
public record IssuedWebhook(UUID id, String url, List<String> events, String description, boolean active,
                            Instant createdAt, Instant previousSecretUntil, String secret) implements ShownOnce {

    public static IssuedWebhook issue(WebhookView view, String secret) {
        return new IssuedWebhook(view.id(), view.url(), view.events(), view.description(), view.active(),
                view.createdAt(), view.previousSecretUntil(), secret);
    }

    @Override
    public String replayRefusal() {
        return "Webhook " + id + " got its secret from the first request with this Idempotency-Key. The secret is "
                + "shown only once and is not kept in readable form for replays; if it was lost, rotate it "
                + "(POST /api/v1/admin/webhooks/" + id + "/rotate-secret).";
    }
}
