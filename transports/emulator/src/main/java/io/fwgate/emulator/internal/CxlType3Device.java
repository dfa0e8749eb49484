package io.fwgate.emulator.internal;

import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

import io.fwgate.api.DeviceId;
import io.fwgate.api.DeviceInfo;
import io.fwgate.api.DeviceKind;
import io.fwgate.api.spi.DeviceRequest;
import io.fwgate.api.spi.DeviceResponse;

/**
 * An emulated CXL type 3 memory device: 512 MiB volatile and 512 MiB persistent capacity, a 128 KiB
 * label storage area, a few event records, one feature (patrol scrub) and a 5-second sanitize, behind
 * a mailbox that answers as the CXL 3.x spec says, errors included. Pure Java; time comes from an
 * injected nanosecond source. Thread-safe.
 */
final class CxlType3Device implements EmulatedDevice {
    static final int PCI_VENDOR_ID = 0x8086;
    static final int PCI_DEVICE_ID = 0x0d93;
    static final int PCI_SUBSYSTEM_VENDOR_ID = 0x8086;
    static final int PCI_SUBSYSTEM_ID = 0x0001;
    static final long SERIAL = 0xc0ffee00L;
    static final String DESCRIPTION = "fwgate emulated CXL type-3 memory device";
    static final MemoryDeviceCommands.Profile PROFILE = new MemoryDeviceCommands.Profile("fwgate-emu 1.0",
            512L << 20, 512L << 20, 128 << 10, 8);
    /** Healthy: 3% of life used, 38 degrees C, no dirty shutdowns, no corrected errors. */
    static final HealthInfo HEALTH = new HealthInfo(0, 0, 0, 3, 38, 0, 0, 0);

    private final DeviceInfo info;
    private final CxlMailbox mailbox;

    /**
     * @param id the device's id
     * @param nanos a monotonic nanosecond source, e.g. {@code System::nanoTime}
     */
    CxlType3Device(DeviceId id, LongSupplier nanos) {
        // Linux prints a CXL serial in sysfs with "%#llx"
        this.info = new DeviceInfo(id, DeviceKind.CXL_MEMORY_DEVICE, PCI_VENDOR_ID, PCI_DEVICE_ID,
                Optional.of(String.format("%#x", SERIAL)), DESCRIPTION);
        BackgroundOperation background = new BackgroundOperation(nanos);
        LsaCommands lsa = new LsaCommands(PROFILE.lsaSize());
        InfoStatCommands.Identity identity = new InfoStatCommands.Identity(PCI_VENDOR_ID, PCI_DEVICE_ID,
                PCI_SUBSYSTEM_VENDOR_ID, PCI_SUBSYSTEM_ID, SERIAL, InfoStatCommands.COMPONENT_TYPE_3);
        this.mailbox = new CxlMailbox(background, List.of(
                new InfoStatCommands(identity, background),
                new EventCommands(new EventRecords(HEALTH)),
                new FirmwareCommands(PROFILE.firmwareRevision()),
                new TimestampCommands(nanos),
                new LogCommands(this::cel),
                new FeatureCommands(new PatrolScrub()),
                new MemoryDeviceCommands(PROFILE, HEALTH),
                lsa,
                new SanitizeCommands(background, lsa)));
    }

    private byte[] cel() {
        return mailbox.cel();
    }

    @Override
    public DeviceInfo info() {
        return info;
    }

    /**
     * @throws IllegalArgumentException if the request has transport parameters (mailbox commands have
     *         none) or its opcode does not fit 16 bits
     */
    @Override
    public DeviceResponse send(DeviceRequest request) {
        if (!request.parameters().isEmpty()) {
            throw new IllegalArgumentException("CXL mailbox commands take no parameters, got "
                    + request.parameters().keySet());
        }
        if (request.opcode() < 0 || request.opcode() > 0xffff) {
            throw new IllegalArgumentException(String.format("CXL opcode 0x%x does not fit 16 bits", request.opcode()));
        }
        Answer answer = handle(request.opcode(), request.payload(), request.maxResponseSize());
        return new DeviceResponse(answer.code().code(), answer.payload());
    }

    /**
     * Runs one mailbox command, accepting an output up to the mailbox's payload size.
     *
     * @param opcode the opcode
     * @param payload the input payload
     * @return the device's answer
     */
    Answer handle(int opcode, byte[] payload) {
        return handle(opcode, payload, CxlMailbox.PAYLOAD_SIZE);
    }

    /**
     * @param opcode the opcode
     * @param payload the input payload
     * @param maxResponseSize the largest output the requester accepts
     * @return the device's answer
     */
    Answer handle(int opcode, byte[] payload, int maxResponseSize) {
        return mailbox.handle(opcode, payload, maxResponseSize);
    }
}
