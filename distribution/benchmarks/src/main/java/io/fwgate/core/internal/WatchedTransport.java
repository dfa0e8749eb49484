package io.fwgate.core.internal;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import io.fwgate.api.DeviceId;
import io.fwgate.api.DeviceInfo;
import io.fwgate.api.spi.DeviceRequest;
import io.fwgate.api.spi.DeviceResponse;
import io.fwgate.api.spi.Transport;

/**
 * A transport in front of another that watches what the platform promises: it counts sends that reach
 * one device while another send to it is still in progress (there must be none), and the most sends in
 * progress on all devices at once (above one when different devices run in parallel). It can also make
 * each answer take a while without using the processor, as a device mailbox does. Thread-safe.
 */
public final class WatchedTransport implements Transport {
    private final Transport inner;
    private final long latencyNanos;
    private final ConcurrentHashMap<DeviceId, AtomicInteger> inProgress = new ConcurrentHashMap<>();
    private final AtomicInteger allInProgress = new AtomicInteger();
    private final AtomicLong overlaps = new AtomicLong();
    private final AtomicInteger mostAtOnce = new AtomicInteger();

    /**
     * @param inner the devices
     * @param latencyMicros how long each answer takes beyond the inner transport's, 0 for none
     */
    public WatchedTransport(Transport inner, long latencyMicros) {
        this.inner = inner;
        this.latencyNanos = latencyMicros * 1000;
    }

    @Override
    public String scheme() {
        return inner.scheme();
    }

    @Override
    public List<DeviceInfo> devices() throws IOException {
        return inner.devices();
    }

    @Override
    public DeviceResponse send(DeviceId device, DeviceRequest request) throws IOException {
        AtomicInteger mine = inProgress.computeIfAbsent(device, d -> new AtomicInteger());
        if (mine.incrementAndGet() > 1) {
            overlaps.incrementAndGet();
        }
        mostAtOnce.accumulateAndGet(allInProgress.incrementAndGet(), Math::max);
        try {
            // a mailbox answers after a while; the host's processor is free meanwhile
            long until = System.nanoTime() + latencyNanos;
            for (long left = latencyNanos; left > 0; left = until - System.nanoTime()) {
                LockSupport.parkNanos(left);
            }
            return inner.send(device, request);
        } finally {
            allInProgress.decrementAndGet();
            mine.decrementAndGet();
        }
    }

    /** @return how many sends reached a device that was still busy with another: must be 0 */
    public long overlaps() {
        return overlaps.get();
    }

    /** @return the most sends that were in progress at once, over all devices */
    public int mostAtOnce() {
        return mostAtOnce.get();
    }
}
