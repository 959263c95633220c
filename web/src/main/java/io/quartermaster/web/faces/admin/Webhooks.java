package io.quartermaster.web.faces.admin;

import io.quartermaster.platform.api.webhook.DeliveryPage;
import io.quartermaster.platform.api.webhook.DeliveryStatus;
import io.quartermaster.platform.api.webhook.IssuedWebhook;
import io.quartermaster.platform.api.webhook.NewWebhook;
import io.quartermaster.platform.api.webhook.WebhookFacade;
import io.quartermaster.platform.api.webhook.WebhookView;
import io.quartermaster.web.faces.Feedback;
import io.quartermaster.web.security.CurrentCaller;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Webhook subscriptions for integrators (admins only): create one (its signing secret shown once,
 * here), pause, resume, rotate the secret, delete; and per subscription its deliveries with their
 * status, attempts and last answer, each of which can be sent again.
 */
@Named
@ViewScoped
public class Webhooks implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int DELIVERIES_SHOWN = 100;

    @Inject
    transient WebhookFacade webhooks;

    @Inject
    transient CurrentCaller caller;

    private List<WebhookView> subscriptions;
    private String url;
    private List<String> events = new ArrayList<>(List.of("*"));
    private String description;
    /** The secret just issued (on create or rotation); kept only in this view, gone when the page is left. */
    private IssuedWebhook issued;
    private UUID selected;
    private String status;
    private DeliveryPage deliveries;

    @PostConstruct
    void load() {
        subscriptions = webhooks.webhooks();
        if (selected != null) {
            loadDeliveries();
        }
    }

    public void create() {
        issued = null;
        NewWebhook webhook = new NewWebhook(url == null ? null : url.trim(), List.copyOf(events), description);
        Feedback.attempt("webhook", () -> webhooks.subscribe(Feedback.valid(webhook), caller.name()),
                "Subscribed " + url + ". Copy its signing secret now: it is not shown again.").ifPresent(created -> {
                    issued = created;
                    url = null;
                    description = null;
                    events = new ArrayList<>(List.of("*"));
                    load();
                });
    }

    public void setActive(WebhookView webhook, boolean active) {
        NewWebhook change = new NewWebhook(webhook.url(), webhook.events(), null);
        change.active = active;
        Feedback.attempt("list", () -> webhooks.change(webhook.id(), change, caller.name()),
                (active ? "Resumed " : "Paused ") + webhook.url() + (active ? "." : ": events meanwhile are not queued for it."));
        load();
    }

    public void rotate(WebhookView webhook) {
        issued = null;
        Feedback.attempt("list", () -> webhooks.rotateSecret(webhook.id(), caller.name()).orElse(null),
                "New signing secret for " + webhook.url() + ". The previous one keeps signing beside it for 24 hours.")
                .ifPresent(rotated -> issued = rotated);
        load();
    }

    public void delete(WebhookView webhook) {
        Feedback.attempt("list", () -> webhooks.remove(webhook.id(), caller.name()), "Deleted the webhook to " + webhook.url() + ".");
        if (webhook.id().equals(selected)) {
            selected = null;
            deliveries = null;
        }
        load();
    }

    public void show(WebhookView webhook) {
        selected = webhook.id();
        loadDeliveries();
    }

    public void filter() {
        loadDeliveries();
    }

    public void redeliver(UUID eventId) {
        Feedback.attempt("deliveries", () -> webhooks.redeliver(selected, eventId, caller.name()),
                "Event " + eventId + " is queued to be sent again.");
        load();
    }

    private void loadDeliveries() {
        DeliveryStatus only = status == null || status.isBlank() ? null : DeliveryStatus.valueOf(status);
        deliveries = webhooks.deliveries(selected, only, 0, DELIVERIES_SHOWN).orElse(null);
        if (deliveries == null) {
            selected = null;
        }
    }

    public WebhookView getSelectedWebhook() {
        return subscriptions.stream().filter(w -> w.id().equals(selected)).findFirst().orElse(null);
    }

    public List<String> getEventTypes() {
        List<String> types = new ArrayList<>();
        types.add("*");
        types.addAll(webhooks.eventTypes());
        return types;
    }

    public List<String> getStatuses() {
        return List.of(DeliveryStatus.PENDING.name(), DeliveryStatus.DELIVERED.name(), DeliveryStatus.FAILED.name());
    }

    public List<WebhookView> getSubscriptions() {
        return subscriptions;
    }

    public IssuedWebhook getIssued() {
        return issued;
    }

    public DeliveryPage getDeliveries() {
        return deliveries;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public List<String> getEvents() {
        return events;
    }

    public void setEvents(List<String> events) {
        this.events = events == null ? new ArrayList<>() : new ArrayList<>(events);
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }
}
