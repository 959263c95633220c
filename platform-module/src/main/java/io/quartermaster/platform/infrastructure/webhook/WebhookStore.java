package io.quartermaster.platform.infrastructure.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The senders' side of the delivery table. A sender claims one subscription with due deliveries
 * — a lease on its row, taken with {@code FOR UPDATE SKIP LOCKED}, so that across all instances
 * one sender at a time works a subscription, one attempt per event at a time, in the order the
 * events were queued — and records the outcomes of what it sent in one transaction, which also
 * gives the lease back. A sender that dies leaves a lease that runs out after
 * {@link #LEASE_SECONDS}; its deliveries are then sent again (at least once).
 */
@ApplicationScoped
public class WebhookStore {

    /** A claim's lease; a sender stops taking new attempts well before it ends. */
    static final int LEASE_SECONDS = 60;

    @PersistenceContext(unitName = "platform")
    EntityManager em;

    @Inject
    SecretBox secrets;

    /** A delivery to attempt: the event's stored envelope and how many attempts failed before. */
    record Due(UUID eventId, String type, String body, int attempts) {
    }

    /** A subscription claimed by one sender, with its secrets (current first) and its next deliveries. */
    record Claim(UUID subscriptionId, UUID token, String url, List<String> secrets, List<Due> due) {
    }

    /**
     * One attempt's result. {@code retryInMillis} is when to try again if it failed, and
     * {@code millisAgo} how long before recording it was made (the record uses the database's clock).
     */
    record Outcome(UUID eventId, boolean delivered, Integer httpStatus, String error, long retryInMillis, long millisAgo) {
    }

    /** The subscription whose turn it is (least recently worked first) with up to {@code limit} due deliveries. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Claim> claim(int limit) {
        UUID token = UUID.randomUUID();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("update platform.webhook_subscription s set lease_token = ?1, "
                        + "lease_until = now() + make_interval(secs => ?2) where s.id = ("
                        + "select c.id from platform.webhook_subscription c where c.active "
                        + "and (c.lease_until is null or c.lease_until < now()) and exists (select 1 from platform.webhook_delivery d "
                        + "where d.subscription_id = c.id and d.status = 'PENDING' and d.next_attempt_at <= now()) "
                        + "order by c.lease_until nulls first limit 1 for update skip locked) "
                        + "returning s.id::text, s.url, s.secret_sealed, "
                        + "case when s.previous_secret_until > now() then s.previous_secret_sealed end")
                .setParameter(1, token)
                .setParameter(2, LEASE_SECONDS)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = rows.get(0);
        UUID id = UUID.fromString((String) row[0]);
        List<String> signing = new ArrayList<>(2);
        signing.add(secrets.open((String) row[2], id.toString()));
        if (row[3] != null) {
            signing.add(secrets.open((String) row[3], id.toString()));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> due = em.createNativeQuery("select d.event_id::text, e.event_type, e.body, d.attempts "
                        + "from platform.webhook_delivery d join platform.webhook_event e on e.event_id = d.event_id "
                        + "where d.subscription_id = ?1 and d.status = 'PENDING' and d.next_attempt_at <= now() "
                        + "order by d.seq limit ?2")
                .setParameter(1, id)
                .setParameter(2, limit)
                .getResultList();
        return Optional.of(new Claim(id, token, (String) row[1], List.copyOf(signing), due.stream()
                .map(d -> new Due(UUID.fromString((String) d[0]), (String) d[1], (String) d[2], ((Number) d[3]).intValue()))
                .toList()));
    }

    /**
     * Records what was sent — delivered, to be retried, or FAILED once its first attempt is older
     * than {@code giveUpAfterSeconds} — and gives the lease back, the subscription resting
     * {@code restSeconds} before it is claimed again (when its receiver seems down).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(Claim claim, List<Outcome> outcomes, long giveUpAfterSeconds, int restSeconds) {
        if (!outcomes.isEmpty()) {
            em.createNativeQuery("update platform.webhook_delivery d set attempts = d.attempts + 1, "
                            + "first_attempt_at = coalesce(d.first_attempt_at, u.at), last_attempt_at = u.at, "
                            + "last_http_status = u.http, last_error = u.error, "
                            + "delivered_at = case when u.ok then u.at end, "
                            + "status = case when u.ok then 'DELIVERED' "
                            + "when coalesce(d.first_attempt_at, u.at) + make_interval(secs => ?3) <= now() then 'FAILED' "
                            + "else 'PENDING' end, "
                            + "next_attempt_at = case when u.ok then d.next_attempt_at else now() + u.retry end "
                            + "from (select x.event_id::uuid as event_id, x.ok::boolean as ok, nullif(x.http, '')::int as http, "
                            + "nullif(x.error, '') as error, now() - x.ago::bigint * interval '1 millisecond' as at, "
                            + "x.retry::bigint * interval '1 millisecond' as retry "
                            + "from unnest(?2, ?4, ?5, ?6, ?7, ?8) as x(event_id, ok, http, error, ago, retry)) u "
                            + "where d.subscription_id = ?1 and d.event_id = u.event_id and d.status = 'PENDING'")
                    .setParameter(1, claim.subscriptionId())
                    .setParameter(2, outcomes.stream().map(o -> o.eventId().toString()).toArray(String[]::new))
                    .setParameter(3, giveUpAfterSeconds)
                    .setParameter(4, outcomes.stream().map(o -> String.valueOf(o.delivered())).toArray(String[]::new))
                    .setParameter(5, outcomes.stream().map(o -> o.httpStatus() == null ? "" : o.httpStatus().toString())
                            .toArray(String[]::new))
                    .setParameter(6, outcomes.stream().map(o -> o.error() == null ? "" : o.error()).toArray(String[]::new))
                    .setParameter(7, outcomes.stream().map(o -> String.valueOf(o.millisAgo())).toArray(String[]::new))
                    .setParameter(8, outcomes.stream().map(o -> String.valueOf(o.retryInMillis())).toArray(String[]::new))
                    .executeUpdate();
        }
        em.createNativeQuery("update platform.webhook_subscription set lease_token = null, "
                        + "lease_until = now() + make_interval(secs => ?3) where id = ?1 and lease_token = ?2")
                .setParameter(1, claim.subscriptionId())
                .setParameter(2, claim.token())
                .setParameter(3, restSeconds)
                .executeUpdate();
    }

    /** Hourly: deliveries that ended longer ago than the retention, and events no delivery needs any more. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int purge(int retentionDays) {
        int deliveries = em.createNativeQuery("delete from platform.webhook_delivery where status <> 'PENDING' "
                        + "and coalesce(delivered_at, last_attempt_at, created_at) < now() - make_interval(days => ?1)")
                .setParameter(1, retentionDays)
                .executeUpdate();
        em.createNativeQuery("delete from platform.webhook_event e where e.stored_at < now() - interval '1 hour' "
                        + "and not exists (select 1 from platform.webhook_delivery d where d.event_id = e.event_id)")
                .executeUpdate();
        return deliveries;
    }
}
