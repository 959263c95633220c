package io.quartermaster.platform.application;

import io.quartermaster.platform.api.problem.FieldError;
import io.quartermaster.platform.api.problem.ProblemException;
import io.quartermaster.platform.api.webhook.DeliveryPage;
import io.quartermaster.platform.api.webhook.DeliveryStatus;
import io.quartermaster.platform.api.webhook.DeliveryView;
import io.quartermaster.platform.api.webhook.EventTypes;
import io.quartermaster.platform.api.webhook.IssuedWebhook;
import io.quartermaster.platform.api.webhook.NewWebhook;
import io.quartermaster.platform.api.webhook.WebhookFacade;
import io.quartermaster.platform.api.webhook.WebhookView;
import io.quartermaster.platform.domain.webhook.WebhookSecrets;
import io.quartermaster.platform.domain.webhook.WebhookUrls;
import io.quartermaster.platform.domain.webhook.WebhooksQueued;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.logging.Logger;

@ApplicationScoped
public class Webhooks implements WebhookFacade {

    private static final Logger LOG = Logger.getLogger(Webhooks.class.getName());
    /** After a rotation the old secret signs beside the new one this long, so receivers can switch without a gap. */
    static final int PREVIOUS_SECRET_HOURS = 24;

    private static final String VIEW_COLUMNS = "s.id::text, s.url, array_to_string(s.event_types, ','), s.description, "
            + "s.active, s.created_at, s.created_by, s.updated_at, s.updated_by, "
            + "case when s.previous_secret_until > now() then s.previous_secret_until end, "
            + "(select count(*) from platform.webhook_delivery d where d.subscription_id = s.id and d.status = 'PENDING'), "
            + "(select count(*) from platform.webhook_delivery d where d.subscription_id = s.id and d.status = 'FAILED') "
            + "from platform.webhook_subscription s ";

    @PersistenceContext(unitName = "platform")
    EntityManager em;

    @Inject
    WebhookSecrets secrets;

    @Inject
    WebhookSettings settings;

    @Inject
    Instance<EventTypes> eventTypes;

    /** Wakes the senders once the transaction commits. */
    @Inject
    Event<WebhooksQueued> queued;

    @Override
    public Set<String> eventTypes() {
        Set<String> names = new TreeSet<>();
        eventTypes.forEach(types -> names.addAll(types.names()));
        return names;
    }

    @Override
    @Transactional
    public IssuedWebhook subscribe(NewWebhook webhook, String by) {
        List<String> events = checked(webhook);
        requireSecrets();
        UUID id = UUID.randomUUID();
        String secret = WebhookSecrets.newSecret();
        em.createNativeQuery("insert into platform.webhook_subscription (id, url, event_types, description, active, "
                        + "secret_sealed, created_by, updated_by) values (?1, ?2, cast(?3 as text[]), ?4, ?5, ?6, ?7, ?7)")
                .setParameter(1, id)
                .setParameter(2, webhook.url)
                .setParameter(3, events.toArray(String[]::new))
                .setParameter(4, blankToNull(webhook.description))
                .setParameter(5, webhook.active == null || webhook.active)
                .setParameter(6, secrets.seal(secret, id.toString()))
                .setParameter(7, by)
                .executeUpdate();
        LOG.info(() -> "Webhook " + id + " to " + webhook.url + " for " + events + " created by " + by);
        return IssuedWebhook.issue(find(id).orElseThrow(), secret);
    }

    @Override
    public List<WebhookView> webhooks() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + VIEW_COLUMNS + "order by s.created_at, s.id").getResultList();
        return rows.stream().map(Webhooks::view).toList();
    }

    @Override
    public Optional<WebhookView> webhook(UUID id) {
        return find(id);
    }

    @Override
    @Transactional
    public Optional<WebhookView> change(UUID id, NewWebhook change, String by) {
        List<String> events = checked(change);
        int changed = em.createNativeQuery("update platform.webhook_subscription set url = ?2, event_types = cast(?3 as text[]), "
                        + "description = case when cast(?4 as text) is null then description else nullif(cast(?4 as text), '') end, "
                        + "active = coalesce(cast(?5 as boolean), active), updated_at = now(), "
                        + "updated_by = ?6 where id = ?1")
                .setParameter(1, id)
                .setParameter(2, change.url)
                .setParameter(3, events.toArray(String[]::new))
                .setParameter(4, change.description)
                .setParameter(5, change.active)
                .setParameter(6, by)
                .executeUpdate();
        if (changed == 0) {
            return Optional.empty();
        }
        LOG.info(() -> "Webhook " + id + " changed by " + by + ": " + change.url + " for " + events
                + (change.active == null ? "" : change.active ? ", active" : ", paused"));
        queued.fire(new WebhooksQueued());
        return find(id);
    }

    @Override
    @Transactional
    public boolean remove(UUID id, String by) {
        boolean removed = em.createNativeQuery("delete from platform.webhook_subscription where id = ?1")
                .setParameter(1, id)
                .executeUpdate() > 0;
        if (removed) {
            LOG.info(() -> "Webhook " + id + " deleted by " + by);
        }
        return removed;
    }

    @Override
    @Transactional
    public Optional<IssuedWebhook> rotateSecret(UUID id, String by) {
        requireSecrets();
        String secret = WebhookSecrets.newSecret();
        int changed = em.createNativeQuery("update platform.webhook_subscription set previous_secret_sealed = secret_sealed, "
                        + "previous_secret_until = now() + make_interval(hours => ?3), secret_sealed = ?2, "
                        + "updated_at = now(), updated_by = ?4 where id = ?1")
                .setParameter(1, id)
                .setParameter(2, secrets.seal(secret, id.toString()))
                .setParameter(3, PREVIOUS_SECRET_HOURS)
                .setParameter(4, by)
                .executeUpdate();
        if (changed == 0) {
            return Optional.empty();
        }
        LOG.info(() -> "Webhook " + id + ": secret rotated by " + by + "; the previous one signs beside it for "
                + PREVIOUS_SECRET_HOURS + " h");
        return find(id).map(view -> IssuedWebhook.issue(view, secret));
    }

    @Override
    public Optional<DeliveryPage> deliveries(UUID id, DeliveryStatus status, int page, int size) {
        // Whether it exists, without the view's pending and failed counts.
        if (em.createNativeQuery("select 1 from platform.webhook_subscription where id = ?1").setParameter(1, id)
                .getResultList().isEmpty()) {
            return Optional.empty();
        }
        String where = "where d.subscription_id = ?1" + (status == null ? "" : " and d.status = ?2");
        var count = em.createNativeQuery("select count(*) from platform.webhook_delivery d " + where).setParameter(1, id);
        var list = em.createNativeQuery("select d.event_id::text, e.event_type, d.status, d.attempts, d.last_http_status, "
                        + "d.last_error, d.created_at, d.last_attempt_at, "
                        + "case when d.status = 'PENDING' then d.next_attempt_at end, d.delivered_at "
                        + "from platform.webhook_delivery d join platform.webhook_event e on e.event_id = d.event_id "
                        + where + " order by d.seq desc limit ?3 offset ?4")
                .setParameter(1, id)
                .setParameter(3, size)
                .setParameter(4, (long) page * size);
        if (status != null) {
            count.setParameter(2, status.name());
            list.setParameter(2, status.name());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = list.getResultList();
        List<DeliveryView> items = rows.stream().map(r -> new DeliveryView(UUID.fromString((String) r[0]), (String) r[1],
                DeliveryStatus.valueOf((String) r[2]), ((Number) r[3]).intValue(),
                r[4] == null ? null : ((Number) r[4]).intValue(), (String) r[5], instant(r[6]), instant(r[7]),
                instant(r[8]), instant(r[9]))).toList();
        return Optional.of(new DeliveryPage(items, page, size, ((Number) count.getSingleResult()).longValue()));
    }

    @Override
    @Transactional
    public boolean redeliver(UUID id, UUID eventId, String by) {
        boolean again = em.createNativeQuery("update platform.webhook_delivery set status = 'PENDING', next_attempt_at = now(), "
                        + "first_attempt_at = null, delivered_at = null where subscription_id = ?1 and event_id = ?2")
                .setParameter(1, id)
                .setParameter(2, eventId)
                .executeUpdate() > 0;
        if (again) {
            LOG.info(() -> "Webhook " + id + ": event " + eventId + " queued for redelivery by " + by);
            queued.fire(new WebhooksQueued());
        }
        return again;
    }

    private Optional<WebhookView> find(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + VIEW_COLUMNS + "where s.id = ?1").setParameter(1, id)
                .getResultList();
        return rows.stream().findFirst().map(Webhooks::view);
    }

    /** The URL and event types, or a 400 naming every field that is wrong. */
    private List<String> checked(NewWebhook webhook) {
        List<FieldError> errors = new ArrayList<>();
        WebhookUrls.refusal(webhook.url, settings.allowPrivateUrls()).ifPresent(why -> errors.add(new FieldError("url", why)));
        List<String> events = webhook.events == null ? List.of() : webhook.events;
        Set<String> known = eventTypes();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < events.size(); i++) {
            String type = events.get(i);
            String field = "events[" + i + "]";
            if (type == null || type.isBlank()) {
                errors.add(new FieldError(field, "must be an event type or *"));
            } else if (type.equals("*")) {
                if (events.size() > 1) {
                    errors.add(new FieldError(field, "* means every event type; name it alone"));
                }
            } else if (!known.contains(type)) {
                errors.add(new FieldError(field, "is not an event type; known types: " + String.join(", ", known)));
            } else if (!seen.add(type)) {
                errors.add(new FieldError(field, "names " + type + " a second time"));
            }
        }
        if (events.isEmpty()) {
            errors.add(new FieldError("events", "must name at least one event type, or * for all"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        return events;
    }

    private void requireSecrets() {
        if (secrets.unavailable() != null) {
            throw new ProblemException(503, "Webhooks are not configured", secrets.unavailable());
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static WebhookView view(Object[] r) {
        return new WebhookView(UUID.fromString((String) r[0]), (String) r[1], Arrays.asList(((String) r[2]).split(",")),
                (String) r[3], (Boolean) r[4], instant(r[5]), (String) r[6], instant(r[7]), (String) r[8], instant(r[9]),
                ((Number) r[10]).longValue(), ((Number) r[11]).longValue());
    }

    private static Instant instant(Object value) {
        return value == null ? null : ((Timestamp) value).toInstant();
    }
}
