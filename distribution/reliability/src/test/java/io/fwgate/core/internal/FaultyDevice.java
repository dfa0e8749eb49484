package io.fwgate.core.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.fwgate.api.DeviceId;
import io.fwgate.api.DeviceInfo;
import io.fwgate.api.DeviceKind;
import io.fwgate.api.spi.DeviceGoneException;
import io.fwgate.api.spi.DeviceRequest;
import io.fwgate.api.spi.DeviceResponse;
import io.fwgate.api.spi.Transport;

/**
 * A fault-injecting transport of CXL memory devices: answers the platform's CEL reads from a CEL given as
 * {opcode, effect} pairs (CXL 3.x Table 8-75: le16 opcode, le16 effect), and every other command with an
 * answer function per device. Faults: a device that never answers (until released), one that is removed
 * (gone from discovery, and {@link DeviceGoneException} for a send in flight), any wrong answer the
 * function gives. Records every command it was sent. Thread-safe.
 */
final class FaultyDevice implements Transport {
    static final String SCHEME = "faulty";
    /** Get Supported Logs, Get Log: the platform's own CEL reads. */
    private static final int GET_SUPPORTED_LOGS = 0x0400;
    private static final int GET_LOG = 0x0401;

    private final byte[] cel;
    private final List<DeviceId> present = new CopyOnWriteArrayList<>();
    private final Map<DeviceId, Function<DeviceRequest, DeviceResponse>> answers = new ConcurrentHashMap<>();
    private final Map<DeviceId, CountDownLatch> hung = new ConcurrentHashMap<>();
    private final Map<DeviceId, CountDownLatch> entered = new ConcurrentHashMap<>();
    private final List<DeviceId> switches = new CopyOnWriteArrayList<>();
    private final Map<DeviceId, DeviceKind> listed = new ConcurrentHashMap<>();
    private final List<Map.Entry<DeviceId, DeviceRequest>> sent = new CopyOnWriteArrayList<>();

    FaultyDevice(int... celPairs) {
        ByteBuffer buffer = ByteBuffer.allocate(celPairs.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int value : celPairs) {
            buffer.putShort((short) value);
        }
        cel = buffer.array();
    }

    static DeviceId id(String address) {
        return new DeviceId(SCHEME, address);
    }

    /** Adds a device that answers every command with success and an empty payload. */
    FaultyDevice with(String address) {
        return with(address, r -> new DeviceResponse(0, new byte[0]));
    }

    FaultyDevice with(String address, Function<DeviceRequest, DeviceResponse> answer) {
        present.add(id(address));
        answers.put(id(address), answer);
        return this;
    }

    /** Adds a CXL switch (its own CCI) that answers every command with success and an empty payload. */
    FaultyDevice withSwitch(String address) {
        switches.add(id(address));
        return with(address);
    }

    FaultyDevice answering(String address, Function<DeviceRequest, DeviceResponse> answer) {
        answers.put(id(address), answer);
        return this;
    }

    /** From now on the device takes every command and never answers, until {@link #release}. */
    void hang(String address) {
        hung.put(id(address), new CountDownLatch(1));
        entered.put(id(address), new CountDownLatch(1));
    }

    /** Waits until a command is stuck in the hung device (bounded, so a broken test fails, not hangs). */
    void awaitStuck(String address) throws InterruptedException {
        if (!entered.get(id(address)).await(30, TimeUnit.SECONDS)) {
            throw new AssertionError(address + " was sent nothing");
        }
    }

    /** The hung device answers the command it holds (as the answer function says) and works again. */
    void release(String address) {
        CountDownLatch latch = hung.remove(id(address));
        if (latch != null) {
            latch.countDown();
        }
    }

    /** Hot-unplug: gone from discovery; a command it holds fails with DeviceGoneException when released. */
    void remove(String address) {
        present.remove(id(address));
    }

    /** @return the opcodes sent to a device, without the platform's own CEL reads */
    List<Integer> commandsSent(String address) {
        return sent.stream().filter(e -> e.getKey().equals(id(address))).map(e -> e.getValue().opcode()).toList();
    }

    @Override
    public String scheme() {
        return SCHEME;
    }

    @Override
    public List<DeviceInfo> devices() {
        List<DeviceInfo> devices = present.stream().map(this::info).toList();
        devices.forEach(device -> listed.put(device.id(), device.kind()));
        return devices;
    }

    private DeviceInfo info(DeviceId id) {
        return new DeviceInfo(id, switches.contains(id) ? DeviceKind.CXL_SWITCH : DeviceKind.CXL_MEMORY_DEVICE, 0x1e98,
                0x0d93, Optional.of("0x" + id.address()), "fault-injecting");
    }

    @Override
    public DeviceResponse send(DeviceId device, DeviceRequest request) throws IOException {
        if (request.opcode() == GET_SUPPORTED_LOGS) {
            ByteBuffer out = ByteBuffer.allocate(28).order(ByteOrder.LITTLE_ENDIAN);
            out.putShort((short) 1).put(new byte[6]).put(CelReader.CEL_UUID).putInt(cel.length);
            return new DeviceResponse(0, out.array());
        }
        if (request.opcode() == GET_LOG) {
            ByteBuffer in = ByteBuffer.wrap(request.payload()).order(ByteOrder.LITTLE_ENDIAN);
            int offset = in.getInt(16);
            return new DeviceResponse(0, java.util.Arrays.copyOfRange(cel, offset, offset + in.getInt(20)));
        }
        // as the kernel and emulator transports do: a device replaced since it was listed is gone, once
        DeviceKind was = present.contains(device) ? listed.put(device, info(device).kind()) : null;
        if (was != null && was != info(device).kind()) {
            throw new DeviceGoneException(device + " was replaced since it was listed; nothing was sent");
        }
        sent.add(Map.entry(device, request));
        waitIfHung(device);
        if (!present.contains(device)) {
            throw new DeviceGoneException(device + " was removed");
        }
        return answers.get(device).apply(request);
    }

    private void waitIfHung(DeviceId device) throws IOException {
        CountDownLatch latch = hung.get(device);
        if (latch == null) {
            return;
        }
        entered.get(device).countDown();
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException(device + ": interrupted while hung");
        }
    }
}
