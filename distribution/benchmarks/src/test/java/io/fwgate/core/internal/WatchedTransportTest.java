package io.fwgate.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.fwgate.api.DeviceId;
import io.fwgate.api.DeviceInfo;
import io.fwgate.api.spi.DeviceRequest;
import io.fwgate.api.spi.DeviceResponse;
import io.fwgate.api.spi.Transport;

class WatchedTransportTest {
    private static final DeviceId A = new DeviceId("t", "a");
    private static final DeviceId B = new DeviceId("t", "b");
    private static final DeviceRequest REQUEST = new DeviceRequest(0x4200, new byte[0], java.util.Map.of(), 18);

    /** Holds every send until released, so two sends are in progress at once for certain. */
    private final CountDownLatch bothInside = new CountDownLatch(2);
    private final CountDownLatch release = new CountDownLatch(1);
    private final Transport gate = new Transport() {
        @Override
        public String scheme() {
            return "t";
        }

        @Override
        public List<DeviceInfo> devices() {
            return List.of();
        }

        @Override
        public DeviceResponse send(DeviceId device, DeviceRequest request) {
            bothInside.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new DeviceResponse(0, new byte[0]);
        }
    };
    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        release.countDown();
        pool.shutdownNow();
    }

    private WatchedTransport sendTogether(DeviceId first, DeviceId second) throws Exception {
        WatchedTransport watched = new WatchedTransport(gate, 0);
        Future<DeviceResponse> one = pool.submit(() -> watched.send(first, REQUEST));
        Future<DeviceResponse> two = pool.submit(() -> watched.send(second, REQUEST));
        assertThat(bothInside.await(10, TimeUnit.SECONDS)).as("both sends reached the device").isTrue();
        release.countDown();
        one.get();
        two.get();
        return watched;
    }

    @Test
    void twoSendsToOneDeviceAtOnceAreCountedAsAnOverlap() throws Exception {
        WatchedTransport watched = sendTogether(A, A);

        assertThat(watched.overlaps()).isEqualTo(1);
    }

    @Test
    void sendsToTwoDevicesAtOnceAreParallelNotOverlapping() throws Exception {
        WatchedTransport watched = sendTogether(A, B);

        assertThat(watched.overlaps()).isZero();
        assertThat(watched.mostAtOnce()).isEqualTo(2);
    }
}
