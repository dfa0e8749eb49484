package io.fwgate.core.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.fwgate.api.DeviceId;
import io.fwgate.api.DeviceInfo;
import io.fwgate.api.DeviceKind;
import io.fwgate.api.spi.DeviceRequest;
import io.fwgate.api.spi.DeviceResponse;
import io.fwgate.api.spi.Transport;

/**
 * A one-device transport for router tests: answers Get Supported Logs and Get Log from a CEL given as
 * {opcode, effect} pairs, and every other opcode with the answer function. Records what it was sent.
 * Lists {@link #ID}, a memory device of PCI vendor 8086h, unless told to list others.
 */
final class FakeDevice implements Transport {
    static final DeviceId ID = new DeviceId("fake", "mem0");
    final List<DeviceRequest> sent = new ArrayList<>();
    private final byte[] cel;
    private Function<DeviceRequest, DeviceResponse> answer = r -> new DeviceResponse(0, new byte[0]);
    private IOException failure;
    private volatile List<DeviceInfo> listed = List.of(
            new DeviceInfo(ID, DeviceKind.CXL_MEMORY_DEVICE, 0x8086, 0x0d93, Optional.of("0x1"), "fake"));

    FakeDevice(int... celPairs) {
        ByteBuffer buffer = ByteBuffer.allocate(celPairs.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int value : celPairs) {
            buffer.putShort((short) value);
        }
        cel = buffer.array();
    }

    FakeDevice answering(Function<DeviceRequest, DeviceResponse> answer) {
        this.answer = answer;
        return this;
    }

    /** @param devices what discovery lists from now on (every one answers as this fake does) */
    FakeDevice listing(DeviceInfo... devices) {
        this.listed = List.of(devices);
        return this;
    }

    FakeDevice failing(IOException failure) {
        this.failure = failure;
        return this;
    }

    /** @return the opcodes sent, without the platform's own CEL reads */
    List<Integer> commandsSent() {
        return sent.stream().map(DeviceRequest::opcode).filter(o -> o != 0x0400 && o != 0x0401).toList();
    }

    @Override
    public String scheme() {
        return "fake";
    }

    @Override
    public List<DeviceInfo> devices() {
        return listed;
    }

    @Override
    public DeviceResponse send(DeviceId device, DeviceRequest request) throws IOException {
        sent.add(request);
        if (request.opcode() == 0x0400) {
            ByteBuffer out = ByteBuffer.allocate(28).order(ByteOrder.LITTLE_ENDIAN);
            out.putShort((short) 1).put(new byte[6]).put(CelReader.CEL_UUID).putInt(cel.length);
            return new DeviceResponse(0, out.array());
        }
        if (request.opcode() == 0x0401) {
            ByteBuffer in = ByteBuffer.wrap(request.payload()).order(ByteOrder.LITTLE_ENDIAN);
            int offset = in.getInt(16);
            return new DeviceResponse(0, java.util.Arrays.copyOfRange(cel, offset, offset + in.getInt(20)));
        }
        if (failure != null) {
            throw failure;
        }
        return answer.apply(request);
    }

    static Map<String, String> args(String... keyValues) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
