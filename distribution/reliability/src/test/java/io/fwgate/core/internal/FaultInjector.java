package io.fwgate.core.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.UnaryOperator;

import io.fwgate.api.DeviceId;
import io.fwgate.api.DeviceInfo;
import io.fwgate.api.spi.DeviceGoneException;
import io.fwgate.api.spi.DeviceRequest;
import io.fwgate.api.spi.DeviceResponse;
import io.fwgate.api.spi.Transport;

/**
 * Wraps a real transport (the emulator) and injects faults into what passes through: answers rewritten
 * (wrong lengths, error statuses, a background operation that never ends), a send that never returns
 * until released, a device removed. With no fault set it passes everything through unchanged.
 * Thread-safe.
 */
final class FaultInjector implements Transport {
    private final Transport real;
    private volatile UnaryOperator<DeviceResponse> rewrite = UnaryOperator.identity();
    private volatile boolean includingLogReads;
    private volatile CountDownLatch hold;
    private volatile CountDownLatch held;
    private volatile DeviceId removed;

    FaultInjector(Transport real) {
        this.real = real;
    }

    /** Rewrites every answer but those to the platform's own CEL reads (Get Supported Logs, Get Log). */
    void rewrite(UnaryOperator<DeviceResponse> rewrite) {
        this.rewrite = rewrite;
        this.includingLogReads = false;
    }

    /** Rewrites every answer, the CEL reads included. */
    void rewriteAll(UnaryOperator<DeviceResponse> rewrite) {
        this.rewrite = rewrite;
        this.includingLogReads = true;
    }

    /** Sends from now on wait, after the device answered, until {@link #release}: a device that never answers. */
    void hold() {
        held = new CountDownLatch(1);
        hold = new CountDownLatch(1);
    }

    /** Waits until a send is held (bounded, so a broken test fails instead of hanging). */
    void awaitHeld() throws InterruptedException {
        if (!held.await(30, java.util.concurrent.TimeUnit.SECONDS)) {
            throw new AssertionError("no send was held");
        }
    }

    void release() {
        CountDownLatch latch = hold;
        hold = null;
        if (latch != null) {
            latch.countDown();
        }
    }

    /** Hot-unplugs a device: gone from discovery, and a send to it fails as the kernel's ENODEV would. */
    void remove(DeviceId device) {
        removed = device;
    }

    @Override
    public String scheme() {
        return real.scheme();
    }

    @Override
    public List<DeviceInfo> devices() throws IOException {
        return real.devices().stream().filter(d -> !d.id().equals(removed)).toList();
    }

    @Override
    public DeviceResponse send(DeviceId device, DeviceRequest request) throws IOException {
        DeviceResponse answer = real.send(device, request);
        CountDownLatch latch = hold;
        if (latch != null) {
            held.countDown();
            try {
                latch.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException(device + ": interrupted while held");
            }
        }
        if (device.equals(removed)) {
            throw new DeviceGoneException(device + " was removed");
        }
        boolean logRead = request.opcode() == CelReader.GET_SUPPORTED_LOGS || request.opcode() == CelReader.GET_LOG;
        return logRead && !includingLogReads ? answer : rewrite.apply(answer);
    }
}
