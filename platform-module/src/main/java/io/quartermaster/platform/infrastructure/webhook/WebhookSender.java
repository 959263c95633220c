package io.quartermaster.platform.infrastructure.webhook;

import io.quartermaster.platform.api.tx.DatabaseFailures;
import io.quartermaster.platform.application.WebhookSettings;
import io.quartermaster.platform.domain.webhook.RetrySchedule;
import io.quartermaster.platform.domain.webhook.Signatures;
import io.quartermaster.platform.domain.webhook.WebhooksQueued;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;

/**
 * Sends the queued webhook deliveries. {@code qm.webhooks.senders} threads per instance, each
 * working one claimed subscription at a time ({@link WebhookStore#claim}): its due deliveries
 * one after the other, in order, each a POST of the stored envelope, signed, answered within
 * the timeout or failed. A subscription whose receiver does not answer at all (refused,
 * timed out) three times running is put to rest for a few seconds, so that a slow or dead
 * receiver costs one sender a few seconds, never the others their turn. Senders wake when a
 * transaction queued deliveries and otherwise look once a second (retries that became due,
 * leases that ran out).
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class.getName());

    /** Most deliveries of one subscription sent under one claim. */
    static final int CLAIM_SIZE = 100;
    /** A sender takes no new attempt for a claim after this long, well inside its lease. */
    static final long CLAIM_MILLIS = 30_000;
    /** Unanswered attempts in a row after which a subscription rests, and for how long. */
    static final int UNANSWERED_BEFORE_REST = 3;
    static final int REST_SECONDS = 5;
    static final long IDLE_POLL_MILLIS = 1000;
    private static final int ERROR_TEXT_LIMIT = 300;
    private static final int CONNECT_SECONDS = 5;
    /** A 2xx answer's body up to this size is read, so that its connection can be used again. */
    private static final long REUSE_BODY_LIMIT = 64 * 1024;

    @Inject
    WebhookStore store;

    @Inject
    WebhookSettings settings;

    @Resource
    ManagedThreadFactory threads;

    private final io.quartermaster.platform.infrastructure.Wakeup wakeup = new io.quartermaster.platform.infrastructure.Wakeup();
    private final AtomicLong delivered = new AtomicLong();
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean running;
    private CloseableHttpClient http;
    private RetrySchedule retries;

    @PostConstruct
    void start() {
        retries = settings.retries();
        // Names are resolved by PublicAddresses as the connection is made, so the addresses checked
        // are the ones connected to. Redirects are not followed: one could point inside the network.
        PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(new PublicAddresses(settings.allowPrivateUrls()))
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.ofSeconds(CONNECT_SECONDS))
                        .setSocketTimeout(Timeout.ofMilliseconds(settings.timeout().toMillis()))
                        .build())
                .setMaxConnTotal(Math.max(2, settings.senders()) * 2)
                .setMaxConnPerRoute(Math.max(2, settings.senders()))
                .build();
        http = HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.ofMilliseconds(settings.timeout().toMillis()))
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .build();
        running = true;
        for (int i = 0; i < settings.senders(); i++) {
            Thread worker = threads.newThread(this::loop);
            worker.setName("webhook-sender-" + i);
            workers.add(worker);
            worker.start();
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        signal();
        for (Thread worker : workers) {
            try {
                worker.join(15_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            http.close();
        } catch (IOException e) {
            LOG.fine(() -> "Closing the webhook client: " + e.getMessage());
        }
    }

    public void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) WebhooksQueued queued) {
        signal();
    }

    /** Deliveries this instance has sent with a 2xx answer since it started. */
    public long deliveredCount() {
        return delivered.get();
    }

    private void signal() {
        wakeup.signal();
    }

    private void loop() {
        long backoff = IDLE_POLL_MILLIS;
        boolean reported = false;
        while (running) {
            try {
                Optional<WebhookStore.Claim> claim = store.claim(CLAIM_SIZE);
                if (reported) {
                    LOG.info("Webhook senders: the database answers again; deliveries resume");
                    reported = false;
                }
                backoff = IDLE_POLL_MILLIS;
                if (claim.isPresent()) {
                    work(claim.get());
                } else {
                    await(IDLE_POLL_MILLIS);
                }
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                if (!reported) {
                    // A database outage is not our bug: one line, no stack (four senders would print four).
                    LOG.log(Level.WARNING, "Webhook senders cannot claim deliveries (" + DatabaseFailures.cause(e)
                            + "); they stay queued and are retried", DatabaseFailures.unavailable(e) ? null : e);
                    reported = true;
                }
                await(backoff);
                backoff = Math.min(backoff * 2, 10_000);
            }
        }
    }

    private void work(WebhookStore.Claim claim) {
        long started = System.nanoTime();
        List<WebhookStore.Outcome> outcomes = new ArrayList<>(claim.due().size());
        List<Long> sentAt = new ArrayList<>(claim.due().size());
        int unanswered = 0;
        int rest = 0;
        for (WebhookStore.Due due : claim.due()) {
            if (!running || System.nanoTime() - started > TimeUnit.MILLISECONDS.toNanos(CLAIM_MILLIS)) {
                break;
            }
            sentAt.add(System.nanoTime());
            WebhookStore.Outcome outcome = attempt(claim, due);
            outcomes.add(outcome);
            if (outcome.delivered()) {
                delivered.incrementAndGet();
            }
            unanswered = outcome.httpStatus() == null && !outcome.delivered() ? unanswered + 1 : 0;
            if (unanswered >= UNANSWERED_BEFORE_REST) {
                rest = REST_SECONDS;
                break;
            }
        }
        long now = System.nanoTime();
        List<WebhookStore.Outcome> timed = new ArrayList<>(outcomes.size());
        for (int i = 0; i < outcomes.size(); i++) {
            WebhookStore.Outcome o = outcomes.get(i);
            timed.add(new WebhookStore.Outcome(o.eventId(), o.delivered(), o.httpStatus(), o.error(), o.retryInMillis(),
                    TimeUnit.NANOSECONDS.toMillis(now - sentAt.get(i))));
        }
        store.record(claim, timed, retries.giveUpAfter().toSeconds(), rest);
    }

    private WebhookStore.Outcome attempt(WebhookStore.Claim claim, WebhookStore.Due due) {
        long retryIn = retries.delayAfter(due.attempts() + 1, ThreadLocalRandom.current().nextDouble()).toMillis();
        URI uri;
        try {
            uri = URI.create(claim.url());
        } catch (IllegalArgumentException e) {
            return failed(due, null, "the URL is not valid: " + e.getMessage(), retryIn);
        }
        HttpPost post = new HttpPost(uri);
        post.setHeader("User-Agent", "Quartermaster-Webhooks/1");
        post.setHeader("Quartermaster-Event-Id", due.eventId().toString());
        post.setHeader("Quartermaster-Event-Type", due.type());
        post.setHeader("Quartermaster-Signature", Signatures.header(claim.secrets(), Instant.now().getEpochSecond(), due.body()));
        post.setEntity(new ByteArrayEntity(due.body().getBytes(StandardCharsets.UTF_8), ContentType.create("application/json")));
        try (ClassicHttpResponse response = http.executeOpen(null, post, null)) {
            int status = response.getCode();
            HttpEntity entity = response.getEntity();
            if (status >= 200 && status < 300) {
                if (entity != null && entity.getContentLength() >= 0 && entity.getContentLength() <= REUSE_BODY_LIMIT) {
                    EntityUtils.consume(entity); // a small answer read to its end: the connection is kept
                }
                return new WebhookStore.Outcome(due.eventId(), true, status, null, 0, 0);
            }
            // Only the start of an error's text is read; closing the response drops the connection.
            String text = entity == null ? ""
                    : new String(entity.getContent().readNBytes(ERROR_TEXT_LIMIT), StandardCharsets.UTF_8).strip();
            return failed(due, status, "HTTP " + status + (status >= 300 && status < 400 ? " (redirects are not followed)" : "")
                    + (text.isEmpty() ? "" : ": " + text), retryIn);
        } catch (PublicAddresses.Refused e) {
            return failed(due, null, "not sent: the URL's host " + e.getMessage(), retryIn);
        } catch (ConnectTimeoutException e) {
            return failed(due, null, "no connection within " + CONNECT_SECONDS + " s", retryIn);
        } catch (SocketTimeoutException e) {
            return failed(due, null, "no answer within " + settings.timeout().toSeconds() + " s", retryIn);
        } catch (ConnectException e) {
            return failed(due, null, "connection refused", retryIn);
        } catch (IOException e) {
            if (e instanceof InterruptedIOException && !running) {
                return failed(due, null, "not sent: the instance is stopping", 0);
            }
            return failed(due, null, "request failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()),
                    retryIn);
        }
    }

    private static WebhookStore.Outcome failed(WebhookStore.Due due, Integer status, String error, long retryIn) {
        return new WebhookStore.Outcome(due.eventId(), false, status, error, retryIn, 0);
    }

    private void await(long millis) {
        if (running) {
            wakeup.pause(millis);
        }
    }
}
