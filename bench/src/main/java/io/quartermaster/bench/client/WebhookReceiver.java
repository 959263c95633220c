package io.quartermaster.bench.client;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An integrator's webhook receiver on loopback, as the README describes one: it verifies each
 * request's signature, answers 2xx, and de-duplicates on the event id — here it counts how often
 * each event id arrived, so the fault suite can tell lost (never) from repeated (at least once),
 * and the benchmark when each arrived.
 */
public final class WebhookReceiver implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, Integer> arrivals = new ConcurrentHashMap<>();
    private final AtomicLong badSignatures = new AtomicLong();
    private volatile String secret;

    public WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String eventId = exchange.getRequestHeaders().getFirst("Quartermaster-Event-Id");
            String signature = exchange.getRequestHeaders().getFirst("Quartermaster-Signature");
            if (eventId == null || signature == null || !verifies(signature, body)) {
                badSignatures.incrementAndGet();
                exchange.sendResponseHeaders(400, -1);
            } else {
                arrivals.merge(eventId, 1, Integer::sum);
                exchange.sendResponseHeaders(204, -1);
            }
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/events";
    }

    public void secret(String secret) {
        this.secret = secret;
    }

    public Map<String, Integer> arrivals() {
        return Map.copyOf(arrivals);
    }

    public long badSignatures() {
        return badSignatures.get();
    }

    private boolean verifies(String header, String body) {
        String t = null;
        String expected = null;
        for (String part : header.split(",")) {
            if (part.startsWith("t=")) {
                t = part.substring(2);
            }
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            expected = HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
        for (String part : header.split(",")) {
            if (part.equals("v1=" + expected)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
