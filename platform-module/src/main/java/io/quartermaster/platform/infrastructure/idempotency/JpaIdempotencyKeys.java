package io.quartermaster.platform.infrastructure.idempotency;

import io.quartermaster.platform.api.idempotency.IdempotencyKeys;
import io.quartermaster.platform.api.idempotency.IdempotentCall;
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
 * {@link IdempotencyKeys} in PostgreSQL ({@code platform.idempotency_key}): a claim is an insert that
 * loses to a concurrent one ({@code on conflict do nothing}); answers are stored in the caller's
 * transaction or in one of their own, as each method of the port says.
 */
@ApplicationScoped
public class JpaIdempotencyKeys implements IdempotencyKeys {

    @Inject
    @ConfigProperty(name = "qm.idempotency.lease-seconds", defaultValue = "60")
    int leaseSeconds;

    @PersistenceContext(unitName = "platform")
    EntityManager em;

    @Inject
    InstanceLiveness liveness;

    @Inject
    UnfinishedClaims unfinished;

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<StoredAnswer> begin(String client, String key, String requestHash) {
        return claim(client, key, requestHash) ? Optional.empty() : existing(client, key, requestHash);
    }

    /** @return true when this call inserted the claim */
    private boolean claim(String client, String key, String requestHash) {
        return em.createNativeQuery("insert into platform.idempotency_key (client, key, request_hash, status, owner) "
                        + "values (?1, ?2, ?3, 'IN_PROGRESS', ?4) on conflict do nothing")
                .setParameter(1, client).setParameter(2, key).setParameter(3, requestHash).setParameter(4, liveness.token())
                .executeUpdate() == 1;
    }

    /**
     * A key someone claimed already: its answer when the first call finished; empty — the key is
     * taken over — when the first call is dead: no session holds the lock of the instance that
     * claimed it ({@link InstanceLiveness}), or its lease ran out (a claim from before liveness
     * tokens, or a request that died while its instance lives on); 409 while it runs; 422 for
     * another request.
     */
    private Optional<StoredAnswer> existing(String client, String key, String requestHash) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select request_hash, status, response_status, response_type, response_body, "
                        + "started_at < now() - make_interval(secs => ?3) or (owner is not null and not exists ("
                        + "select 1 from pg_locks l where l.locktype = 'advisory' and l.objsubid = 2 and l.granted "
                        + "and l.database = (select oid from pg_database where datname = current_database()) "
                        + "and l.classid = ?4::oid and l.objid = owner::oid)) "
                        + "from platform.idempotency_key where client = ?1 and key = ?2 for update")
                .setParameter(1, client).setParameter(2, key).setParameter(3, leaseSeconds)
                .setParameter(4, InstanceLiveness.LOCK_SPACE)
                .getResultList();
        if (rows.isEmpty()) {
            // Purged between the insert and the select: claim it again.
            return claim(client, key, requestHash) ? Optional.empty() : existing(client, key, requestHash);
        }
        Object[] row = rows.get(0);
        if (!requestHash.equals(row[0])) {
            throw ProblemException.unprocessable("Idempotency-Key '" + key + "' was already used with a different request");
        }
        if ("DONE".equals(row[1])) {
            return Optional.of(new StoredAnswer(((Number) row[2]).intValue(), (String) row[3], (String) row[4]));
        }
        if (Boolean.TRUE.equals(row[5])) {
            em.createNativeQuery("update platform.idempotency_key set started_at = now(), owner = ?3 where client = ?1 and key = ?2")
                    .setParameter(1, client).setParameter(2, key).setParameter(3, liveness.token()).executeUpdate();
            return Optional.empty();
        }
        throw new ProblemException(409, "Request in progress",
                "a request with Idempotency-Key '" + key + "' is still being processed; retry shortly",
                java.util.Map.of("retryAfter", 1));
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Claim> claimAll(List<IdempotentCall> calls) {
        // Inserted in (client, key) order: two batches claiming the same keys (a client's retries
        // landing in two batches at once) queue on them instead of deadlocking.
        List<IdempotentCall> sorted = calls.stream()
                .sorted(java.util.Comparator.comparing(IdempotentCall::client).thenComparing(IdempotentCall::key))
                .toList();
        @SuppressWarnings("unchecked")
        List<Object[]> inserted = em.createNativeQuery("insert into platform.idempotency_key (client, key, request_hash, status, owner) "
                        + "select c, k, h, 'IN_PROGRESS', ?4 from unnest(?1, ?2, ?3) as u(c, k, h) "
                        + "on conflict do nothing returning client, key")
                .setParameter(1, sorted.stream().map(IdempotentCall::client).toArray(String[]::new))
                .setParameter(2, sorted.stream().map(IdempotentCall::key).toArray(String[]::new))
                .setParameter(3, sorted.stream().map(IdempotentCall::requestHash).toArray(String[]::new))
                .setParameter(4, liveness.token())
                .getResultList();
        java.util.Set<String> mine = new java.util.HashSet<>();
        for (Object row : inserted) {
            Object[] columns = row instanceof Object[] array ? array : new Object[] {row};
            mine.add(columns[0] + "\n" + columns[1]);
        }
        List<Claim> claims = new java.util.ArrayList<>(calls.size());
        for (IdempotentCall call : calls) {
            if (mine.contains(call.client() + "\n" + call.key())) {
                claims.add(new Claim(true, null, null));
                continue;
            }
            try {
                Optional<StoredAnswer> stored = existing(call.client(), call.key(), call.requestHash());
                claims.add(stored.map(answer -> new Claim(false, answer, null)).orElseGet(() -> new Claim(true, null, null)));
            } catch (ProblemException refusal) {
                claims.add(new Claim(false, null, refusal));
            }
        }
        return claims;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void storeAll(List<Answer> answers) {
        if (answers.isEmpty()) {
            return;
        }
        em.createNativeQuery("update platform.idempotency_key k set status = 'DONE', response_status = u.s, "
                        + "response_type = u.t, response_body = u.b, completed_at = now() "
                        + "from unnest(?1, ?2, ?3, ?4, ?5) as u(c, k, s, t, b) where k.client = u.c and k.key = u.k")
                .setParameter(1, answers.stream().map(a -> a.call().client()).toArray(String[]::new))
                .setParameter(2, answers.stream().map(a -> a.call().key()).toArray(String[]::new))
                .setParameter(3, answers.stream().map(Answer::status).toArray(Integer[]::new))
                .setParameter(4, answers.stream().map(Answer::contentType).toArray(String[]::new))
                .setParameter(5, answers.stream().map(Answer::body).toArray(String[]::new))
                .executeUpdate();
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void complete(String client, String key, int status, String contentType, String body) {
        em.createNativeQuery("update platform.idempotency_key set status = 'DONE', response_status = ?3, "
                        + "response_type = ?4, response_body = ?5, completed_at = now() where client = ?1 and key = ?2")
                .setParameter(1, client).setParameter(2, key).setParameter(3, status)
                .setParameter(4, contentType).setParameter(5, body)
                .executeUpdate();
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void abandon(String client, String key) {
        em.createNativeQuery("delete from platform.idempotency_key where client = ?1 and key = ?2 and status = 'IN_PROGRESS'")
                .setParameter(1, client).setParameter(2, key).executeUpdate();
    }

    @Override
    public void completeLater(String client, String key, int status, String contentType, String body) {
        unfinished.add(new UnfinishedClaims.Unfinished(client, key, liveness.token(), status, contentType, body));
    }

    @Override
    public void abandonLater(String client, String key) {
        unfinished.add(new UnfinishedClaims.Unfinished(client, key, liveness.token(), 0, null, null));
    }

    /** Finishes a claim {@link UnfinishedClaims} kept, if it is still this instance's claim as it was made. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void finish(UnfinishedClaims.Unfinished claim) {
        if (claim.status() == 0) {
            em.createNativeQuery("delete from platform.idempotency_key where client = ?1 and key = ?2 "
                            + "and status = 'IN_PROGRESS' and owner = ?3")
                    .setParameter(1, claim.client()).setParameter(2, claim.key()).setParameter(3, claim.owner())
                    .executeUpdate();
            return;
        }
        em.createNativeQuery("update platform.idempotency_key set status = 'DONE', response_status = ?3, "
                        + "response_type = ?4, response_body = ?5, completed_at = now() "
                        + "where client = ?1 and key = ?2 and status = 'IN_PROGRESS' and owner = ?6")
                .setParameter(1, claim.client()).setParameter(2, claim.key()).setParameter(3, claim.status())
                .setParameter(4, claim.contentType()).setParameter(5, claim.body()).setParameter(6, claim.owner())
                .executeUpdate();
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int purgeOlderThanHours(int hours) {
        return em.createNativeQuery("delete from platform.idempotency_key where started_at < now() - make_interval(hours => ?1)")
                .setParameter(1, hours).executeUpdate();
    }
}
