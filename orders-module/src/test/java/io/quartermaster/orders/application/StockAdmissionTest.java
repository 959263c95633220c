package io.quartermaster.orders.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quartermaster.platform.api.problem.ProblemException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StockAdmissionTest {

    private static StockAdmission admission(int permits, int waitSeconds) {
        StockAdmission admission = new StockAdmission();
        admission.maxConcurrent = permits;
        admission.waitSeconds = waitSeconds;
        admission.init();
        return admission;
    }

    @Test
    void neverRunsMoreThanItsPermitsAtOnce() throws Exception {
        StockAdmission admission = admission(2, 10);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch done = new CountDownLatch(40);
        for (int i = 0; i < 40; i++) {
            pool.execute(() -> {
                admission.admit(() -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return running.decrementAndGet();
                });
                done.countDown();
            });
        }
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        pool.shutdown();
        assertThat(most.get()).isEqualTo(2);
    }

    @Test
    void aRequestThatWaitsTooLongIsA503AndAFailureGivesItsTurnBack() throws Exception {
        StockAdmission admission = admission(1, 1);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch leave = new CountDownLatch(1);
        Thread holder = new Thread(() -> admission.admit(() -> {
            inside.countDown();
            try {
                leave.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        holder.start();
        assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(() -> admission.admit(() -> "never"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(503));
        leave.countDown();
        holder.join();

        assertThatThrownBy(() -> admission.admit(() -> {
            throw new IllegalStateException("failed inside");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(admission.admit(() -> "next")).isEqualTo("next");
    }

    @Test
    void zeroPermitsMeansNoGate() {
        assertThat(admission(0, 1).admit(() -> "ran")).isEqualTo("ran");
    }
}
