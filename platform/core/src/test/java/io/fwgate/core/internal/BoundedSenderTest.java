package io.fwgate.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.fwgate.api.DeviceId;
import io.fwgate.api.DeviceInfo;
import io.fwgate.api.spi.DeviceRequest;
import io.fwgate.api.spi.DeviceResponse;
import io.fwgate.api.spi.Transport;

class BoundedSenderTest {
    private static final DeviceId DEV = new DeviceId("t", "d0");
    private static final DeviceRequest REQUEST = new DeviceRequest(0x4200, new byte[0], Map.of(), 0);

    /** A device that answers only when released. */
    private static class Stalled implements Transport {
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch returned = new CountDownLatch(1);

        @Override
        public String scheme() {
            return "t";
        }

        @Override
        public List<DeviceInfo> devices() {
            return List.of();
        }

        @Override
        public DeviceResponse send(DeviceId device, DeviceRequest request) throws IOException {
            try {
                release.await();
                return new DeviceResponse(0, new byte[0]);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            } finally {
                returned.countDown();
            }
        }
    }

    @Test
    void aDeviceThatNeverAnswersFailsTheCallAndIsQuarantinedUntilItDoes() throws Exception {
        Stalled device = new Stalled();
        try (BoundedSender sender = new BoundedSender(Duration.ofMillis(50))) {
            assertThatThrownBy(() -> sender.send(device, DEV, REQUEST)).isInstanceOf(IOException.class)
                    .hasMessageContaining("did not answer within");
            assertThatThrownBy(() -> sender.send(device, DEV, REQUEST)).hasMessageContaining("has not answered");
            device.release.countDown();
            assertThat(device.returned.await(5, TimeUnit.SECONDS)).isTrue();
            Transport healthy = new Stalled() {
                @Override
                public DeviceResponse send(DeviceId d, DeviceRequest r) {
                    return new DeviceResponse(0, new byte[] { 1 });
                }
            };
            // the quarantine lifts once the late answer is in; bounded retry, no sleeping
            DeviceResponse answer = null;
            for (int i = 0; i < 1000 && answer == null; i++) {
                try {
                    answer = sender.send(healthy, DEV, REQUEST);
                } catch (IOException stillQuarantined) {
                    Thread.onSpinWait();
                }
            }
            assertThat(answer).isNotNull();
        }
    }

    @Test
    void transportFailuresPassThroughUnchanged() {
        Transport failing = new Stalled() {
            @Override
            public DeviceResponse send(DeviceId d, DeviceRequest r) throws IOException {
                throw new io.fwgate.api.spi.DeviceGoneException("gone");
            }
        };
        try (BoundedSender sender = new BoundedSender(Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> sender.send(failing, DEV, REQUEST))
                    .isInstanceOf(io.fwgate.api.spi.DeviceGoneException.class);
        }
    }

    @Test
    void aTransportThatBoundsItselfIsCalledOnTheCallersThread() throws Exception {
        Thread[] sender = new Thread[1];
        Transport inMemory = new Stalled() {
            @Override
            public DeviceResponse send(DeviceId d, DeviceRequest r) {
                sender[0] = Thread.currentThread();
                return new DeviceResponse(0, new byte[0]);
            }
        };
        try (BoundedSender bounded = new BoundedSender(Duration.ofSeconds(5), t -> t == inMemory)) {
            bounded.send(inMemory, DEV, REQUEST);
            assertThat(sender[0]).isSameAs(Thread.currentThread());
        }
    }
}
