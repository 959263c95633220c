package io.quartermaster.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.quartermaster.web.it.Http.Answer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** What the black-box order tests set up alike: channel clients, products with stock, bursts of requests. */
final class Shop {

    private Shop() {
    }

    /** A new CHANNEL API client of {@code channel}; its key. */
    static String channelKey(String name, String channel) throws Exception {
        Answer client = Http.post("/api/v1/admin/api-clients",
                "{\"name\":\"" + name + "\",\"role\":\"CHANNEL\",\"channel\":\"" + channel + "\"}", Http.admin());
        assertThat(client.status()).as(client.toString()).isEqualTo(201);
        return client.json().getString("key");
    }

    /** A new STAFF API client; its key. */
    static String staffKey(String name) throws Exception {
        Answer client = Http.post("/api/v1/admin/api-clients", "{\"name\":\"" + name + "\",\"role\":\"STAFF\"}", Http.admin());
        assertThat(client.status()).as(client.toString()).isEqualTo(201);
        return client.json().getString("key");
    }

    /** A new product, its SKU {@code prefix} and 8 random characters. */
    static String product(String prefix, String name, String price, String taxRate) throws Exception {
        String sku = prefix + UUID.randomUUID().toString().substring(0, 8);
        assertThat(Http.put("/api/v1/products/" + sku, "{\"name\":\"" + name + "\",\"price\":" + price + ",\"taxRate\":"
                + taxRate + "}", Http.admin()).status()).isEqualTo(201);
        return sku;
    }

    static void receive(String sku, int quantity, String unitCost) throws Exception {
        assertThat(Http.post("/api/v1/stock/receipts", "{\"sku\":\"" + sku + "\",\"location\":\"MAIN\",\"quantity\":" + quantity
                + ",\"unitCost\":" + unitCost + "}", Http.admin()).status()).isEqualTo(201);
    }

    /** {@code n} requests from {@code threads} threads, all released at once; the answers in request order. */
    static List<Answer> race(int n, int threads, IntFunction<Callable<Answer>> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Answer>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Callable<Answer> call = request.apply(i);
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> f : futures) {
                answers.add(f.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
