package io.fwgate.emulator.internal;

import java.util.ArrayList;
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
    /** Linux prints a CXL serial in sysfs with "%#llx", so that is the serial the transport reports. */
    static final Model MODEL = new Model(new InfoStatCommands.Identity(PCI_VENDOR_ID, PCI_DEVICE_ID,
            PCI_SUBSYSTEM_VENDOR_ID, PCI_SUBSYSTEM_ID, SERIAL, InfoStatCommands.COMPONENT_TYPE_3),
            String.format("%#x", SERIAL), DESCRIPTION, PROFILE.firmwareRevision());

    /**
     * Who a device says it is; capacities, logs and features are the same for every device.
     *
     * @param identity what Identify (0001h) reports
     * @param serial the serial the transport reports
     * @param description the transport's description
     * @param firmware the running firmware's revision, at most 16 ASCII characters
     */
    record Model(InfoStatCommands.Identity identity, String serial, String description, String firmware) {
    }

    private final DeviceInfo info;
    private final CxlMailbox mailbox;

    /**
     * @param id the device's id
     * @param nanos a monotonic nanosecond source, e.g. {@code System::nanoTime}
     */
    CxlType3Device(DeviceId id, LongSupplier nanos) {
        this(id, MODEL, List.of(), nanos);
    }

    /**
     * @param id the device's id
     * @param model who the device says it is
     * @param vendor vendor command sets (opcodes C000h to FFFFh) to support besides the standard ones
     * @param nanos a monotonic nanosecond source
     * @throws IllegalArgumentException if two commands share an opcode
     */
    CxlType3Device(DeviceId id, Model model, List<CommandSet> vendor, LongSupplier nanos) {
        InfoStatCommands.Identity identity = model.identity();
        this.info = new DeviceInfo(id, DeviceKind.CXL_MEMORY_DEVICE, identity.vendorId(), identity.deviceId(),
                Optional.of(model.serial()), model.description());
        MemoryDeviceCommands.Profile profile = new MemoryDeviceCommands.Profile(model.firmware(),
                PROFILE.volatileBytes(), PROFILE.persistentBytes(), PROFILE.lsaSize(), PROFILE.eventLogCapacity());
        BackgroundOperation background = new BackgroundOperation(nanos);
        LsaCommands lsa = new LsaCommands(profile.lsaSize());
        List<CommandSet> sets = new ArrayList<>(List.of(
                new InfoStatCommands(identity, background),
                new EventCommands(new EventRecords(HEALTH)),
                new FirmwareCommands(profile.firmwareRevision()),
                new TimestampCommands(nanos),
                new LogCommands(this::cel),
                new FeatureCommands(new PatrolScrub()),
                new MemoryDeviceCommands(profile, HEALTH),
                lsa,
                new SanitizeCommands(background, lsa)));
        sets.addAll(vendor);
        this.mailbox = new CxlMailbox(background, sets);
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
