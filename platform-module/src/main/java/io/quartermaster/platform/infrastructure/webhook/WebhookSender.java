package io.quartermaster.platform.infrastructure.webhook;

import io.quartermaster.platform.application.WebhookSettings;
import io.quartermaster.platform.domain.webhook.RetrySchedule;
import io.quartermaster.platform.domain.webhook.Signatures;
import io.quartermaster.platform.domain.webhook.WebhookUrls;
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
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

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
    private HttpClient http;
    private ExecutorService httpThreads;
    private RetrySchedule retries;

    @PostConstruct
    void start() {
        retries = settings.retries();
        httpThreads = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = threads.newThread(runnable);
            thread.setName("webhook-http");
            thread.setDaemon(true);
            return thread;
        });
        // Redirects are not followed: a receiver's redirect could point inside the network.
        http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(httpThreads)
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
        httpThreads.shutdownNow();
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
                    LOG.log(Level.WARNING, "Webhook senders cannot claim deliveries (" + e.getMessage()
                            + "); they stay queued and are retried", e);
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
        if (!settings.allowPrivateUrls()) {
            Optional<String> refused = WebhookUrls.addressRefusal(uri.getHost());
            if (refused.isPresent()) {
                return failed(due, null, "not sent: the URL's host " + refused.get(), retryIn);
            }
        }
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "Quartermaster-Webhooks/1")
                .header("Quartermaster-Event-Id", due.eventId().toString())
                .header("Quartermaster-Event-Type", due.type())
                .header("Quartermaster-Signature", Signatures.header(claim.secrets(), Instant.now().getEpochSecond(), due.body()))
                .POST(HttpRequest.BodyPublishers.ofString(due.body(), StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    return new WebhookStore.Outcome(due.eventId(), true, status, null, 0, 0);
                }
                String text = new String(body.readNBytes(ERROR_TEXT_LIMIT), StandardCharsets.UTF_8).strip();
                return failed(due, status, "HTTP " + status + (status >= 300 && status < 400 ? " (redirects are not followed)" : "")
                        + (text.isEmpty() ? "" : ": " + text), retryIn);
            }
        } catch (HttpConnectTimeoutException e) {
            return failed(due, null, "no connection within 5 s", retryIn);
        } catch (HttpTimeoutException e) {
            return failed(due, null, "no answer within " + settings.timeout().toSeconds() + " s", retryIn);
        } catch (ConnectException e) {
            return failed(due, null, "connection refused", retryIn);
        } catch (IOException e) {
            return failed(due, null, "request failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()),
                    retryIn);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(due, null, "not sent: the instance is stopping", 0);
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
