package io.quartermaster.web.it;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A real HTTP receiver on loopback for webhook tests: it keeps every request it got (headers
 * and the raw body) and answers what {@link #answer} says, 200 unless told otherwise. It can be
 * stopped and started again on the same port, as an integrator's server goes down and comes back.
 */
final class WebhookReceiver implements AutoCloseable {

    record Received(String path, String eventId, String eventType, String signature, String contentType, String body) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> attemptsByEvent = new ConcurrentHashMap<>();
    private volatile Function<Received, Integer> answer = r -> 200;
    private HttpServer server;
    private int port;

    static WebhookReceiver start() throws IOException {
        WebhookReceiver receiver = new WebhookReceiver();
        receiver.listen(0);
        return receiver;
    }

    private void listen(int onPort) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 50);
        server.createContext("/", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Received r = new Received(exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Quartermaster-Event-Id"),
                    exchange.getRequestHeaders().getFirst("Quartermaster-Event-Type"),
                    exchange.getRequestHeaders().getFirst("Quartermaster-Signature"),
                    exchange.getRequestHeaders().getFirst("Content-Type"), body);
            received.add(r);
            if (r.eventId() != null) {
                attemptsByEvent.merge(r.path() + " " + r.eventId(), 1, Integer::sum);
            }
            int status = answer.apply(r);
            byte[] reply = ("{\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, reply.length);
            exchange.getResponseBody().write(reply);
            exchange.close();
        });
        server.start();
        port = server.getAddress().getPort();
    }

    /** How many times this event id has arrived at this path so far (each path is one subscription). */
    int attempts(String path, String eventId) {
        return attemptsByEvent.getOrDefault(path + " " + eventId, 0);
    }

    void answer(Function<Received, Integer> answer) {
        this.answer = answer;
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    List<Received> received(String path) {
        List<Received> mine = new ArrayList<>();
        for (Received r : received) {
            if (r.path().equals(path)) {
                mine.add(r);
            }
        }
        return mine;
    }

    /** Down: the port refuses connections until {@link #up()}. */
    void down() {
        server.stop(0);
    }

    void up() throws IOException {
        listen(port);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
