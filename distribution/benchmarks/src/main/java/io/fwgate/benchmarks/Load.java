package io.fwgate.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Measures throughput and latency outside JMH (across processes): a number of clients, each on a thread
 * of its own with a worker of its own (e.g. its own connection), calling as fast as answers come.
 */
final class Load {
    /** One client's way of making one call. */
    interface Worker extends AutoCloseable {
        void call() throws Exception;

        @Override
        default void close() throws Exception {
        }
    }

    /** Makes client {@code i}'s worker, on that client's thread. */
    interface Workers {
        Worker open(int client) throws Exception;
    }

    private Load() {
    }

    /**
     * @param clients how many clients call at once
     * @param seconds how long they call
     * @param workers makes each client's worker
     * @return calls completed per second, over all clients
     * @throws ExecutionException if a client failed; nothing is reported then
     */
    static double callsPerSecond(int clients, double seconds, Workers workers) throws InterruptedException,
            ExecutionException {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        long[] window = new long[2];
        List<Future<Long>> counts = new ArrayList<>();
        try {
            for (int c = 0; c < clients; c++) {
                int client = c;
                counts.add(pool.submit(() -> {
                    try (Worker worker = workers.open(client)) {
                        ready.countDown();
                        go.await();
                        long calls = 0;
                        for (long deadline = window[1]; System.nanoTime() < deadline; calls++) {
                            worker.call();
                        }
                        return calls;
                    } finally {
                        ready.countDown(); // a client that failed to open must not hold the others back
                    }
                }));
            }
            ready.await();
            window[0] = System.nanoTime();
            window[1] = window[0] + (long) (seconds * 1e9);
            go.countDown();
            long total = 0;
            for (Future<Long> count : counts) {
                total += count.get();
            }
            return total / ((System.nanoTime() - window[0]) / 1e9);
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    /**
     * @param warmup calls made first and not measured
     * @param samples calls measured
     * @param worker makes one call
     * @return the latency of each measured call, in nanoseconds
     */
    static long[] latencies(int warmup, int samples, Worker worker) throws Exception {
        for (int i = 0; i < warmup; i++) {
            worker.call();
        }
        long[] nanos = new long[samples];
        for (int i = 0; i < samples; i++) {
            long start = System.nanoTime();
            worker.call();
            nanos[i] = System.nanoTime() - start;
        }
        return nanos;
    }
}
