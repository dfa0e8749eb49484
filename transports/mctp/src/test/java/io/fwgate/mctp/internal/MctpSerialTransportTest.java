package io.fwgate.mctp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.fwgate.api.DeviceId;
import io.fwgate.api.DeviceInfo;
import io.fwgate.api.DeviceKind;
import io.fwgate.api.spi.DeviceGoneException;
import io.fwgate.api.spi.DeviceRequest;
import io.fwgate.mctp.MctpSerialLink;

class MctpSerialTransportTest {
    private final List<String> warnings = new ArrayList<>();
    private final FakeEndpoint memoryDevice = new FakeEndpoint(9);

    /** Runs discoveries on the caller's thread, so a test sees them done. */
    private static final class DirectExecutor extends AbstractExecutorService {
        private boolean shutdown;

        @Override
        public void execute(Runnable command) {
            command.run();
        }

        @Override
        public void shutdown() {
            shutdown = true;
        }

        @Override
        public List<Runnable> shutdownNow() {
            shutdown = true;
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return shutdown;
        }

        @Override
        public boolean isTerminated() {
            return shutdown;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }
    }

    private MctpSerialTransport transport(String list) {
        SerialSettings settings = SerialSettings.from(Map.of("fwgate.mctp.serial", list, "fwgate.mctp.serial.timeout-ms",
                "500")::get, warnings::add);
        // one fake (and clock) for every line: a silent fake's reads advance the clock the requester times out on
        return new MctpSerialTransport(settings, link -> memoryDevice, memoryDevice.nanos::get, new DirectExecutor(),
                warnings::add);
    }

    @Test
    void configuredLinesAreDiscoveredAndListedMalformedOnesNamed() throws Exception {
        memoryDevice.responder = request -> request[0] == 0x00 && request[2] == 0x05
                ? Optional.of(new byte[] {0x00, (byte) (request[1] & 0x1f), 0x05, 0x00, 0x01, 0x08})
                : request[0] == 0x00 ? Optional.of(new byte[] {0x00, (byte) (request[1] & 0x1f), 0x02, 0x00, 0x09, 0x01,
                        0x00}) : Optional.empty();

        MctpSerialTransport transport = transport("/dev/ttyUSB0,9; ttyS1,8 ;/dev/ttyS2,300;/dev/ttyS3");

        assertThat(transport.scheme()).isEqualTo("mctp-serial");
        assertThat(transport.devices()).extracting(DeviceInfo::id, DeviceInfo::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(DeviceId.parse("mctp-serial:/dev/ttyUSB0,9"),
                        DeviceKind.CXL_MEMORY_DEVICE));
        assertThat(warnings).hasSize(3).anySatisfy(w -> assertThat(w).contains("'ttyS1,8'"))
                .anySatisfy(w -> assertThat(w).contains("'/dev/ttyS2,300'").contains("out of range"))
                .anySatisfy(w -> assertThat(w).contains("'/dev/ttyS3'").contains("PATH,EID"));
    }

    @Test
    void announcedLinesComeAndGo() throws Exception {
        MctpSerialTransport transport = transport("");
        MctpSerialLink pty = new MctpSerialLink("/dev/pts/7", 8);

        transport.addLink(pty);
        assertThat(transport.devices()).extracting(d -> d.id().toString()).containsExactly("mctp-serial:/dev/pts/7,8");
        transport.removeLink(pty);

        assertThat(transport.devices()).isEmpty();
        assertThatThrownBy(() -> transport.send(DeviceId.parse("mctp-serial:/dev/pts/7,8"),
                new DeviceRequest(1, new byte[0], Map.of(), 0))).isInstanceOf(DeviceGoneException.class);
    }

    @Test
    void otherTransportsDevicesAreRefused() {
        assertThatThrownBy(() -> transport("").send(DeviceId.parse("mctp:1,8"),
                new DeviceRequest(1, new byte[0], Map.of(), 0))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theMemoryDevicesBehindASwitchAreListedAndReachedByTunnel() throws Exception {
        FakeSwitch fakeSwitch = new FakeSwitch();
        FakeEndpoint line = new FakeEndpoint(8);
        line.responder = fakeSwitch::answer;
        SerialSettings settings = SerialSettings.from(Map.of("fwgate.mctp.serial", "/dev/ttyS1,8")::get, warnings::add);
        MctpSerialTransport transport = new MctpSerialTransport(settings, link -> line, line.nanos::get,
                new DirectExecutor(), warnings::add);

        assertThat(transport.devices()).extracting(d -> d.id().address()).containsExactly("/dev/ttyS1,8",
                "/dev/ttyS1,8/port1/ld0", "/dev/ttyS1,8/port1/ld1", "/dev/ttyS1,8/port2");
        assertThat(transport.send(DeviceId.parse("mctp-serial:/dev/ttyS1,8/port1/ld0"), new DeviceRequest(0x0001,
                new byte[0], Map.of(), 18)).payload()).containsExactly(0x5a);
        assertThatThrownBy(() -> transport.send(DeviceId.parse("mctp-serial:/dev/ttyS2,8/port1/ld0"),
                new DeviceRequest(0x0001, new byte[0], Map.of(), 18))).isInstanceOf(DeviceGoneException.class)
                .hasMessageContaining("no serial line");
    }
}
