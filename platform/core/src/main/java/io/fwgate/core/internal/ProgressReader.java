package io.fwgate.core.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.Map;

import io.fwgate.api.DeviceKind;
import io.fwgate.platform.BackgroundProgress;
import io.fwgate.platform.CallException;
import io.fwgate.platform.CallRequest;
import io.fwgate.platform.CallResult;
import io.fwgate.platform.Caller;

/**
 * Asks a device how its background operation is going, through the router (so the question is gated
 * and audited like any telemetry call), and reads the answer per family:
 * <ul>
 * <li>CXL Background Operation Status (0002h), 8 bytes: byte 0 bit 0 in progress, bits 7:1 percent
 * complete; u16 opcode at 2; u16 return code at 4.</li>
 * <li>NVMe Sanitize Status log (Get Log Page 81h, 512 bytes): u16 SPROG at 0 (progress in 65536ths),
 * u16 SSTAT at 2 (bits 2:0: 1 completed, 2 in progress, 3 failed).</li>
 * </ul>
 */
final class ProgressReader {
    static final int CXL_BACKGROUND_STATUS = 0x0002;
    static final int NVME_GET_LOG_PAGE = 0x02;
    static final int NVME_SANITIZE_LOG = 0x81;
    static final int NVME_SANITIZE = 0x84;

    private ProgressReader() {
    }

    static BackgroundProgress read(Router router, Caller caller, Devices.Reached device) throws CallException {
        DeviceKind kind = device.info().kind();
        CallRequest audit = new CallRequest(device.info().id(), "background-progress", Map.of(), false);
        if (kind == DeviceKind.CXL_MEMORY_DEVICE || kind == DeviceKind.CXL_SWITCH) {
            PreparedCall call = PreparedCall.internal(CXL_BACKGROUND_STATUS, new byte[0], Map.of(), 8);
            return cxl(kind, payload(router.execute(caller, device, call, audit)));
        }
        if (kind == DeviceKind.NVME_CONTROLLER) {
            long numdl = 512 / 4 - 1;
            PreparedCall call = PreparedCall.internal(NVME_GET_LOG_PAGE, new byte[0],
                    Map.of("nsid", 0xffffffffL, "cdw10", NVME_SANITIZE_LOG | (numdl << 16)), 512);
            return nvme(payload(router.execute(caller, device, call, audit)));
        }
        throw new CallException(CallException.Kind.BAD_REQUEST,
                device.info().id() + " (" + kind.id() + ") reports no background operation status");
    }

    private static byte[] payload(CallResult result) throws CallException {
        if (!result.ok()) {
            throw new CallException(CallException.Kind.DELIVERY_FAILED, result.device()
                    + " did not report its background status: " + result.statusName());
        }
        return HexFormat.of().parseHex(String.valueOf(result.response().get("payload")));
    }

    static BackgroundProgress cxl(DeviceKind kind, byte[] payload) throws CallException {
        if (payload.length < 8) {
            throw short_(payload.length, 8);
        }
        ByteBuffer in = ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN);
        int first = Byte.toUnsignedInt(in.get(0));
        boolean running = (first & 1) != 0;
        int status = Short.toUnsignedInt(in.getShort(4));
        return new BackgroundProgress(running, Math.min(100, first >>> 1), Short.toUnsignedInt(in.getShort(2)),
                running ? 0 : status, running ? "running" : ReturnCodes.name(kind, status));
    }

    static BackgroundProgress nvme(byte[] payload) throws CallException {
        if (payload.length < 4) {
            throw short_(payload.length, 4);
        }
        ByteBuffer in = ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN);
        int sprog = Short.toUnsignedInt(in.getShort(0));
        int sstat = Short.toUnsignedInt(in.getShort(2)) & 0x7;
        boolean running = sstat == 2;
        int percent = running ? sprog * 100 / 65536 : 100;
        String name = switch (sstat) {
            case 0 -> "never-sanitized";
            case 1, 4 -> "success";
            case 2 -> "running";
            case 3 -> "sanitize-failed";
            default -> "status-" + sstat;
        };
        return new BackgroundProgress(running, percent, NVME_SANITIZE, sstat == 3 ? 0x001c : 0, name);
    }

    private static CallException short_(int length, int needed) {
        return new CallException(CallException.Kind.DELIVERY_FAILED,
                "the background status answer is " + length + " bytes, shorter than " + needed);
    }
}
