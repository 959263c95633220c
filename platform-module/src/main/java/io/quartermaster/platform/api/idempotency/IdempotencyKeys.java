package io.quartermaster.platform.api.idempotency;

import io.quartermaster.platform.api.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Idempotency keys as API.md defines them, scoped to the calling client: the same key with
 * the same request replays the first answer and has no second effect; with a different
 * request it is refused (422); while the first call still runs, 409. A key whose first call
 * died with its instance (or whose answer could not be stored) is taken over after the lease,
 * {@code qm.idempotency.lease-seconds} (60 s).
 */
@ApplicationScoped
public class IdempotencyKeys {

    @Inject
    @ConfigProperty(name = "qm.idempotency.lease-seconds", defaultValue = "60")
    int leaseSeconds;

    @PersistenceContext(unitName = "platform")
    EntityManager em;

    public record StoredAnswer(int status, String contentType, String body) {
    }

    /**
     * Claims the key for this request, or answers with what the first call answered.
     *
     * @return empty when the caller should go ahead; the stored answer to replay otherwise
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<StoredAnswer> begin(String client, String key, String requestHash) {
        int claimed = em.createNativeQuery("insert into platform.idempotency_key (client, key, request_hash, status) "
                        + "values (?1, ?2, ?3, 'IN_PROGRESS') on conflict do nothing")
                .setParameter(1, client).setParameter(2, key).setParameter(3, requestHash)
                .executeUpdate();
        if (claimed == 1) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select request_hash, status, response_status, response_type, response_body, "
                        + "started_at < now() - make_interval(secs => ?3) from platform.idempotency_key "
                        + "where client = ?1 and key = ?2 for update")
                .setParameter(1, client).setParameter(2, key).setParameter(3, leaseSeconds)
                .getResultList();
        if (rows.isEmpty()) {
            // Purged between the insert and the select: claim it again.
            return begin(client, key, requestHash);
        }
        Object[] row = rows.get(0);
        if (!requestHash.equals(row[0])) {
            throw ProblemException.unprocessable("Idempotency-Key '" + key + "' was already used with a different request");
        }
        if ("DONE".equals(row[1])) {
            return Optional.of(new StoredAnswer(((Number) row[2]).intValue(), (String) row[3], (String) row[4]));
        }
        if (Boolean.TRUE.equals(row[5])) {
            em.createNativeQuery("update platform.idempotency_key set started_at = now() where client = ?1 and key = ?2")
                    .setParameter(1, client).setParameter(2, key).executeUpdate();
            return Optional.empty();
        }
        throw new ProblemException(409, "Request in progress",
                "a request with Idempotency-Key '" + key + "' is still being processed; retry shortly",
                java.util.Map.of("retryAfter", 1));
    }

    /** Stores the answer to replay. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void complete(String client, String key, int status, String contentType, String body) {
        em.createNativeQuery("update platform.idempotency_key set status = 'DONE', response_status = ?3, "
                        + "response_type = ?4, response_body = ?5, completed_at = now() where client = ?1 and key = ?2")
                .setParameter(1, client).setParameter(2, key).setParameter(3, status)
                .setParameter(4, contentType).setParameter(5, body)
                .executeUpdate();
    }

    /** Forgets a claim whose call failed on our side (5xx), so that a retry can run it. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void abandon(String client, String key) {
        em.createNativeQuery("delete from platform.idempotency_key where client = ?1 and key = ?2 and status = 'IN_PROGRESS'")
                .setParameter(1, client).setParameter(2, key).executeUpdate();
    }

    /** Keys are kept at least 24 hours; older ones go. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int purgeOlderThanHours(int hours) {
        return em.createNativeQuery("delete from platform.idempotency_key where started_at < now() - make_interval(hours => ?1)")
                .setParameter(1, hours).executeUpdate();
    }
}
