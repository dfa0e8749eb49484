package io.fwgate.core.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.fwgate.api.DeviceId;
import io.fwgate.api.spi.DeviceRequest;
import io.fwgate.api.spi.DeviceResponse;
import io.fwgate.api.spi.Transport;

/**
 * Sends with a deadline, so a device (or transport) that never answers fails the call instead of
 * hanging it. A send that missed its deadline may still be running inside the transport, so its device
 * is quarantined until that send returns: no second command is put into a mailbox that has not finished
 * the first.
 */
final class BoundedSender implements AutoCloseable {
    private final Duration timeout;
    private final ExecutorService pool = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "fwgate-send");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<DeviceId, Instant> quarantined = new ConcurrentHashMap<>();
    private final java.util.function.Predicate<Transport> boundedBySelf;

    BoundedSender(Duration timeout) {
        this(timeout, transport -> false);
    }

    /**
     * @param timeout the deadline of one send
     * @param boundedBySelf transports that bound their own waiting: called directly, which spares each
     *        call two thread hand-offs (most of the gate's cost on an in-memory device)
     */
    BoundedSender(Duration timeout, java.util.function.Predicate<Transport> boundedBySelf) {
        this.timeout = timeout;
        this.boundedBySelf = boundedBySelf;
    }

    /** @return the deadline of one send */
    Duration timeout() {
        return timeout;
    }

    /**
     * @throws IOException if the device is quarantined, did not answer in time, or the transport failed
     */
    DeviceResponse send(Transport transport, DeviceId device, DeviceRequest request) throws IOException {
        Instant since = quarantined.get(device);
        if (since != null) {
            throw new IOException(device + " has not answered a command sent at " + since
                    + "; no other command is sent to it until it does");
        }
        if (boundedBySelf.test(transport)) {
            return transport.send(device, request);
        }
        Future<DeviceResponse> answer = pool.submit(() -> transport.send(device, request));
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            quarantine(device, answer);
            throw new IOException(device + " did not answer within " + timeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            quarantine(device, answer);
            throw new InterruptedIOException("interrupted while waiting for " + device);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException("the transport failed: " + cause, cause);
        }
    }

    private void quarantine(DeviceId device, Future<DeviceResponse> answer) {
        quarantined.put(device, Instant.now());
        pool.execute(() -> {
            try {
                answer.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                // the late answer is an error: the device is free again all the same
            }
            quarantined.remove(device);
        });
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
